/**
 * Export timings for a realistic 160×48 dashboard frame (braille map with truecolor county fills,
 * box-drawn panels, Hangul names, block glyphs, mixed SGR): ANSI → grid, grid → SVG, SVG → PNG.
 * Prints medians and whether the goals are met; asserts nothing.
 *
 * Goals: SVG export (ANSI → grid → SVG) < 100 ms; PNG export at 1× (SVG → PNG) < 600 ms.
 *
 * Run: node dist/bench/export.bench.js [runs]
 */
import { ansiToGrid } from '../src/export/ansi-to-grid.js';
import { gridToSvg } from '../src/export/svg.js';
import { svgToPng } from '../src/export/png.js';
import { gridToHtml } from '../src/export/html.js';
import { sampleFrame } from '../src/export/sample-frame.js';
import type { CellGrid, ExportMeta } from '../src/export/types.js';

const SVG_GOAL_MS = 100;
const PNG_GOAL_MS = 600;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function timeAsync<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await fn();
  return [performance.now() - t0, v];
}

const runs = Math.max(3, Number(process.argv[2]) || 9);
const { ansi, legend } = sampleFrame(160, 48);
const meta: ExportMeta = {
  title: 'Regional Development 20×10 — 지방발전 20×10 정책',
  subtitle: 'State-media claims beside outside reporting',
  asOf: '2025-06-30',
  legend,
  credits: ['Data: KCNA, Rodong Sinmun; 38 North, NK Pro.', 'Boundaries: geoBoundaries (CC BY 4.0), simplified.'],
  schematicNote: 'County boundaries are schematic.',
  generatedAt: null,
};

const gridMs: number[] = [];
const svgMs: number[] = [];
const htmlMs: number[] = [];
const png1Ms: number[] = [];
const png2Ms: number[] = [];
let grid: CellGrid | undefined;
let svg = '';
let pngBytes = 0;
// One warm-up round (JIT, font loading), then measured runs.
for (let i = 0; i <= runs; i++) {
  const [g, gr] = await timeAsync(() => ansiToGrid(ansi, 160, 48));
  const [s, sv] = await timeAsync(() => gridToSvg(gr, meta));
  const [h] = await timeAsync(() => gridToHtml(gr, meta));
  const [p1, png] = await timeAsync(() => svgToPng(sv, 1));
  const [p2] = await timeAsync(() => svgToPng(sv, 2));
  if (i === 0) continue;
  gridMs.push(g);
  svgMs.push(s);
  htmlMs.push(h);
  png1Ms.push(p1);
  png2Ms.push(p2);
  grid = gr;
  svg = sv;
  pngBytes = png.length;
}

const svgTotal = median(gridMs.map((g, i) => g + svgMs[i]!));
const png1 = median(png1Ms);
console.log(`export bench, 160×48 frame (${runs} runs, median; Node ${process.version})`);
console.log(`  ANSI → grid (xterm headless):  ${median(gridMs).toFixed(1)} ms  (${grid?.cols}×${grid?.rows})`);
console.log(`  grid → SVG:                    ${median(svgMs).toFixed(1)} ms  (${(svg.length / 1024).toFixed(0)} KiB)`);
console.log(`  grid → HTML:                   ${median(htmlMs).toFixed(1)} ms`);
console.log(`  SVG → PNG 1×:                  ${png1.toFixed(1)} ms  (${(pngBytes / 1024).toFixed(0)} KiB)`);
console.log(`  SVG → PNG 2×:                  ${median(png2Ms).toFixed(1)} ms`);
console.log(`  SVG export (ANSI → SVG) ${svgTotal.toFixed(1)} ms, goal < ${SVG_GOAL_MS} ms: ${svgTotal < SVG_GOAL_MS ? 'met' : 'NOT met'}`);
console.log(`  PNG export 1× (SVG → PNG) ${png1.toFixed(1)} ms, goal < ${PNG_GOAL_MS} ms: ${png1 < PNG_GOAL_MS ? 'met' : 'NOT met'}`);
