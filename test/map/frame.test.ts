import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDefaultLayer } from '../../src/geo/layer-file.js';
import { prepareLayer } from '../../src/map/prepared.js';
import { rasterize, type MapRaster } from '../../src/map/raster.js';
import { composeFrame, frameText, highlightCells, type MapFrame } from '../../src/map/frame.js';
import { anchorCellOf, cellsOf } from '../../src/map/hit.js';
import { LEGEND, MAP_STATUSES, type CountyStatus } from '../../src/map/legend.js';

const prepared = prepareLayer(readDefaultLayer());
const r80 = rasterize(prepared, 80, 24);
const r160 = rasterize(prepared, 160, 48);

function cellAt(raster: MapRaster, frame: MapFrame, lon: number, lat: number) {
  const [c, r] = raster.projection.toCell(lon, lat);
  return frame.cells[Math.floor(r)]![Math.floor(c)]!;
}

/** Non-blank cells in a block of cells around a geographic point. */
function inkAround(raster: MapRaster, lines: string[], lon: number, lat: number, radius = 1): number {
  const [c, r] = raster.projection.toCell(lon, lat);
  let ink = 0;
  for (let row = Math.floor(r) - radius; row <= Math.floor(r) + radius; row++) {
    for (let col = Math.floor(c) - radius; col <= Math.floor(c) + radius; col++) {
      const ch = lines[row]?.[col];
      if (ch !== undefined && ch !== ' ') ink++;
    }
  }
  return ink;
}

test('the 80×24 text map shows the outline of North Korea', () => {
  const lines = frameText(composeFrame(r80, { noColor: true, labels: false }));
  assert.equal(lines.length, 24);
  for (const l of lines) assert.equal([...l].length, 80);
  // Bounding box of the ink spans the map area: the full height, and the width the country takes.
  let top = Infinity, bottom = -1, left = Infinity, right = -1;
  lines.forEach((l, row) => [...l].forEach((ch, col) => {
    if (ch === ' ') return;
    top = Math.min(top, row); bottom = Math.max(bottom, row);
    left = Math.min(left, col); right = Math.max(right, col);
  }));
  const box = r80.projection.content;
  assert.ok(top <= 1 && bottom >= 22, `rows ${top}..${bottom}`);
  assert.ok(right - left + 1 >= box.cols * 0.9, `cols ${left}..${right} of ${box.cols}`);
  // Northeast (Rason, mouth of the Tumen) and southwest (Ongjin peninsula) have ink …
  assert.ok(inkAround(r80, lines, 130.3, 42.35) >= 3, 'Rason');
  assert.ok(inkAround(r80, lines, 125.3, 37.95) >= 3, 'Ongjin');
  assert.ok(inkAround(r80, lines, 124.5, 40.0) >= 2, 'Sinuiju, mouth of the Yalu');
  // … while China in the northwest and the East Sea / ROK in the southeast are blank.
  const [c0, r0] = r80.projection.toCell(124.5, 42.7);
  assert.equal(inkAround(r80, lines, 124.5, 42.7, 2), 0, `China at ${c0},${r0}`);
  assert.equal(inkAround(r80, lines, 130.0, 38.2, 2), 0, 'East Sea');
  // The grid corners outside the country are blank.
  const [cl] = r80.projection.toCell(readDefaultLayer().bbox[0], 0);
  assert.equal(lines[0]![Math.ceil(cl)], ' ');
  assert.equal(lines[23]![79], ' ');
});

test('the selected county changes colour and nothing else does', () => {
  const before = composeFrame(r160, {});
  const id = 'kp-south-hamgyong-hamhung';
  const after = composeFrame(r160, { selected: id });
  // The highlight: the county's cells connected to its anchor (an exclave cell keeps its status colour).
  const painted = new Set(highlightCells(r160, id));
  assert.ok(cellsOf(r160, id).filter((c) => painted.has(c.row * 160 + c.col)).length >= cellsOf(r160, id).length - 1);
  for (const c of cellsOf(r160, id).filter((c) => painted.has(c.row * 160 + c.col))) {
    assert.equal(before.cells[c.row]![c.col]!.bg, LEGEND.none.colour);
    assert.equal(after.cells[c.row]![c.col]!.bg, LEGEND.cursor.colour);
    assert.equal(after.cells[c.row]![c.col]!.bold, true);
  }
  for (let r = 0; r < 48; r++) {
    for (let c = 0; c < 160; c++) {
      if (!painted.has(r * 160 + c)) assert.deepEqual(after.cells[r]![c], before.cells[r]![c]);
    }
  }
  // Moving the selection repaints only the two counties.
  const moved = composeFrame(r160, { selected: 'kp-north-hamgyong-chongjin' });
  const hamhungCell = cellsOf(r160, id)[0]!;
  assert.equal(moved.cells[hamhungCell.row]![hamhungCell.col]!.bg, LEGEND.none.colour);
  const chongjin = anchorCellOf(r160, 'kp-north-hamgyong-chongjin')!;
  assert.equal(moved.cells[chongjin.row]![chongjin.col]!.bg, LEGEND.cursor.colour);
});

test('statuses colour their counties and sea stays uncoloured', () => {
  const statuses: Record<string, CountyStatus> = {
    'kp-north-hamgyong-chongjin': 'operating',
    'kp-south-hwanghae-ongjin': 'under_construction',
    'kp-chagang-kanggye': 'disrupted',
  };
  const frame = composeFrame(r160, { statuses });
  for (const [id, status] of Object.entries(statuses)) {
    for (const c of cellsOf(r160, id)) assert.equal(frame.cells[c.row]![c.col]!.bg, LEGEND[status].colour, id);
  }
  assert.equal(cellAt(r160, frame, 130.0, 38.3).bg, undefined); // East Sea
  assert.equal(cellAt(r160, frame, 126.5, 40.5).bg, LEGEND.none.colour); // a county outside the programme
});

test('without colour every status shows its own glyph and no colour is emitted', () => {
  const ids = ['kp-north-hamgyong-chongjin', 'kp-south-hwanghae-ongjin', 'kp-chagang-kanggye', 'kp-kangwon-wonsan', 'kp-ryanggang-hyesan'];
  const vocab: CountyStatus[] = ['under_construction', 'inaugurated', 'operating', 'disrupted', 'unknown'];
  const statuses = new Map(ids.map((id, i) => [id, vocab[i]!]));
  const selected = 'kp-south-hamgyong-hamhung';
  const frame = composeFrame(r160, { statuses, selected, noColor: true, labels: false });
  for (const row of frame.cells) for (const c of row) assert.ok(c.fg === undefined && c.bg === undefined);
  const seen = new Map<string, string>();
  for (const [id, status] of [...statuses, [selected, 'cursor'] as const]) {
    const cells = status === 'cursor' ? highlightCells(r160, id).map((i) => ({ row: Math.floor(i / 160), col: i % 160 })).filter((c) => cellsOf(r160, id).some((o) => o.row === c.row && o.col === c.col)) : cellsOf(r160, id);
    const chars = new Set(cells.map((c) => frame.cells[c.row]![c.col]!.char));
    assert.deepEqual([...chars], [LEGEND[status].glyph], `${id} (${status})`);
    seen.set(status, [...chars][0]!);
  }
  assert.equal(new Set(seen.values()).size, 6);
  assert.equal(new Set(MAP_STATUSES.map((s) => LEGEND[s].glyph)).size, MAP_STATUSES.length);
});

test('first-level labels are on land inside their unit (or beside it, pointing at it), inside the grid and never overlap', () => {
  for (const raster of [r80, r160]) {
    const used = new Set<number>();
    for (const l of raster.labels) {
      assert.ok(l.col >= 0 && l.col + l.text.length <= raster.cols && l.row >= 0 && l.row < raster.rows);
      // A label beside its unit ("◂Rason", "Nampo▸"): its arrow points at a cell of the unit, and its
      // own cells are outside the unit.
      const arrow = l.text.startsWith('◂') ? l.col - 1 : l.text.endsWith('▸') ? l.col + l.text.length : null;
      for (let i = 0; i < l.text.length; i++) {
        const cell = l.row * raster.cols + l.col + i;
        assert.ok(!used.has(cell), `${l.text} overlaps`);
        used.add(cell);
        if (arrow !== null) {
          const ci = raster.cellCounty[cell]!;
          assert.ok(ci < 0 || raster.prepared.provinces[raster.prepared.provinceOf[ci]!] !== l.province, `${l.text} covers its own unit`);
          continue;
        }
        assert.ok(raster.cellCounty[cell]! >= 0, `${l.text} over sea`);
        const p = raster.prepared.provinceOf[raster.cellCounty[cell]!]!;
        assert.equal(raster.prepared.provinces[p], l.province, `${l.text} spills out of its unit`);
      }
      if (arrow !== null) {
        const ci = raster.cellCounty[l.row * raster.cols + arrow]!;
        assert.ok(ci >= 0 && raster.prepared.provinces[raster.prepared.provinceOf[ci]!] === l.province, `${l.text} points at another unit`);
      }
    }
  }
  assert.ok(r160.labels.length >= 10, r160.labels.map((l) => l.text).join(','));
  assert.ok(r80.labels.length >= 4, r80.labels.map((l) => l.text).join(','));
  const text = frameText(composeFrame(r160, { noColor: true })).join('\n');
  for (const name of ['North Hamgyong', 'South Pyongan', 'Kangwon']) assert.ok(text.includes(name), name);
});
