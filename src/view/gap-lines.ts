/**
 * The gap table as screen lines: one row per site, state media | outside sources in two aligned
 * columns (by display width: Hangul is two cells). Pure; also gives the plain-text pieces the
 * `gap` command and exports share (gapSideSummary, gapQuoteText).
 */
import type { GapRow, GapSide } from '../model/gap.js';
import { padCells, truncateCells } from '../text/width.js';
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

/** Width of the site column for a table `width` cells wide. */
function nameWidth(width: number): number {
  return Math.max(10, Math.min(28, Math.floor(width * 0.18)));
}

/**
 * Lines for the rows at `width` cells (each line at most `width` cells); `cursor` is the index of
 * the highlighted row (-1: none). Two header lines, then two lines per site: the status, period,
 * age and outlet of each side, then the site's province and year and each side's quote.
 * With `height` (rows available), the header stays and the rows scroll so the cursor row is in view.
 */
export function gapTableLines(rows: GapRow[], width: number, cursor: number, noColor: boolean, height = Infinity): Line[] {
  const nw = nameWidth(width);
  const sep = ' │ ';
  const side = Math.max(4, Math.floor((width - nw - 2 * sep.length - 1) / 2));
  const cell = (t: string, w: number, style: Omit<Seg, 'text'> = {}): Seg => text(padCells(truncateCells(t, w), w), style);
  const bar = text(sep, { fg: MUTED });
  const header: Line[] = [
    [
      text(' '),
      cell('Site', nw, { bold: true }),
      bar,
      cell(`${STANCE_MARK.state_media.short}  State media: latest claim`, side, { bold: true, ...(noColor ? {} : { fg: STANCE_MARK.state_media.colour }) }),
      bar,
      cell(`${STANCE_MARK.outside_report.short} Outside sources: latest report`, side, { bold: true, ...(noColor ? {} : { fg: STANCE_MARK.outside_report.colour }) }),
    ],
    [text('─'.repeat(Math.max(0, Math.min(width, 1 + nw + 2 * sep.length + 2 * side))), { fg: MUTED })],
  ];
  if (rows.length === 0) return [...header, [text('No site matches the filters and the as-of date (f to change filters).', { fg: MUTED })]];
  const sideCells = (s: GapSide | null): [Seg, Seg] => {
    if (!s) return [cell('nothing known', side, { fg: MUTED }), cell('', side)];
    const top = `${gapSideSummary(s, true)} · ${s.outlet}`;
    return [
      cell(top, side, noColor ? {} : { fg: statusColour(s.status) }),
      cell(gapQuoteText(s) || `[${s.source_ids.join(', ')}]`, side, { fg: MUTED }),
    ];
  };
  const body: Line[][] = rows.map((r, i) => {
    const here = i === cursor;
    const name = `${r.name_en.replace(/ (County|City)$/, '')} ${r.name_ko}`;
    const flag = r.contested ? ' !' : '';
    const [st, sq] = sideCells(r.state);
    const [ot, oq] = sideCells(r.outside);
    const first: Line = [
      text(here ? '▶' : ' ', { bold: true }),
      cell(truncateCells(name, nw - flag.length) + flag, nw, r.contested && !noColor ? { bold: true, fg: CONTESTED } : { bold: true }),
      bar,
      st,
      bar,
      ot,
    ];
    const second: Line = [
      text(' '),
      cell(`${r.province_en} · ${r.year}${r.contested ? ' · CONTESTED' : ''}`, nw, { fg: MUTED }),
      bar,
      sq,
      bar,
      oq,
    ];
    return here ? [first, second].map((l) => l.map((seg) => ({ ...seg, inverse: true }))) : [first, second];
  });
  const perRow = 2;
  const fit = Number.isFinite(height) ? Math.max(1, Math.floor((height - header.length) / perRow)) : rows.length;
  const at = Math.max(0, cursor);
  // The table starts at its first row; it scrolls only as far as needed to show the cursor row.
  const top = Math.max(0, Math.min(at - fit + 1, rows.length - fit));
  return [...header, ...body.slice(top, top + fit).flat()];
}
