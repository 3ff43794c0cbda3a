import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { csvRecords } from '../../src/load/csv.js';
import { readDefaultLayer } from '../../src/geo/layer-file.js';
import { prepareLayer } from '../../src/map/prepared.js';
import { rasterize } from '../../src/map/raster.js';
import { anchorCellOf, cellsOf, countyAt, nearestCounty, touchedCellsOf } from '../../src/map/hit.js';

const registry = csvRecords(readFileSync(new URL('../../../geo/counties.csv', import.meta.url), 'utf8')).map(
  (r) => r.record,
);
const prepared = prepareLayer(readDefaultLayer());

for (const [cols, rows] of [
  [160, 48],
  [80, 24],
  [240, 70],
] as const) {
  test(`every registry county can be selected at ${cols}×${rows}`, () => {
    const raster = rasterize(prepared, cols, rows);
    for (const r of registry) {
      const cells = cellsOf(raster, r.id!);
      assert.ok(cells.length >= 1, `${r.id} has no cell`);
      for (const c of cells) assert.equal(countyAt(raster, c.col, c.row), r.id);
      const anchor = anchorCellOf(raster, r.id!);
      assert.ok(anchor, `${r.id} has an anchor cell`);
      assert.equal(countyAt(raster, anchor.col, anchor.row), r.id);
    }
  });
}

test('clicking on a county seat selects that county in most cases at 160×48', () => {
  const raster = rasterize(prepared, 160, 48);
  let hits = 0;
  for (const r of registry) {
    const [c, row] = raster.projection.toCell(Number(r.lon), Number(r.lat));
    if (countyAt(raster, Math.floor(c), Math.floor(row)) === r.id) hits++;
  }
  // The rest are central Pyongyang districts sharing cells; they get a cell next to their seat.
  assert.ok(hits / registry.length > 0.85, `${hits} of ${registry.length}`);
});

test('sea, China and cells outside the grid hit nothing', () => {
  const raster = rasterize(prepared, 80, 24);
  const at = (lon: number, lat: number) => {
    const [c, r] = raster.projection.toCell(lon, lat);
    return countyAt(raster, Math.floor(c), Math.floor(r));
  };
  assert.equal(at(130, 38.5), undefined); // East Sea
  assert.equal(at(125, 42.5), undefined); // China
  assert.equal(countyAt(raster, -1, 0), undefined);
  assert.equal(countyAt(raster, 80, 0), undefined);
  assert.equal(at(125.75, 39.03)?.startsWith('kp-pyongyang-'), true); // Pyongyang
  assert.equal(at(130.3, 42.25), 'kp-rason-rason'); // Rajin
});

test('a click just off the coast finds the nearest county', () => {
  const raster = rasterize(prepared, 160, 48);
  const [c, r] = raster.projection.toCell(124.3, 39.95); // just off Sinuiju, in the Yellow Sea
  const id = nearestCounty(raster, Math.floor(c), Math.floor(r), 3);
  assert.ok(id?.startsWith('kp-north-pyongan-'), String(id));
});

test('each cell belongs to at most one county and selection paints at least the owned cells', () => {
  const raster = rasterize(prepared, 160, 48);
  const owners = new Map<string, string>();
  for (const id of prepared.ids) {
    for (const c of cellsOf(raster, id)) {
      const key = `${c.col},${c.row}`;
      assert.equal(owners.get(key), undefined, `cell ${key} owned twice`);
      owners.set(key, id);
    }
    const touched = new Set(touchedCellsOf(raster, id).map((c) => `${c.col},${c.row}`));
    for (const c of cellsOf(raster, id)) assert.ok(touched.has(`${c.col},${c.row}`));
  }
});
