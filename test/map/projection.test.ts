import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitProjection } from '../../src/map/projection.js';
import { readDefaultLayer } from '../../src/geo/layer-file.js';

const layer = readDefaultLayer();
const [w, s, e, n] = layer.bbox;

for (const [cols, rows] of [
  [80, 24],
  [160, 48],
  [240, 70],
] as const) {
  test(`at ${cols}×${rows} the whole country is inside the grid`, () => {
    const proj = fitProjection(layer.bbox, cols, rows);
    for (const f of layer.counties) {
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const p of polys.flat(2)) {
        const [c, r] = proj.toCell(p[0]!, p[1]!);
        assert.ok(c >= -1e-9 && c <= cols + 1e-9 && r >= -1e-9 && r <= rows + 1e-9, `${f.properties.id} at ${c},${r}`);
      }
    }
  });

  test(`at ${cols}×${rows} the country has its real proportions in 2:1 cells`, () => {
    const proj = fitProjection(layer.bbox, cols, rows);
    const [c0, r0] = proj.toCell(w, n);
    const [c1, r1] = proj.toCell(e, s);
    const widthCells = c1 - c0;
    const heightCells = r1 - r0;
    // East-west extent in km over north-south extent in km, times 2 because a cell is twice as tall as wide.
    const k = Math.cos((((s + n) / 2) * Math.PI) / 180);
    const expected = (((e - w) * k) / (n - s)) * 2;
    assert.ok(Math.abs(widthCells / heightCells / expected - 1) < 0.02, `${widthCells}/${heightCells} vs ${expected}`);
    // About 1.9 cells wide per cell high: taller than wide on screen, as the peninsula is.
    assert.ok(widthCells / heightCells > 1.7 && widthCells / heightCells < 2.1);
    // It fills the grid in its limiting dimension and is centred in the other.
    assert.ok(heightCells > rows * 0.99 || widthCells > cols * 0.99);
    assert.ok(Math.abs(c0 - (cols - c1)) < 1 && Math.abs(r0 - (rows - r1)) < 1);
  });
}

test('invert undoes project', () => {
  const proj = fitProjection(layer.bbox, 160, 48);
  const [x, y] = proj.project(125.75, 39.02);
  const [lon, lat] = proj.invert(x, y);
  assert.ok(Math.abs(lon - 125.75) < 1e-9 && Math.abs(lat - 39.02) < 1e-9);
  const [cl, ct] = proj.cellCenter(10, 10);
  const [cc, cr] = proj.toCell(cl, ct);
  assert.ok(Math.abs(cc - 10.5) < 1e-9 && Math.abs(cr - 10.5) < 1e-9);
});

test('north is up and east is right', () => {
  const proj = fitProjection(layer.bbox, 80, 24);
  const [, rNorth] = proj.toCell(126, 42);
  const [, rSouth] = proj.toCell(126, 38);
  const [cWest] = proj.toCell(125, 40);
  const [cEast] = proj.toCell(129, 40);
  assert.ok(rNorth < rSouth && cWest < cEast);
});

test('padding keeps empty cells around the map', () => {
  const proj = fitProjection(layer.bbox, 80, 24, { padding: 1 });
  const [, r0] = proj.toCell(w, n);
  const [, r1] = proj.toCell(e, s);
  assert.ok(r0 >= 0.99 && r1 <= 23.01);
});
