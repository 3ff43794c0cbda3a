/**
 * Map timings: projection + rasterisation of the whole country per grid size, and recolouring
 * (composing a frame) for a new selection. Prints numbers and whether the goals are met; asserts
 * nothing.
 *
 * Goals: full re-rasterise after a resize < 30 ms; new selection at 160×48 < 2 ms; zooming to a
 * province and drawing it (raster of the zoom box + county names + frame) at 160×48 < 10 ms.
 *
 * Run: node dist/bench/geo.bench.js [runs]
 */
import { readDefaultLayer } from '../src/geo/layer-file.js';
import { prepareLayer } from '../src/map/prepared.js';
import { rasterize } from '../src/map/raster.js';
import { provinceZoomBox } from '../src/map/prepared.js';
import { placeCountyLabels } from '../src/map/county-labels.js';
import { composeFrame } from '../src/map/frame.js';
import type { CountyStatus } from '../src/map/legend.js';

const RASTER_GOAL_MS = 30;
const SELECT_GOAL_MS = 2;
const ZOOM_GOAL_MS = 10;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

const runs = Math.max(3, Number(process.argv[2]) || 15);
let t = performance.now();
const layer = readDefaultLayer();
const loadMs = performance.now() - t;
t = performance.now();
const prepared = prepareLayer(layer);
const prepareMs = performance.now() - t;
console.log(`geo bench (${runs} runs each, median; Node ${process.version})`);
console.log(`  load + merge/mesh layer (once per process): ${loadMs.toFixed(1)} ms; prepare: ${prepareMs.toFixed(1)} ms`);

const results: string[] = [];
for (const [cols, rows] of [
  [80, 24],
  [160, 48],
  [240, 70],
] as const) {
  for (let i = 0; i < 3; i++) rasterize(prepared, cols, rows); // warm-up
  const ms = median(Array.from({ length: runs }, () => time(() => rasterize(prepared, cols, rows))));
  const ok = ms < RASTER_GOAL_MS;
  results.push(`raster ${cols}x${rows} ${ok ? 'ok' : 'MISSED'}`);
  console.log(`  projection + raster ${`${cols}×${rows}`.padEnd(7)} ${ms.toFixed(2).padStart(7)} ms   goal < ${RASTER_GOAL_MS} ms: ${ok ? 'met' : 'MISSED'}`);
}

const raster = rasterize(prepared, 160, 48);
const statuses = new Map<string, CountyStatus>();
const vocabulary: CountyStatus[] = ['under_construction', 'inaugurated', 'operating', 'disrupted', 'unknown'];
prepared.ids.forEach((id, i) => {
  if (i % 2 === 0) statuses.set(id, vocabulary[i % vocabulary.length]!);
});
for (let i = 0; i < 20; i++) composeFrame(raster, { selected: prepared.ids[i], statuses });
const samples: number[] = [];
for (let i = 0; i < Math.max(runs, prepared.ids.length); i++) {
  const id = prepared.ids[i % prepared.ids.length];
  samples.push(time(() => composeFrame(raster, { selected: id, statuses })));
}
const selMs = median(samples);
const selOk = selMs < SELECT_GOAL_MS;
console.log(`  new selection 160×48 (compose frame)  ${selMs.toFixed(3).padStart(7)} ms   goal < ${SELECT_GOAL_MS} ms: ${selOk ? 'met' : 'MISSED'}`);
const noColorMs = median(
  prepared.ids.map((id) => time(() => composeFrame(raster, { selected: id, statuses, noColor: true }))),
);
console.log(`  new selection 160×48, NO_COLOR        ${noColorMs.toFixed(3).padStart(7)} ms`);
results.push(`select ${selOk ? 'ok' : 'MISSED'}`);

// Province zoom: what a ←/→ costs the first time a province is shown at this size (no cache).
const zoomSamples: number[] = [];
for (let round = 0; round < 3; round++) {
  for (const name of prepared.provinces) {
    const view = provinceZoomBox(prepared, name)!;
    const wanted = prepared.ids.filter((id) => statuses.has(id)).map((id) => ({ id, text: prepared.layer.counties[prepared.index.get(id)!]!.properties.name_en }));
    const ms = time(() => {
      const r = rasterize(prepared, 160, 48, { view, labels: false, countyBorders: 'dotted', thickProvinceBorders: true });
      composeFrame(r, { statuses, countyLabels: placeCountyLabels(r, wanted) });
    });
    if (round > 0) zoomSamples.push(ms);
  }
}
const zoomMs = median(zoomSamples);
const zoomMax = Math.max(...zoomSamples);
const zoomOk = zoomMs < ZOOM_GOAL_MS;
console.log(`  province zoom + draw 160×48          ${zoomMs.toFixed(2).padStart(7)} ms (slowest ${zoomMax.toFixed(1)} ms)   goal < ${ZOOM_GOAL_MS} ms: ${zoomOk ? 'met' : 'MISSED'}`);
results.push(`zoom ${zoomOk ? 'ok' : 'MISSED'}`);
console.log(`goals: ${results.every((r) => r.endsWith('ok')) ? 'all met' : results.filter((r) => !r.endsWith('ok')).join(', ') + ' missed'}`);
