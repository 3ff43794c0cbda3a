/** The map pane as styled lines, from the geography core's frame (rasterised once per size and zoom). */
import type { Atlas } from '../atlas.js';
import type { Site } from '../model/types.js';
import { placeCountyLabels } from '../map/county-labels.js';
import { composeFrame } from '../map/frame.js';
import { GLYPH_FILL_16, LEGEND, legendFor, STALE_MARK, type CountyStatus } from '../map/legend.js';
import { sanitizeInline } from '../text/sanitize.js';
import { displayWidth } from '../text/width.js';
import { text, type ColorLevel, type Line } from './paint.js';

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

/** One-line legend of the statuses present, with glyphs when colour is off (and 16-colour fills at level 1); `stale` adds the stale mark. */
export function legendLine(present: ReadonlySet<string>, noColor: boolean, colorLevel: ColorLevel = noColor ? 0 : 3, stale = false): Line {
  const out: Line = [];
  const legend = legendFor(colorLevel);
  for (const entry of Object.values(LEGEND)) {
    if (entry.status === 'cursor' || entry.status === 'none' || !present.has(entry.status)) continue;
    const e = legend[entry.status];
    out.push(
      noColor ? text(`${entry.glyph} `) : colorLevel === 1 && GLYPH_FILL_16.has(entry.status) ? text(`${e.glyph}${e.glyph}`, { bg: e.colour, fg: e.text }) : text('  ', { bg: e.colour }),
      text(` ${entry.label}  `),
    );
  }
  if (stale) out.push(noColor ? text(`${STALE_MARK.glyph} `) : text(STALE_MARK.glyph.repeat(2), { fg: STALE_MARK.colour, bg: '#D0D0D0' }), text(' Stale  '));
  return out;
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
