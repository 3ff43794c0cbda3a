/**
 * The gap rows as wrapping blocks, for slides (the screen's fixed-width table is gap-lines.ts).
 * Pure. Nothing is ever cut: every site name, status, date, outlet (relay kept: "X via Y"),
 * source id and quote is wrapped to the width given, never ended with "…" here (a quote the gap
 * model already shortened keeps the model's ellipsis).
 *
 * One block per site:
 *   ! Kim Hyong Jik 김형직군 · Ryanggang · 2024 · CONTESTED
 *     SM  operating (state claim) (uncertain) │ OUT far below capacity (reported)
 *         18 Aug 2025 · 4 months old · Rodong │     Aug 2025 · 4 months old · Daily NK via
 *         Sinmun via Daily NK [source ids]    │     europesays.com (mirror) [source ids]
 *         “quote …” (wrapped)                 │     “quote …” (wrapped)
 * The two sides stand side by side when each gets at least SIDE_MIN cells, stacked otherwise.
 * A blank line separates blocks.
 */
import type { GapRow, GapSide } from '../model/gap.js';
import { displayWidth, padCells } from '../text/width.js';
import { ageText, gapQuoteText } from './gap-lines.js';
import { text, wrapLine, type Line, type Seg } from './paint.js';
import { CONTESTED, MUTED, STANCE_MARK, statusColour } from './theme.js';

/** Narrowest side (cells) shown beside the other; below it the sides are stacked. */
export const SIDE_MIN = 36;
const SEP = ' │ ';
/** Indent of the side lines under the site's name line. */
const INDENT = 2;

/**
 * Lines of one side, each at most `width` cells: its heading (SM / OUT tag), status (with
 * "uncertain"), period · age · outlet [source ids], then the quote (or "nothing known").
 */
function sideLines(s: GapSide | null, heading: 'state' | 'outside', width: number, noColor: boolean): Line[] {
  const mark = STANCE_MARK[heading === 'state' ? 'state_media' : 'outside_report'];
  // The side's tag (SM / OUT) starts its status line; the slide's key says what the tags mean.
  const tag = text(`${mark.short.padEnd(3)} `, { bold: true, ...(noColor ? {} : { fg: mark.colour }) });
  if (!s) return [[tag, text(heading === 'state' ? 'no state-media statement known' : 'no outside report known', { fg: MUTED })]];
  const out: Line[] = wrapLine([tag, text(`${s.label}${s.uncertain ? ' (uncertain)' : ''}`, noColor ? { bold: true } : { fg: statusColour(s.status), bold: true })], width, 4);
  const where: Seg[] = [text(`${s.date_label} · ${ageText(s)}`), text(` · ${s.outlet || 'no outlet given'}`)];
  if (s.source_ids.length > 0) where.push(text(` [${s.source_ids.join(', ')}]`, { fg: MUTED }));
  out.push(...wrapLine([text('    '), ...where], width, 6));
  const quote = gapQuoteText(s);
  if (quote) out.push(...wrapLine([text('    '), text(quote, { fg: MUTED })], width, 5));
  return out;
}

/** The key to a slide's gap blocks: what SM, OUT and ! mean. */
export function gapBlockKey(width: number, noColor: boolean): Line[] {
  const sm = STANCE_MARK.state_media;
  const out = STANCE_MARK.outside_report;
  return wrapLine(
    [
      text(sm.short, { bold: true, ...(noColor ? {} : { fg: sm.colour }) }),
      text(' newest state-media claim   ', { fg: MUTED }),
      text(out.short, { bold: true, ...(noColor ? {} : { fg: out.colour }) }),
      text(' newest outside report (outside media, ROK government, analysts)   ', { fg: MUTED }),
      text('!', { bold: true, ...(noColor ? {} : { fg: CONTESTED }) }),
      text(' contested: the two disagree on whether the site works', { fg: MUTED }),
    ],
    width,
    2,
  );
}

/** Two columns of lines side by side, `w` cells each, joined by " │ ". */
function besideLines(left: Line[], right: Line[], w: number, indent: number): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const l = left[i] ?? [];
    const used = l.reduce((n, seg) => n + displayWidth(seg.text), 0);
    out.push([text(' '.repeat(indent)), ...l, text(padCells('', w - used)), text(SEP, { fg: MUTED }), ...(right[i] ?? [])]);
  }
  return out;
}

/**
 * The lines of one site's block at `width` cells (each line at most `width` cells, nothing cut).
 * `noColor`: statuses and stance tags without colour (the TXT slide).
 */
export function gapBlock(r: GapRow, width: number, noColor: boolean): Line[] {
  const w = Math.max(8, width);
  const flagStyle = r.contested && !noColor ? { bold: true, fg: CONTESTED } : { bold: true };
  const head: Line = [
    text(r.contested ? '! ' : '  ', flagStyle),
    text(`${r.name_en} ${r.name_ko}`, { bold: true }),
    text(` · ${r.province_en} · ${r.year}`, { fg: MUTED }),
    ...(r.contested ? [text(' · CONTESTED', flagStyle)] : []),
  ];
  const lines = wrapLine(head, w, 4);
  const side = Math.floor((w - INDENT - SEP.length) / 2);
  if (side >= SIDE_MIN) {
    lines.push(...besideLines(sideLines(r.state, 'state', side, noColor), sideLines(r.outside, 'outside', side, noColor), side, INDENT));
  } else {
    const inner = w - INDENT;
    for (const l of [...sideLines(r.state, 'state', inner, noColor), ...sideLines(r.outside, 'outside', inner, noColor)]) lines.push([text(' '.repeat(INDENT)), ...l]);
  }
  return lines;
}

/**
 * Every row as a block (gapBlock), blank lines between blocks; a note when there are no rows.
 * Takes the rows in the order to show (model/gap.ts gapRows), a width in cells (each line at most
 * that wide) and whether to draw without colour; returns styled lines. Never throws.
 */
export function gapBlockLines(rows: readonly GapRow[], width: number, noColor: boolean): Line[] {
  if (rows.length === 0) return [[text('No gap rows under this lens.', { fg: MUTED })]];
  const out: Line[] = [];
  rows.forEach((r, i) => {
    if (i > 0) out.push([]);
    out.push(...gapBlock(r, width, noColor));
  });
  return out;
}

/** The blocks one by one (for layouts that keep a block in one column). */
export function gapBlocks(rows: readonly GapRow[], width: number, noColor: boolean): Line[][] {
  return rows.map((r) => gapBlock(r, width, noColor));
}
