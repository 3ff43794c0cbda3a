/**
 * County names on a zoomed map: each wanted county gets its name on one row, as near its anchor
 * cell as it fits, never over another label or the map's edge, preferring cells of the county
 * itself. Names that fit nowhere near their county are left out. Hangul is two cells wide per
 * syllable. Pure.
 */
import stringWidth from 'string-width';
import type { MapRaster } from './raster.js';

export interface CellLabel {
  /** Registry id of the county named. */
  id: string;
  text: string;
  col: number;
  row: number;
  /** One entry per cell: the character drawn there ('' for the right half of a wide character). */
  cells: string[];
}

/** The characters of `text` spread over cells ('' after each double-width character). */
export function labelCells(text: string): string[] {
  const out: string[] = [];
  for (const ch of text) {
    out.push(ch);
    if (stringWidth(ch) === 2) out.push('');
  }
  return out;
}

/**
 * Places `wanted` (in priority order: the first is placed first) on `raster`. Rows searched: the
 * anchor's row, then up to `reach` rows above and below; a label may cover at most half of its
 * cells outside its county. `taken` (optional) marks cells already used (e.g. by other labels).
 */
export function placeCountyLabels(
  raster: Pick<MapRaster, 'cols' | 'rows' | 'cellCounty' | 'prepared' | 'anchorCell'>,
  wanted: readonly { id: string; text: string }[],
  reach = 2,
): CellLabel[] {
  const { cols, rows, cellCounty, prepared } = raster;
  const taken = new Uint8Array(cols * rows);
  const out: CellLabel[] = [];
  for (const w of wanted) {
    const ci = prepared.index.get(w.id);
    if (ci === undefined) continue;
    const anchor = raster.anchorCell[ci]!;
    if (anchor < 0) continue;
    const cells = labelCells(w.text);
    const len = cells.length;
    if (len > cols) continue;
    const ac = anchor % cols;
    const ar = Math.floor(anchor / cols);
    let best: { col: number; row: number; score: number } | undefined;
    for (let dr = -reach; dr <= reach; dr++) {
      const r = ar + dr;
      if (r < 0 || r >= rows) continue;
      for (let c = Math.max(0, ac - len + 1); c <= Math.min(cols - len, ac); c++) {
        let ok = true;
        let own = 0;
        for (let i = -1; i <= len && ok; i++) {
          const x = c + i;
          if (x < 0 || x >= cols) continue;
          if (taken[r * cols + x]) ok = false;
          else if (i >= 0 && i < len && cellCounty[r * cols + x] === ci) own++;
        }
        if (!ok || own * 2 < len - 1) continue;
        const score = Math.abs(dr) * 4 + Math.abs(c + len / 2 - (ac + 0.5)) - own;
        if (!best || score < best.score) best = { col: c, row: r, score };
      }
    }
    if (!best) continue;
    for (let i = 0; i < len; i++) taken[best.row * cols + best.col + i] = 1;
    out.push({ id: w.id, text: w.text, col: best.col, row: best.row, cells });
  }
  return out;
}
