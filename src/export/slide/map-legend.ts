/**
 * The legend of a slide's map, read off the map as drawn: only the statuses whose fill (colour) or
 * glyph (no colour) is actually on the map, the stale mark when it is, and the highlighted county
 * under its own name. Never a cursor entry: a slide has no cursor.
 */
import { LEGEND, STALE_MARK, type MapStatus } from '../../map/legend.js';
import type { Line } from '../../view/paint.js';
import type { LegendItem } from '../types.js';

/** Statuses a slide legend can list, in the legend's display order. */
const ORDER = (Object.keys(LEGEND) as MapStatus[]).filter((s) => s !== 'cursor' && s !== 'none');

/**
 * Legend items for `map` (the map block's lines). `noColor`: the map shows statuses as glyphs
 * (the TXT slide), so an item is listed when its glyph is in the map; otherwise when its fill
 * colour is. `highlight` labels the highlighted county (LEGEND.cursor's colour and glyph); it is
 * listed only when that fill or glyph is on the map.
 */
export function mapLegend(map: readonly Line[], noColor: boolean, staleMonths: number, highlight?: string): LegendItem[] {
  const glyphs = new Set<string>();
  const fills = new Set<string>();
  for (const line of map)
    for (const seg of line) {
      if (seg.bg) fills.add(seg.bg.toUpperCase());
      for (const ch of seg.text) glyphs.add(ch);
      if (seg.bg && seg.fg && seg.text.includes(STALE_MARK.glyph)) fills.add(`stale:${seg.fg.toUpperCase()}`);
    }
  const drawn = (glyph: string, colour: string) => (noColor ? glyphs.has(glyph) : fills.has(colour.toUpperCase()));
  const items: LegendItem[] = [];
  if (highlight !== undefined && drawn(LEGEND.cursor.glyph, LEGEND.cursor.colour))
    items.push({ label: highlight, colour: LEGEND.cursor.colour, glyph: LEGEND.cursor.glyph });
  for (const s of ORDER) {
    const e = LEGEND[s];
    if (drawn(e.glyph, e.colour)) items.push({ label: e.label, colour: e.colour, glyph: e.glyph });
  }
  // The stale mark is dotted over a fill in colour, a glyph of its own without.
  const staleDrawn = noColor ? glyphs.has(STALE_MARK.glyph) : [...fills].some((f) => f.startsWith('stale:'));
  if (staleDrawn) items.push({ label: `Stale: newest report older than ${staleMonths} months (dotted)`, colour: STALE_MARK.colour, glyph: STALE_MARK.glyph });
  return items;
}
