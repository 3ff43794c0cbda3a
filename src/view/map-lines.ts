/** The map pane as styled lines, from the geography core's frame (rasterised once per size and zoom). */
import type { Atlas } from '../atlas.js';
import type { Site } from '../model/types.js';
import { placeCountyLabels } from '../map/county-labels.js';
import { composeFrame, highlightCells } from '../map/frame.js';
import { GLYPH_FILL_16, LEGEND, legendFor, MAP_STATUSES, STALE_MARK, type CountyStatus, type MapStatus } from '../map/legend.js';
import { sanitizeInline } from '../text/sanitize.js';
import { displayWidth } from '../text/width.js';
import { text, type ColorLevel, type Line, type Seg } from './paint.js';
import { statusHeading, statusWord } from './status-words.js';

export interface MapView {
  /** Registry id of the county under the cursor. */
  selected: string | undefined;
  /** Status per registry county id, for the sites that pass the filters as of the date. */
  statuses: ReadonlyMap<string, CountyStatus>;
  colorLevel: ColorLevel;
  /** Registry id of the first-level unit to zoom to; null for the national view. */
  province: string | null;
  /** Language of county names at province zoom. */
  names: 'en' | 'ko';
  /** Counties whose status is stale (dotted over). */
  stale?: ReadonlySet<string>;
  /** Draw the first-level units' names (default true); false for a locator whose caption names the unit. */
  labels?: boolean;
}

const SITE_NAMES = new WeakMap<Atlas, Map<string, { name_en: string; name_ko: string }>>();

/**
 * Registry county id → the name the list shows for the program site drawn as that county. Only a
 * unit that stands for exactly one batch site gets the site's name: a related site is named after
 * its facility, and a unit holding several sites or a part of itself (Kaesong: Kaephung and
 * Phanmun districts) keeps the unit's name. Cached per atlas.
 */
function siteNames(atlas: Atlas): Map<string, { name_en: string; name_ko: string }> {
  let names = SITE_NAMES.get(atlas);
  if (!names) {
    const perUnit = new Map<string, Site[]>();
    for (const s of atlas.dataset.sites) if (s.role === 'batch') perUnit.set(s.county.id, [...(perUnit.get(s.county.id) ?? []), s]);
    const partOf = new Set(atlas.unitMappings.filter((m) => m.relation === 'part_of').map((m) => m.unit));
    names = new Map();
    for (const [unit, sites] of perUnit) if (sites.length === 1 && !partOf.has(unit)) names.set(unit, { name_en: sites[0]!.name_en, name_ko: sites[0]!.name_ko });
    SITE_NAMES.set(atlas, names);
  }
  return names;
}

/**
 * The English map label of a county: a unit standing for one program site is labelled as the list names it, in
 * state media's spelling (Rangnim, not the registry's Rangrim), without a trailing unit word
 * ("Taean District" → "Taean"); any other county by `registryName`.
 */
export function countyLabel(atlas: Atlas, countyId: string, registryName: string): string {
  const site = siteNames(atlas).get(countyId);
  return site ? site.name_en.replace(/ (District|County|City|Area)$/, '') : registryName;
}

/**
 * The map as `height` lines of `width` cells. At province zoom: the province with a little context,
 * county borders, and the names of the selected county and of every program county in view
 * (those in `view.statuses`) where they fit. Empty when the area is too small to draw a map.
 */
export function mapLines(atlas: Atlas, width: number, height: number, view: MapView): Line[] {
  if (width < 10 || height < 4) return [];
  const provinceName = view.province === null ? undefined : atlas.dataset.registry.provinceById.get(view.province)?.name_en;
  const raster = atlas.rasterFor(width, height, provinceName);
  let countyLabels;
  if (provinceName !== undefined) {
    const { prepared } = raster;
    const inFocus = (id: string) => prepared.provinces[prepared.provinceOf[prepared.index.get(id) ?? -1] ?? -1] === provinceName;
    const ids = [...view.statuses.keys()].filter((id) => prepared.index.has(id));
    ids.sort((a, b) => Number(inFocus(b)) - Number(inFocus(a)) || (a < b ? -1 : a > b ? 1 : 0));
    if (view.selected !== undefined && prepared.index.has(view.selected)) ids.unshift(view.selected);
    const wanted = [...new Set(ids)].map((id) => {
      const props = prepared.layer.counties[prepared.index.get(id)!]!.properties;
      // A unit state media now call by another name (geo/unit-mappings.yaml) is labelled with that name.
      const renamed = atlas.unitMappings.find((m) => m.unit === id && m.relation === 'renamed');
      const ko = renamed?.name_ko ?? siteNames(atlas).get(id)?.name_ko ?? props.name_ko;
      return { id, text: sanitizeInline(view.names === 'ko' && ko ? ko : countyLabel(atlas, id, props.name_en)) };
    });
    // Two counties of one spelling in view (Unsan of North and of South Pyongan) say their province.
    const count = new Map<string, number>();
    for (const w of wanted) count.set(w.text, (count.get(w.text) ?? 0) + 1);
    for (const w of wanted) {
      if ((count.get(w.text) ?? 0) < 2) continue;
      const province = prepared.provinces[prepared.provinceOf[prepared.index.get(w.id)!]!] ?? '';
      w.text = `${w.text} (${province.replace(/^North /, 'N. ').replace(/^South /, 'S. ')})`;
    }
    countyLabels = placeCountyLabels(raster, wanted);
  }
  const frame = composeFrame(raster, {
    selected: view.selected,
    statuses: view.statuses,
    noColor: view.colorLevel === 0,
    palette: view.colorLevel === 1 ? 'ansi16' : 'truecolor',
    ...(countyLabels ? { countyLabels } : {}),
    ...(view.labels === false ? { labels: false } : {}),
    ...(view.stale ? { stale: view.stale } : {}),
  });
  return frame.cells.map((row) => {
    const line: Line = [];
    for (const cell of row) {
      const last = line[line.length - 1];
      if (last && last.fg === cell.fg && last.bg === cell.bg && last.bold === cell.bold) last.text += cell.char;
      else line.push({ text: cell.char, ...(cell.fg ? { fg: cell.fg } : {}), ...(cell.bg ? { bg: cell.bg } : {}), ...(cell.bold ? { bold: true } : {}) });
    }
    return line;
  });
}

/** A legend entry: what it stands for and its swatch's styles. */
type LegendKey = MapStatus | 'stale';

/** Short legend words: a status's short words (status-words.ts, as in the list), for panes too narrow for the full ones. */
function shortLabel(key: LegendKey): string {
  if (key === 'stale' || key === 'cursor') return key;
  if (key === 'none') return 'not in programme';
  return statusWord(key, 'short');
}

/** Full legend words: a status's full words (status-words.ts); the cursor is named as what it is on screen. */
function longLabel(key: LegendKey): string {
  if (key === 'stale') return 'Stale';
  if (key === 'cursor') return 'County at the list cursor';
  if (key === 'none') return LEGEND.none.label;
  return statusHeading(key);
}

/** Tiny legend words, for the tightest legend only: the short words, and "other" for counties outside the programme. */
function tinyLabel(key: LegendKey): string {
  return key === 'none' ? 'other' : shortLabel(key);
}

/**
 * The swatch of one entry: its NO_COLOR glyph, or its fill (16-colour: with its glyph where the fill is shared),
 * two cells wide, or one when `narrow`.
 */
function swatch(key: LegendKey, colorLevel: ColorLevel, narrow = false): Seg {
  const n = narrow ? 1 : 2;
  if (key === 'stale') return colorLevel === 0 ? text(STALE_MARK.glyph) : text(STALE_MARK.glyph.repeat(n), { fg: STALE_MARK.colour, bg: '#D0D0D0' });
  const e = legendFor(colorLevel)[key];
  if (colorLevel === 0) return text(LEGEND[key].glyph === ' ' ? '' : LEGEND[key].glyph);
  return colorLevel === 1 && GLYPH_FILL_16.has(key) ? text(e.glyph.repeat(n), { bg: e.colour, fg: e.text }) : text(' '.repeat(n), { bg: e.colour });
}

/** How one legend candidate is laid out: its words, the cells between entries, swatch width, and packing. */
interface LegendStyle {
  label: (k: LegendKey) => string;
  gap: number;
  narrow: boolean;
  /** Fill lines widest entry first (each line still in legend order) instead of strictly in legend order. */
  pack: boolean;
}

/**
 * The map legend for `keys` (statuses drawn, in legend order, and `stale`) wrapped to lines of at
 * most `width` cells, an entry (swatch and words) never split across lines: the full labels, or
 * the list's short words (one space apart if that saves a line), or, for the tightest panes (80×24),
 * one-cell swatches with the short words packed widest first, then "other" for counties outside the
 * programme and, with colour, no gap but the swatch between entries: whichever takes the fewest
 * lines (the earlier on a tie). Without colour, counties outside the programme are blank (no entry);
 * with colour they are grey and listed.
 */
export function mapLegendLines(keys: readonly LegendKey[], width: number, colorLevel: ColorLevel): Line[] {
  const shown = keys.filter((k) => colorLevel !== 0 || k !== 'none');
  const layout = ({ label, gap, narrow, pack }: LegendStyle): Line[] => {
    const entries = shown.map((k, order) => {
      const segs = [swatch(k, colorLevel, narrow), text(` ${label(k)}`)];
      return { order, segs, w: segs.reduce((n, seg) => n + displayWidth(seg.text), 0) };
    });
    const bins: { used: number; items: typeof entries }[] = [];
    const sorted = pack ? [...entries].sort((a, b) => b.w - a.w || a.order - b.order) : entries;
    for (const e of sorted) {
      const bin = pack ? bins.find((b) => b.used + gap + e.w <= width) : bins.at(-1) && bins.at(-1)!.used + gap + e.w <= width ? bins.at(-1) : undefined;
      if (bin) {
        bin.items.push(e);
        bin.used += gap + e.w;
      } else bins.push({ used: e.w, items: [e] });
    }
    return bins.map(({ items }) => {
      const line: Line = [];
      for (const e of [...items].sort((a, b) => a.order - b.order)) {
        if (line.length && gap > 0) line.push(text(' '.repeat(gap)));
        line.push(...e.segs);
      }
      return line;
    });
  };
  const colour = colorLevel !== 0;
  const candidates = [
    layout({ label: longLabel, gap: 2, narrow: false, pack: false }),
    layout({ label: shortLabel, gap: 2, narrow: false, pack: false }),
    layout({ label: shortLabel, gap: 1, narrow: false, pack: false }),
    layout({ label: shortLabel, gap: 1, narrow: true, pack: true }),
    layout({ label: tinyLabel, gap: 1, narrow: true, pack: true }),
    ...(colour ? [layout({ label: tinyLabel, gap: 0, narrow: true, pack: true })] : []),
  ];
  return candidates.reduce((best, c) => (c.length < best.length ? c : best));
}

/**
 * What the map at this size draws, as legend keys in legend order: the status of every county that
 * owns a cell, the list cursor when its county is highlighted, and `stale` when a stale county
 * owns a cell. Pure; one pass over the raster's cells.
 */
function drawnKeys(atlas: Atlas, width: number, height: number, view: MapView): LegendKey[] {
  const provinceName = view.province === null ? undefined : atlas.dataset.registry.provinceById.get(view.province)?.name_en;
  const raster = atlas.rasterFor(width, height, provinceName);
  const ids = raster.prepared.ids;
  const seen = new Set<number>();
  for (const ci of raster.cellCounty) if (ci >= 0) seen.add(ci);
  const drawn = new Set<LegendKey>();
  for (const ci of seen) {
    const id = ids[ci]!;
    drawn.add(view.statuses.get(id) ?? 'none');
    if (view.stale?.has(id)) drawn.add('stale');
  }
  if (view.selected !== undefined && highlightCells(raster, view.selected).length > 0) drawn.add('cursor');
  return [...MAP_STATUSES, 'stale' as const].filter((k) => drawn.has(k));
}

/**
 * The map pane's content for `width`×`height` inner cells: the map, its legend (every status,
 * mark and fill the map draws, wrapped so nothing is cut) and the boundary credit. The legend
 * takes rows from the map; it is left out only when the map would keep fewer than 4 rows.
 * Empty when the pane is too small for a map.
 */
export function mapPaneLines(atlas: Atlas, width: number, height: number, view: MapView): Line[] {
  const all: LegendKey[] = [...MAP_STATUSES, 'stale' as const].filter(
    (k) => (k === 'cursor' ? view.selected !== undefined : k === 'stale' ? (view.stale?.size ?? 0) > 0 : k === 'none' || [...view.statuses.values()].includes(k)),
  );
  // The legend of what the map may draw sets the map's rows; then it lists what the map does draw,
  // and when that takes fewer lines the map grows into them (the drawn set is read again).
  let rows = mapLegendLines(all, width, view.colorLevel).length;
  if (height - 1 - rows < 4) {
    const map = mapLines(atlas, width, height - 1, view);
    return map.length ? [...map, creditLine(atlas, width)] : [];
  }
  let legend = mapLegendLines(drawnKeys(atlas, width, height - 1 - rows, view), width, view.colorLevel);
  for (let i = 0; i < 3 && legend.length < rows; i++) {
    const bigger = mapLegendLines(drawnKeys(atlas, width, height - 1 - legend.length, view), width, view.colorLevel);
    if (bigger.length > legend.length) break;
    rows = legend.length;
    legend = bigger;
  }
  const map = mapLines(atlas, width, height - 1 - rows, view);
  if (map.length === 0) return [];
  return [...map, ...legend, creditLine(atlas, width)];
}

/**
 * The boundary credit shown under every on-screen map (ODbL asks for it wherever the map is
 * shown), in `width` cells: the full credit when it fits, else from the © sign on ("© OpenStreetMap
 * contributors (ODbL), 2020"), so the credit itself is what survives in a narrow pane.
 */
export function creditLine(atlas: Atlas, width = Infinity): Line {
  const full = sanitizeInline(atlas.layer.credit);
  const from = full.indexOf('©');
  const short = from > 0 ? full.slice(from) : full;
  const shorter = short.replace(/\s*\(ODbL\),?\s*\d{4}$|,\s*\d{4}$/, '');
  const fits = [full, short, shorter].find((c) => displayWidth(c) <= width) ?? shorter;
  return [text(fits, { dim: true })];
}
