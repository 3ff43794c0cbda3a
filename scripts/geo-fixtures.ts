/**
 * Writes the small boundary files that test `nk20x10 geo import` (test/fixtures/geo-import/), one
 * per fault the import must handle: South Korean districts, a province layer, a whole-peninsula
 * shape, tiny squares, shuffled shapes, bad geometry, swapped coordinates, feature ids, EUC-KR text,
 * a GADM-style file with former names and a water body, a useless province field.
 *
 *   npx tsc -p tsconfig.json && node dist/scripts/geo-fixtures.js
 *
 * Everything is SYNTHETIC and made from the registry seats (geo/counties.csv): squares and hulls
 * around seat points. South Korean places are placed at approximate coordinates of their town
 * centres (test input only, shown nowhere). Deterministic: the same registry gives the same bytes;
 * test/geo/import-faults.test.ts checks the committed files against this generator.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buffer, convex, featureCollection, point } from '@turf/turf';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { loadRegistry } from '../src/registry/load-registry.js';
import { DEFAULT_GEO_DIR, PACKAGE_ROOT } from '../src/paths.js';
import type { County, Registry } from '../src/registry/types.js';

export const FIXTURE_DIR = join(PACKAGE_ROOT, 'test', 'fixtures', 'geo-import');

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** A square of half-size `r` degrees around a point. */
export function square(lon: number, lat: number, r: number): Polygon {
  const [a, b, c, d] = [r6(lon - r), r6(lat - r), r6(lon + r), r6(lat + r)];
  return { type: 'Polygon', coordinates: [[[a, b], [c, b], [c, d], [a, d], [a, b]]] };
}

const seatSquare = (c: County, r: number, dLon = 0, dLat = 0) => square(c.seat.lon + dLon, c.seat.lat + dLat, r);
const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const feat = (properties: Record<string, unknown>, geometry: Polygon, id?: string | number): Feature => ({
  type: 'Feature',
  ...(id !== undefined ? { id } : {}),
  properties,
  geometry,
});

/** Approximate town-centre coordinates of South Korean districts whose names are also North Korean county names (or near it). */
const SOUTH_KOREA: [en: string, ko: string, province: string, lon: number, lat: number][] = [
  ['Bucheon-si', '부천시', 'Gyeonggi-do', 126.766, 37.503],
  ['Jung-gu', '중구', 'Incheon', 126.621, 37.474],
  ['Yeongwol-gun', '영월군', 'Gangwon-do', 128.462, 37.184],
  ['Goseong-gun', '고성군', 'Gangwon-do', 128.468, 38.381],
  ['Cheorwon-gun', '철원군', 'Gangwon-do', 127.313, 38.146],
  ['Gangseo-gu', '강서구', 'Seoul', 126.849, 37.551],
  ['Hwaseong-si', '화성시', 'Gyeonggi-do', 126.831, 37.199],
  ['Yeoncheon-gun', '연천군', 'Gyeonggi-do', 127.075, 38.096],
  ['Paju-si', '파주시', 'Gyeonggi-do', 126.78, 37.76],
  ['Dong-gu', '동구', 'Incheon', 126.643, 37.474],
];

export function skDistricts(): FeatureCollection {
  return fc(SOUTH_KOREA.map(([en, ko, province, lon, lat]) => feat({ shapeName: en, name_ko: ko, ADM1_EN: province, shapeGroup: 'KOR' }, square(lon, lat, 0.06))));
}

/** One shape per first-level unit: the hull of its counties' seats, widened by 8 km. Nampo carries the Nampo city's Wikidata id. */
export function provinceLayer(registry: Registry): FeatureCollection {
  const nampo = registry.counties.find((c) => c.province === 'nampo' && c.type === 'city' && c.wikidata);
  return fc(
    registry.provinces.map((p) => {
      const seats = registry.counties.filter((c) => c.province === p.id).map((c) => point([c.seat.lon, c.seat.lat]));
      const hull = seats.length >= 3 ? convex(featureCollection(seats)) : null;
      const shape = buffer(hull ?? seats[0]!, 8, { units: 'kilometers', steps: 4 })!;
      const ring = (shape.geometry as Polygon).coordinates[0]!.map(([x, y]) => [r6(x!), r6(y!)]);
      return feat(
        { name: p.name_ko, 'name:en': p.name_en, admin_level: '4', ...(p.id === 'nampo' && nampo ? { wikidata: nampo.wikidata } : {}) },
        { type: 'Polygon', coordinates: [ring] },
      );
    }),
  );
}

/** One shape for the whole peninsula, named Korea, carrying a county's Wikidata id. */
export function peninsula(registry: Registry): FeatureCollection {
  const chung = registry.byId.get('kp-pyongyang-chung')!;
  return fc([feat({ name: '조선', 'name:en': 'Korea', wikidata: chung.wikidata }, { type: 'Polygon', coordinates: [[[124, 33], [131, 33], [131, 43.1], [124, 43.1], [124, 33]]] })]);
}

/** One tiny square per county, 5 km north-east of its seat, named after it. */
export function tinySquares(registry: Registry): FeatureCollection {
  return fc(registry.counties.map((c) => feat({ NAME: c.name_en }, seatSquare(c, 0.003, 0.05, 0.04))));
}

/** Squares around 30 seats, each carrying the name of the next county in the list. */
export function shuffled(registry: Registry): FeatureCollection {
  const picked = registry.counties.filter((c, i) => c.province !== 'pyongyang' && i % 6 === 0).slice(0, 30);
  return fc(picked.map((c, i) => feat({ shapeName: picked[(i + 1) % picked.length]!.name_en }, seatSquare(c, 0.02))));
}

const GOOD = ['kp-ryanggang-kimhyongjik', 'kp-south-hwanghae-chaeryong', 'kp-north-hwanghae-unpa'];

/** Three good squares and six broken features; returned as text (it holds a literal 1e999). */
export function badFeatures(registry: Registry): string {
  const good = GOOD.map((id) => feat({ shapeName: registry.byId.get(id)!.name_en }, seatSquare(registry.byId.get(id)!, 0.03)));
  const chung = registry.byId.get('kp-pyongyang-chung')!;
  const [x, y] = [chung.seat.lon, chung.seat.lat];
  const bad: Feature[] = [
    feat({ shapeName: 'Open ring' }, { type: 'Polygon', coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01]]] }),
    feat({ shapeName: 'Half closed' }, { type: 'Polygon', coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, r6(y + 0.005)]]] }),
    feat({ shapeName: 'Three points' }, { type: 'Polygon', coordinates: [[[x, y], [x + 0.01, y], [x, y]]] }),
    feat({ shapeName: 'Flat' }, { type: 'Polygon', coordinates: [[[x, y], [x + 0.01, y], [x + 0.02, y], [x, y]]] }),
    feat({ shapeName: 'Far east' }, { type: 'Polygon', coordinates: [[[x, y], [1e9, y], [x, y + 0.01], [x, y]]] }),
    feat({ shapeName: 'Not a number' }, { type: 'Polygon', coordinates: [[[x, y], ['NaN', y], [x, y + 0.01], [x, y]]] } as unknown as Polygon),
  ];
  const text = JSON.stringify(fc([...good, ...bad]));
  // One more: an infinite longitude, which JSON.stringify cannot write.
  const infinite = `{"type":"Feature","properties":{"shapeName":"Infinite"},"geometry":{"type":"Polygon","coordinates":[[[${x},${y}],[1e999,${y}],[${x},${y + 0.01}],[${x},${y}]]]}}`;
  return `${text.slice(0, -2)},${infinite}]}`;
}

/** Three squares with latitude written before longitude. */
export function swapped(registry: Registry): FeatureCollection {
  return fc(
    GOOD.map((id) => {
      const c = registry.byId.get(id)!;
      const sq = seatSquare(c, 0.03);
      return feat({ shapeName: c.name_en }, { type: 'Polygon', coordinates: [sq.coordinates[0]!.map(([lon, lat]) => [lat!, lon!])] });
    }),
  );
}

/** Squares whose only key is the feature id: Wikidata ids (Q…) and bare OSM relation numbers. */
export function featureIds(registry: Registry): FeatureCollection {
  const outside = registry.counties.filter((c) => c.province !== 'pyongyang');
  const withQ = outside.filter((c) => c.wikidata).slice(0, 3);
  const withOsm = outside.filter((c) => c.osm_relation && !c.wikidata).slice(0, 3);
  return fc([
    ...withQ.map((c) => feat({}, seatSquare(c, 0.03), c.wikidata)),
    ...withOsm.map((c) => feat({}, seatSquare(c, 0.03), Number(c.osm_relation))),
  ]);
}

/** An EUC-KR encoder made by inverting the platform's EUC-KR decoder (KS X 1001 two-byte range). */
export function encodeEucKr(text: string): Buffer {
  const table = new Map<string, [number, number]>();
  const dec = new TextDecoder('euc-kr');
  for (let a = 0xa1; a <= 0xfe; a++) {
    for (let b = 0xa1; b <= 0xfe; b++) {
      const ch = dec.decode(Uint8Array.of(a, b));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [a, b]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`encodeEucKr: ${ch} is not in KS X 1001`);
      out.push(...pair);
    }
  }
  return Buffer.from(out);
}

/** Three squares named in Hangul only, as EUC-KR bytes. */
export function eucKr(registry: Registry): Buffer {
  return encodeEucKr(JSON.stringify(fc(GOOD.map((id) => feat({ NAME_KOR: registry.byId.get(id)!.name_ko, name: registry.byId.get(id)!.name_ko }, seatSquare(registry.byId.get(id)!, 0.03))))));
}

/** Bytes valid in neither UTF-8 nor EUC-KR (Latin-1 "é" before a quote). */
export function latin1(registry: Registry): Buffer {
  const c = registry.byId.get(GOOD[0]!)!;
  const text = JSON.stringify(fc([feat({ name: 'Kim Hyong Jik \u00e9' }, seatSquare(c, 0.03))]));
  return Buffer.from(text, 'latin1');
}

/**
 * GADM v2 style: NAME_1/NAME_2/VARNAME_2/TYPE_2/ENGTYPE_2, MR with diacritics, no Hangul, no ids;
 * three pre-2005 names (Ŭndŏk, Saebyŏl, Hwasŏng) and a water body.
 */
export function gadmStyle(registry: Registry): FeatureCollection {
  const rows: [id: string, name1: string, name2: string, type: string][] = [
    ['kp-north-hamgyong-kyonghung', 'Hamgyŏng-bukto', 'Ŭndŏk', 'Gun'],
    ['kp-north-hamgyong-kyongwon', 'Hamgyŏng-bukto', 'Saebyŏl', 'Gun'],
    ['kp-north-hamgyong-myonggan', 'Hamgyŏng-bukto', 'Hwasŏng', 'Gun'],
    ['kp-ryanggang-kimhyongjik', 'Yanggang-do', 'Kimhyŏngjik', 'Gun'],
    ['kp-south-hwanghae-chaeryong', 'Hwanghae-namdo', 'Chaeryŏng', 'Gun'],
  ];
  const features = rows.map(([id, name1, name2, type]) =>
    feat({ ID_0: 0, ISO: 'PRK', NAME_0: 'North Korea', NAME_1: name1, NAME_2: name2, VARNAME_2: '', NL_NAME_2: '', TYPE_2: type, ENGTYPE_2: 'County' }, seatSquare(registry.byId.get(id)!, 0.03)),
  );
  features.push(
    feat({ ID_0: 0, ISO: 'PRK', NAME_0: 'North Korea', NAME_1: 'Hamgyŏng-bukto', NAME_2: 'Water body', VARNAME_2: '', NL_NAME_2: '', TYPE_2: 'Water body', ENGTYPE_2: 'Water body' }, square(129.5, 41.5, 0.05)),
  );
  return fc(features);
}

/** An OCHA-style file whose province field names no first-level unit. */
export function uselessProvinceField(registry: Registry): FeatureCollection {
  return fc(GOOD.map((id, i) => feat({ ADM2_EN: registry.byId.get(id)!.name_en, ADM1_EN: `Region ${i + 1}` }, seatSquare(registry.byId.get(id)!, 0.03))));
}

/** Every fixture: file name → bytes. */
export function fixtures(registry: Registry): Map<string, Buffer> {
  const json = (v: unknown) => Buffer.from(`${JSON.stringify(v)}\n`);
  return new Map<string, Buffer>([
    ['sk-districts.geojson', json(skDistricts())],
    ['provinces.geojson', json(provinceLayer(registry))],
    ['peninsula.geojson', json(peninsula(registry))],
    ['tiny-squares.geojson', json(tinySquares(registry))],
    ['shuffled.geojson', json(shuffled(registry))],
    ['bad-features.geojson', Buffer.from(`${badFeatures(registry)}\n`)],
    ['swapped.geojson', json(swapped(registry))],
    ['feature-ids.geojson', json(featureIds(registry))],
    ['euc-kr.geojson', eucKr(registry)],
    ['latin1.geojson', latin1(registry)],
    ['gadm-style.geojson', json(gadmStyle(registry))],
    ['useless-province-field.geojson', json(uselessProvinceField(registry))],
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(FIXTURE_DIR, { recursive: true });
  for (const [name, bytes] of fixtures(loadRegistry(DEFAULT_GEO_DIR))) {
    writeFileSync(join(FIXTURE_DIR, name), bytes);
    console.log(`${name}: ${bytes.length} bytes`);
  }
}
