/**
 * The gap table as screen lines: one row per site, state media | outside sources in two aligned
 * columns (by display width: Hangul is two cells). Pure; also gives the plain-text pieces the
 * `gap` command and exports share (gapSideSummary, gapQuoteText).
 */
import type { GapRow, GapSide } from '../model/gap.js';
import { displayWidth, padCells, truncateCells, wrapCells } from '../text/width.js';
import { plain, text, type Line, type Seg } from './paint.js';
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
 * Column widths of the table in cells: cursor mark (1), site, the state-media side, the outside
 * side, and a blank last cell (so text never touches the pane's border); with the two separators
 * they sum to `width`.
 */
export function gapColumns(width: number): { name: number; state: number; outside: number } {
  const name = nameWidth(width);
  const sides = Math.max(8, width - 2 - name - 2 * SEP.length);
  const state = Math.floor(sides / 2);
  return { name, state, outside: sides - state };
}

const SEP = ' │ ';

/** `pieces` joined with " · " and wrapped to `width` cells, a piece moved whole to the next line when it does not fit, wrapped at its spaces only when wider than a line. */
function packPieces(pieces: readonly Seg[], width: number): Line[] {
  const out: Line[] = [];
  let cur: Line = [];
  let used = 0;
  for (const piece of pieces) {
    const w = displayWidth(piece.text);
    if (used > 0 && used + 3 + w <= width) {
      cur.push(text(' · ', { fg: MUTED }), piece);
      used += 3 + w;
      continue;
    }
    if (used > 0) out.push(cur);
    [cur, used] = [[], 0];
    if (w <= width) [cur, used] = [[piece], w];
    else {
      const parts = wrapCells(piece.text, width).map((t): Line => [{ ...piece, text: t }]);
      out.push(...parts.slice(0, -1));
      cur = parts.at(-1) ?? [];
      used = displayWidth(plain(cur));
    }
  }
  if (used > 0) out.push(cur);
  return out;
}

/** `t` wrapped to `width` cells in at most `lines` lines, the last one cut with … when more text follows. */
function clampWrapped(t: string, width: number, lines: number, style: Omit<Seg, 'text'>): Line[] {
  if (lines <= 0 || t === '') return [];
  // Only as much text as could show is wrapped (a code point is at least one cell).
  const wrapped = wrapCells(t.length > width * lines + 1 ? `${t.slice(0, width * lines + 1)}…` : t, width);
  if (wrapped.length <= lines) return wrapped.map((l) => [text(l, style)]);
  const shown = wrapped.slice(0, lines);
  shown[lines - 1] = truncateCells(`${shown[lines - 1]} ${wrapped[lines]}`, width);
  if (!shown[lines - 1]!.endsWith('…')) shown[lines - 1] = `${truncateCells(shown[lines - 1]!, width - 1)}…`;
  return shown.map((l) => [text(l, style)]);
}

/**
 * One side of a row: the facts (status, period, age, outlet with its relay), each whole, packed
 * into as many lines as they need, then the quote in the lines left (at least one), shortened with
 * … only when it does not fit the `n` lines the row leaves it.
 */
function sideLines(s: GapSide | null, width: number, noColor: boolean): { facts: Line[]; quote: (n: number) => Line[] } {
  if (!s) return { facts: [[text('nothing known', { fg: MUTED })]], quote: () => [] };
  const facts = packPieces(
    [text(`${s.label}${s.uncertain ? '?' : ''}`, noColor ? {} : { fg: statusColour(s.status) }), text(s.date_label), text(`${s.age_months} mo`), text(s.outlet)],
    width,
  );
  const quote = gapQuoteText(s) || `[${s.source_ids.join(', ')}]`;
  return { facts, quote: (n) => clampWrapped(quote, width, n, { fg: MUTED }) };
}

/** The site column of a row: the name (and ! when contested), province and year, CONTESTED; each wrapped whole. */
function nameLines(r: GapRow, width: number, noColor: boolean): Line[] {
  const name = wrapCells(`${r.name_en.replace(/ (County|City)$/, '')} ${r.name_ko}`, width);
  // The contested mark stays on the name's last line when it fits there.
  if (r.contested) {
    if (displayWidth(name.at(-1)!) + 2 <= width) name[name.length - 1] += ' !';
    else name.push('!');
  }
  const style = r.contested && !noColor ? { bold: true, fg: CONTESTED } : { bold: true };
  return [
    ...name.map((l): Line => [text(l, style)]),
    ...wrapCells(`${r.province_en} · ${r.year}`, width).map((l): Line => [text(l, { fg: MUTED })]),
    ...(r.contested ? [[text('CONTESTED', r.contested && !noColor ? { fg: CONTESTED } : {})]] : []),
  ];
}

/**
 * One row laid out: per column its lines, all of the row's height (the tallest column: the site's
 * name lines, or a side's facts and one line of quote); the quotes fill the lines left. Memoised
 * per row object and widths (a keystroke lays out only rows it has not seen at this size).
 */
const laidOut = new WeakMap<GapRow, { key: string; cols: Line[][] }>();
function layRow(r: GapRow, cols: ReturnType<typeof gapColumns>, noColor: boolean): Line[][] {
  const key = `${cols.name}/${cols.state}/${cols.outside}/${noColor}`;
  const hit = laidOut.get(r);
  if (hit && hit.key === key) return hit.cols;
  const names = nameLines(r, cols.name, noColor);
  const st = sideLines(r.state, cols.state, noColor);
  const ot = sideLines(r.outside, cols.outside, noColor);
  const height = Math.max(names.length, st.facts.length + (r.state ? 1 : 0), ot.facts.length + (r.outside ? 1 : 0));
  const result = [names, [...st.facts, ...st.quote(height - st.facts.length)], [...ot.facts, ...ot.quote(height - ot.facts.length)]];
  laidOut.set(r, { key, cols: result });
  return result;
}

/**
 * Lines for the rows at `width` cells (each line exactly `width` cells once padded); `cursor` is the
 * index of the highlighted row (-1: none). Two header lines (column names, a rule as wide as the
 * table), then per site as many lines as its tallest column: the site's name, province and year
 * and CONTESTED; for each side its status, period, age and outlet (with the relay), each whole,
 * then its quote, shortened with … when it does not fit the lines left. Nothing but a quote is
 * ever cut.
 * With `height` (rows available), the header stays and the rows scroll so the cursor row is in
 * view; only whole rows are shown (a row taller than the space is cut at the bottom).
 */
export function gapTableLines(rows: GapRow[], width: number, cursor: number, noColor: boolean, height = Infinity): Line[] {
  const cols = gapColumns(width);
  const narrow = cols.state < 45;
  const cell = (t: string, w: number, style: Omit<Seg, 'text'> = {}): Seg => text(padCells(fitCells(t, w), w), style);
  const bar = text(SEP, { fg: MUTED });
  const header: Line[] = [
    [
      text(' '),
      cell('Site', cols.name, { bold: true }),
      bar,
      cell(`${STANCE_MARK.state_media.short}  State media${narrow ? '' : ': latest claim'}`, cols.state, { bold: true, ...(noColor ? {} : { fg: STANCE_MARK.state_media.colour }) }),
      bar,
      cell(`${STANCE_MARK.outside_report.short} Outside sources${narrow ? '' : ': latest report'}`, cols.outside, { bold: true, ...(noColor ? {} : { fg: STANCE_MARK.outside_report.colour }) }),
    ],
    [text('─'.repeat(Math.max(0, 2 + cols.name + 2 * SEP.length + cols.state + cols.outside)), { fg: MUTED })],
  ];
  if (rows.length === 0) return [...header, [text('No site matches the filters and the as-of date (f to change filters).', { fg: MUTED })]];
  const room = Number.isFinite(height) ? Math.max(1, height - header.length) : Infinity;
  const tall = (i: number) => Math.max(...layRow(rows[i]!, cols, noColor).map((c) => c.length));
  // The table starts at its first row; it scrolls only as far as needed to show the cursor row whole.
  const at = Math.max(0, cursor);
  let top = at;
  let used = Number.isFinite(room) ? tall(at) : 0;
  while (top > 0 && Number.isFinite(room) && used + tall(top - 1) <= room) used += tall(--top);
  if (!Number.isFinite(room)) top = 0;
  const body: Line[] = [];
  for (let i = top; i < rows.length; i++) {
    const [names, st, ot] = layRow(rows[i]!, cols, noColor);
    const n = Math.max(names!.length, st!.length, ot!.length);
    // Only whole rows, except a cursor row taller than the pane (cut at the bottom).
    if (body.length + n > room && !(i === top && body.length === 0)) break;
    const here = i === cursor;
    const pad = (line: Line | undefined, w: number): Seg[] => {
      const l = line ?? [];
      return [...l, text(' '.repeat(Math.max(0, w - displayWidth(plain(l)))))];
    };
    for (let k = 0; k < n && body.length < room; k++) {
      const line: Line = [text(here && k === 0 ? '▶' : ' ', { bold: true }), ...pad(names![k], cols.name), bar, ...pad(st![k], cols.state), bar, ...pad(ot![k], cols.outside)];
      body.push(here ? line.map((seg) => ({ ...seg, inverse: true })) : line);
    }
  }
  return [...header, ...body];
}
