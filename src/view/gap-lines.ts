/**
 * The gap table as screen lines: one row per site, state media | outside sources in two aligned
 * columns (by display width: Hangul is two cells). Pure; also gives the plain-text pieces the
 * `gap` command and exports share (gapSideSummary, gapQuoteText).
 */
import type { GapRow, GapSide } from '../model/gap.js';
import { displayWidth, padCells, truncateCells } from '../text/width.js';
import { text, type Line, type Seg } from './paint.js';
import { CONTESTED, MUTED, STANCE_MARK, statusColour } from './theme.js';

/** "published 2025-08-18, 15 months before" / "…, 2 months after (hindsight)". */
export function ageText(side: GapSide): string {
  const n = Math.abs(side.age_months);
  const months = `${n} month${n === 1 ? '' : 's'}`;
  return side.age_months >= 0 ? `${months} old` : `published ${months} after the as-of day`;
}

/**
 * "operating (state claim) · 18 Aug 2025 · 15 months old": status, period and age of one side;
 * `compact` (the app): "operating (state claim)? · 18 Aug 2025 · 15 mo" (? = uncertain).
 */
export function gapSideSummary(side: GapSide, compact = false): string {
  if (compact) return `${side.label}${side.uncertain ? '?' : ''} · ${side.date_label} · ${side.age_months} mo`;
  return `${side.label}${side.uncertain ? ' (uncertain)' : ''} · ${side.date_label} · ${ageText(side)}`;
}

/** The quote as shown: “…” — speaker for a quote; the title or note as it is, marked by kind. */
export function gapQuoteText(side: GapSide): string {
  if (side.quote === null) return '';
  switch (side.quote_from) {
    case 'quote':
      return `“${side.quote}”${side.quote_speaker ? ` — ${side.quote_speaker}` : ''}`;
    case 'note':
      return `note: ${side.quote}`;
    default:
      return side.quote;
  }
}

/**
 * `t` cut to `w` cells with … (truncateCells), cheaply for long text: the text is first cut to
 * 2w + 1 code points (a code point is at most two cells, so the cut part is never shown), unless
 * zero-width marks make that prefix fit, when the whole text is measured.
 */
function fitCells(t: string, w: number): string {
  if (t.length <= 2 * w + 2) return truncateCells(t, w);
  let prefix = '';
  let n = 0;
  for (const c of t) {
    if (n++ > 2 * w) break;
    prefix += c;
  }
  return displayWidth(prefix) > w ? truncateCells(prefix, w) : truncateCells(t, w);
}

/** Width of the site column for a table `width` cells wide. */
function nameWidth(width: number): number {
  // From 150 cells the longest "South Hamgyong · 2024 · CONTESTED" fits.
  return width >= 150 ? 33 : Math.max(10, Math.min(28, Math.floor(width * 0.18)));
}

/**
 * Lines for the rows at `width` cells (each line at most `width` cells); `cursor` is the index of
 * the highlighted row (-1: none). Two header lines, then per site two lines (status, period, age
 * and outlet of each side; then the province, year and each side's quote), or three when a side
 * is under 45 cells (status; period, age and outlet; quote).
 * With `height` (rows available), the header stays and the rows scroll so the cursor row is in view.
 */
export function gapTableLines(rows: GapRow[], width: number, cursor: number, noColor: boolean, height = Infinity): Line[] {
  const nw = nameWidth(width);
  const sep = ' │ ';
  const side = Math.max(4, Math.floor((width - nw - 2 * sep.length - 2) / 2));
  const narrow = side < 45;
  const cell = (t: string, w: number, style: Omit<Seg, 'text'> = {}): Seg => text(padCells(fitCells(t, w), w), style);
  const bar = text(sep, { fg: MUTED });
  const header: Line[] = [
    [
      text(' '),
      cell('Site', nw, { bold: true }),
      bar,
      cell(`${STANCE_MARK.state_media.short}  State media${narrow ? '' : ': latest claim'}`, side, { bold: true, ...(noColor ? {} : { fg: STANCE_MARK.state_media.colour }) }),
      bar,
      cell(`${STANCE_MARK.outside_report.short} Outside sources${narrow ? '' : ': latest report'}`, side, { bold: true, ...(noColor ? {} : { fg: STANCE_MARK.outside_report.colour }) }),
    ],
    [text('─'.repeat(Math.max(0, Math.min(width, 1 + nw + 2 * sep.length + 2 * side))), { fg: MUTED })],
  ];
  if (rows.length === 0) return [...header, [text('No site matches the filters and the as-of date (f to change filters).', { fg: MUTED })]];
  // Wide: two lines per site (status · period · age · outlet, then the quote). Narrow (a side
  // under 45 cells): three (status, then period · age · outlet, then the quote).
  const perRow = narrow ? 3 : 2;
  const sideCells = (s: GapSide | null): Seg[] => {
    if (!s) return [cell('nothing known', side, { fg: MUTED }), ...Array.from({ length: perRow - 1 }, () => cell('', side))];
    const status = noColor ? {} : { fg: statusColour(s.status) };
    const quote = cell(gapQuoteText(s) || `[${s.source_ids.join(', ')}]`, side, { fg: MUTED });
    return narrow
      ? [cell(`${s.label}${s.uncertain ? '?' : ''}`, side, status), cell(`${s.date_label} · ${s.age_months} mo · ${s.outlet}`, side), quote]
      : [cell(`${gapSideSummary(s, true)} · ${s.outlet}`, side, status), quote];
  };
  const fit = Number.isFinite(height) ? Math.max(1, Math.floor((height - header.length) / perRow)) : rows.length;
  const at = Math.max(0, cursor);
  // The table starts at its first row; it scrolls only as far as needed to show the cursor row.
  const top = Math.max(0, Math.min(at - fit + 1, rows.length - fit));
  // Only the rows in view are laid out (cutting text to cells is the costly part of a frame).
  const body: Line[][] = rows.slice(top, top + fit).map((r, j) => {
    const i = top + j;
    const here = i === cursor;
    const name = `${r.name_en.replace(/ (County|City)$/, '')} ${r.name_ko}`;
    const flag = r.contested ? ' !' : '';
    const st = sideCells(r.state);
    const ot = sideCells(r.outside);
    const names: Seg[] = [
      cell(truncateCells(name, nw - flag.length) + flag, nw, r.contested && !noColor ? { bold: true, fg: CONTESTED } : { bold: true }),
      cell(`${r.province_en} · ${r.year}${r.contested && !narrow ? ' · CONTESTED' : ''}`, nw, { fg: MUTED }),
      ...(narrow ? [cell(r.contested ? 'CONTESTED' : '', nw, r.contested && !noColor ? { fg: CONTESTED } : {})] : []),
    ];
    const lines: Line[] = names.map((n, k) => [text(here && k === 0 ? '▶' : ' ', { bold: true }), n, bar, st[k]!, bar, ot[k]!]);
    return here ? lines.map((l) => l.map((seg) => ({ ...seg, inverse: true }))) : lines;
  });
  return [...header, ...body.flat()];
}
