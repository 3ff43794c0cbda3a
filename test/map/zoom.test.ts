/**
 * The map at province zoom and at every size: what the analyst sees in the map pane.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { countyStatuses } from '../../src/atlas.js';
import { composeFrame, frameText, highlightCells } from '../../src/map/frame.js';
import { LEGEND_16, MAP_STATUSES, type CountyStatus } from '../../src/map/legend.js';
import { countyLabel, mapLines } from '../../src/view/map-lines.js';
import { plain } from '../../src/view/paint.js';
import { bundledAtlas } from '../helpers/ui.js';

const atlas = bundledAtlas();
const { dataset } = atlas;
const AS_OF = '2026-11-30';
const statuses = countyStatuses(dataset.sites, AS_OF);
/** Map areas (cells) the dashboard draws at 60×16, 80×24, 100×30, 120×40, 160×48 and 200×60, plus 160×48 itself. */
const SIZES: [number, number][] = [[58, 4], [78, 4], [40, 8], [48, 12], [62, 37], [78, 49], [160, 48]];

test('at province zoom the map shows each program county of the province by name (160×48)', () => {
  for (const p of dataset.registry.provinces) {
    const sites = dataset.sites.filter((s) => s.province === p.id);
    if (sites.length === 0) continue;
    const text = mapLines(atlas, 160, 48, { selected: undefined, statuses, colorLevel: 0, province: p.id, names: 'en' }).map(plain).join('\n');
    // The map names a program county as the list does (Rangnim, not the registry's Rangrim).
    for (const s of sites) {
      const label = countyLabel(atlas, s.county.id, s.county.name_en);
      // A unit that holds several sites (Kaesong) keeps its own name.
      const shared = dataset.sites.filter((o) => o.county.id === s.county.id && o.role === 'batch').length > 1;
      assert.ok(s.role === 'batch' && !shared ? s.name_en.startsWith(label) : label === s.county.name_en, `${s.name_en} is labelled ${label}: not the list's spelling`);
      assert.ok(text.includes(label), `${p.name_en}: ${label} not named on the map`);
    }
  }
});

test('county names can be shown in Hangul, two cells per syllable, rows keeping their width', () => {
  const lines = mapLines(atlas, 100, 30, { selected: undefined, statuses, colorLevel: 0, province: 'south-pyongan', names: 'ko' });
  const text = lines.map(plain).join('\n');
  for (const name of ['맹산군', '성천군', '숙천군']) assert.ok(text.includes(name), name);
  for (const l of lines) assert.equal(stringWidth(plain(l)), 100);
});

test('the selected county is highlighted exactly once, and named at province zoom, at every size', () => {
  for (const [cols, rows] of SIZES) {
    for (const site of dataset.sites) {
      for (const province of [undefined, dataset.registry.provinceById.get(site.province)!.name_en]) {
        const raster = atlas.rasterFor(cols, rows, province);
        const cells = highlightCells(raster, site.county.id);
        assert.ok(cells.length > 0, `${site.id} not highlighted at ${cols}×${rows} ${province ?? 'national'}`);
        // One 8-connected group of cursor cells in the frame.
        const frame = composeFrame(raster, { selected: site.county.id, statuses, noColor: true, labels: false });
        const cursor = new Set<number>();
        frame.cells.forEach((row, r) => row.forEach((c, col) => c.char === '█' && cursor.add(r * cols + col)));
        assert.deepEqual([...cursor].sort((a, b) => a - b), cells, `${site.id} at ${cols}×${rows}`);
        const seen = new Set([cells[0]!]);
        const stack = [cells[0]!];
        while (stack.length) {
          const x = stack.pop()!;
          for (const d of [-cols - 1, -cols, -cols + 1, -1, 1, cols - 1, cols, cols + 1]) {
            const n = x + d;
            if (cursor.has(n) && !seen.has(n) && Math.abs((n % cols) - (x % cols)) <= 1) seen.add(n), stack.push(n);
          }
        }
        assert.equal(seen.size, cursor.size, `${site.id} highlighted in ${cursor.size - seen.size} stray cells at ${cols}×${rows}`);
      }
    }
  }
  for (const site of dataset.sites.filter((s) => s.province === 'pyongyang' || s.province === 'nampo')) {
    for (const colorLevel of [3, 0] as const) {
      const lines = mapLines(atlas, 78, 16, { selected: site.county.id, statuses, colorLevel, province: site.province, names: 'en' }).map(plain);
      const label = countyLabel(atlas, site.county.id, site.county.name_en);
      assert.ok(lines.join('\n').includes(label), `${label} is not named when selected at 78×16`);
      if (colorLevel === 0) assert.ok(lines.join('').includes('█'), `${label}: the name hides the whole selection`);
    }
  }
});

test('16-colour terminals: every status, the selection, "no site" and the sea look different', () => {
  const chalk = new Chalk({ level: 1 });
  const bgCode = (hex: string | undefined) => (hex ? chalk.bgHex(hex)('x').split('x')[0]! : 'default');
  const raster = atlas.rasterFor(160, 48);
  const ids = raster.prepared.ids;
  const byStatus = new Map<string, string>();
  const st = new Map<string, CountyStatus>();
  const picks = MAP_STATUSES.filter((s) => s !== 'cursor' && s !== 'none').map((s, i) => [s, ids[20 + i * 17]!] as const);
  for (const [s, id] of picks) st.set(id, s as CountyStatus);
  const selected = ids[5]!;
  const frame = composeFrame(raster, { statuses: st, selected, palette: 'ansi16', labels: false });
  const look = (id: string) => {
    const cells = highlightCells(raster, id).map((c) => frame.cells[Math.floor(c / raster.cols)]![c % raster.cols]!);
    const plainCell = cells.find((c) => !/[\u2800-\u28FF]/.test(c.char)) ?? cells[0]!;
    return `${bgCode(plainCell.bg)} ${plainCell.char}`;
  };
  for (const [s, id] of picks) byStatus.set(s, look(id));
  byStatus.set('cursor', look(selected));
  const noneId = ids.find((id) => !st.has(id) && id !== selected)!;
  byStatus.set('none', look(noneId));
  byStatus.set('sea', `${bgCode(frame.cells[0]![0]!.bg)} ${frame.cells[0]![0]!.char}`);
  assert.equal(new Set(byStatus.values()).size, byStatus.size, JSON.stringify(Object.fromEntries(byStatus)));
  // Basic backgrounds only (40–47): 8-colour terminals have no bright backgrounds.
  for (const e of Object.values(LEGEND_16)) assert.match(bgCode(e.colour), /\[4[0-7]m/, e.status);
});

test('first-level labels are not drawn at province zoom; the national view keeps them inside their unit (or beside it, pointing at it)', () => {
  const zoom = frameText(composeFrame(atlas.rasterFor(160, 48, 'Kangwon'))).join('\n');
  assert.doesNotMatch(zoom, /North Hamgyong/);
  const national = atlas.rasterFor(160, 48);
  for (const l of national.labels) {
    const arrow = l.text.startsWith('◂') ? l.col - 1 : l.text.endsWith('▸') ? l.col + l.text.length : null;
    if (arrow !== null) {
      const ci = national.cellCounty[l.row * national.cols + arrow]!;
      assert.equal(national.prepared.provinces[national.prepared.provinceOf[ci]!], l.province, l.text);
      continue;
    }
    for (let i = 0; i < l.text.length; i++) {
      const ci = national.cellCounty[l.row * national.cols + l.col + i]!;
      assert.equal(national.prepared.provinces[national.prepared.provinceOf[ci]!], l.province, l.text);
    }
  }
});

test('two counties of one spelling in view are told apart by their province (Unsan, North and South Pyongan)', () => {
  for (const province of ['north-pyongan', 'south-pyongan']) {
    for (const names of ['en', 'ko'] as const) {
      const text = mapLines(atlas, 160, 48, { selected: undefined, statuses, colorLevel: 0, province, names }).map(plain).join('\n');
      const bare = text.match(/\bUnsan\b(?! \()/g) ?? [];
      assert.ok(bare.length <= 1 || names === 'ko', `${province}: ${bare.length} bare "Unsan" labels`);
      if (names === 'en' && text.includes('Unsan (')) assert.ok(!/\bUnsan\b(?! \()/.test(text), `${province}: one Unsan labelled with a province and one without`);
    }
  }
});
