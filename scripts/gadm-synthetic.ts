/**
 * A SYNTHETIC boundary file in the style of GADM v2 for North Korea, made from the OSM reference
 * county layer (../shared/reference-geo/nk-adm2-counties-osm-2020.geojson), for the import goals
 * (test/geo/import-goals.test.ts). It copies the traits the geo research report found in the real
 * GADM-derived file (research/geo-report.md §2): 186 features; fields NAME_1, NAME_2, VARNAME_2,
 * TYPE_2 (Gun / Si / Guyŏk / null); McCune–Reischauer with diacritics; no Hangul (NL_NAME_2
 * empty); no ids; pre-2005 names (Ŭndŏk, Saebyŏl, Hwasŏng); Pyongyang in 6 units without its
 * districts; Kaesong in three pieces; one "Water body" feature. It is not GADM data and holds no
 * GADM geometry: every shape is an OSM shape (ODbL), merged or cut.
 *
 *   node dist/scripts/gadm-synthetic.js OUT.geojson     (prints the feature count)
 *
 * Deterministic. `gadmSynthetic` also returns the truth: which registry county each feature is.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bboxClip, union } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { loadRegistry } from '../src/registry/load-registry.js';
import { romanizeMR } from '../src/registry/romanize.js';
import { splitAdminSuffix } from '../src/registry/romanize.js';
import { DEFAULT_GEO_DIR, PACKAGE_ROOT } from '../src/paths.js';
import type { Registry } from '../src/registry/types.js';

export const REFERENCE_DIR = join(PACKAGE_ROOT, '..', 'shared', 'reference-geo');
export const REFERENCE_COUNTIES = join(REFERENCE_DIR, 'nk-adm2-counties-osm-2020.geojson');

type Shape = Polygon | MultiPolygon;

export interface Synthetic {
  file: FeatureCollection<Shape>;
  /** Registry county id per feature (same order), or null where the feature is no single county. */
  truth: (string | null)[];
}

/** Pre-2005 names by registry id, as geo/variants.yaml cites them. */
const PRE_2005: Record<string, string> = {
  'kp-north-hamgyong-kyonghung': 'Ŭndŏk',
  'kp-north-hamgyong-kyongwon': 'Saebyŏl',
  'kp-north-hamgyong-myonggan': 'Hwasŏng',
};

const TYPE_2: Record<string, string | null> = { county: 'Gun', city: 'Si', district: 'Guyŏk' };

/** GADM-like quirks, chosen by a counter so the file is deterministic: a misspelling now and then. */
function quirk(name: string, i: number): string {
  if (i % 23 === 5) return name.replace(/[’']/g, ''); // apostrophes dropped
  if (i % 31 === 7 && name.length > 5) return name.slice(0, -1); // a letter lost
  return name;
}

/** Reads the OSM reference and the registry; builds the synthetic GADM-style file. */
export function gadmSynthetic(registry: Registry, referencePath = REFERENCE_COUNTIES): Synthetic {
  const osm = JSON.parse(readFileSync(referencePath, 'utf8')) as FeatureCollection<Shape>;
  const byRelation = new Map(registry.counties.filter((c) => c.osm_relation).map((c) => [c.osm_relation!, c]));
  const features: Feature<Shape>[] = [];
  const truth: (string | null)[] = [];
  const province1 = (id: string) => romanizeMR(registry.provinces.find((p) => p.id === id)?.name_ko ?? '');
  const push = (props: Record<string, unknown>, geometry: Shape, county: string | null) => {
    features.push({ type: 'Feature', properties: { ID_0: 0, ISO: 'PRK', NAME_0: 'North Korea', NL_NAME_2: '', ...props }, geometry });
    truth.push(county);
  };
  const districts: { id: string; geometry: Shape; lon: number }[] = [];
  let i = 0;
  for (const f of osm.features) {
    const rel = String(f.properties?.['@id'] ?? '').replace(/^relation\//, '');
    const c = byRelation.get(rel);
    if (!c) continue;
    if (c.province === 'pyongyang' && c.type === 'district') {
      districts.push({ id: c.id, geometry: f.geometry, lon: c.seat.lon });
      continue;
    }
    const stem = splitAdminSuffix(c.name_ko).stem || c.name_ko;
    const name2 = PRE_2005[c.id] ?? quirk(romanizeMR(stem), i++);
    const props = {
      NAME_1: province1(c.province),
      NAME_2: name2,
      VARNAME_2: i % 4 === 0 ? String(f.properties?.['name:en'] ?? '') : '',
      TYPE_2: i % 29 === 3 ? null : (TYPE_2[c.type] ?? null),
      ENGTYPE_2: c.type === 'county' ? 'County' : c.type === 'city' ? 'City' : 'District',
    };
    if (c.id === 'kp-kaesong-kaesong') {
      // Kaesong in three vertical bands; the band holding the seat keeps the city's name.
      const [w, s, e, n] = bbox(f.geometry);
      const cut = [w, w + (e - w) / 3, w + (2 * (e - w)) / 3, e];
      ['Kaep’ung', 'Kaesŏng', 'P’anmun'].forEach((name, k) => {
        const part = bboxClip(f as Feature<Polygon | MultiPolygon>, [cut[k]!, s, cut[k + 1]!, n]).geometry as Shape;
        const holds = c.seat.lon >= cut[k]! && c.seat.lon <= cut[k + 1]!;
        push({ ...props, NAME_1: 'Kaesŏng', NAME_2: name }, part, holds ? c.id : null);
      });
      continue;
    }
    push(props, f.geometry, c.id);
  }
  // Pyongyang's 18 districts in 4 merged units, each named after its first district: no district of its own.
  districts.sort((a, b) => a.lon - b.lon || a.id.localeCompare(b.id));
  for (let k = 0; k < 4; k++) {
    const group = districts.slice(Math.floor((k * districts.length) / 4), Math.floor(((k + 1) * districts.length) / 4));
    const merged = union({ type: 'FeatureCollection', features: group.map((d) => ({ type: 'Feature', properties: {}, geometry: d.geometry })) });
    const first = registry.byId.get(group[0]!.id)!;
    push({ NAME_1: 'P’yŏngyang', NAME_2: romanizeMR(splitAdminSuffix(first.name_ko).stem), VARNAME_2: '', TYPE_2: null, ENGTYPE_2: 'District' }, merged!.geometry as Shape, null);
  }
  // A reservoir on the Yalu (a square in Sup'ung's area, away from any seat).
  push(
    { NAME_1: 'P’yŏngan-bukto', NAME_2: 'Water body', VARNAME_2: '', TYPE_2: 'Water body', ENGTYPE_2: 'Water body' },
    { type: 'Polygon', coordinates: [[[124.97, 40.42], [125.02, 40.42], [125.02, 40.45], [124.97, 40.45], [124.97, 40.42]]] },
    null,
  );
  return { file: { type: 'FeatureCollection', features }, truth };
}

function bbox(g: Shape): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
    for (const [x, y] of poly[0] ?? []) {
      b[0] = Math.min(b[0], x!);
      b[1] = Math.min(b[1], y!);
      b[2] = Math.max(b[2], x!);
      b[3] = Math.max(b[3], y!);
    }
  }
  return b;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: node dist/scripts/gadm-synthetic.js OUT.geojson');
    process.exit(2);
  }
  const { file } = gadmSynthetic(loadRegistry(DEFAULT_GEO_DIR));
  writeFileSync(out, JSON.stringify(file));
  console.log(`${out}: ${file.features.length} features (synthetic, GADM v2 style, from OSM shapes)`);
}
