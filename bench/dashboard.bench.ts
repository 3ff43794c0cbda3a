/**
 * Dashboard benchmarks. Prints numbers; asserts nothing.
 * - cold start to the first full frame (whole process, off-TTY frame) against a bare Ink "hello"
 *   process, measured in the same run; first run with an empty model cache, then warm;
 * - keystroke to frame at 160×48: p50/p95 over 200 keystrokes, in-process, unthrottled.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createElement } from 'react';
import { openAtlas } from '../src/atlas.js';
import { loadDataset } from '../src/load/dataset.js';
import { DEFAULT_DATA_DIR, DEFAULT_GEO_DIR, PACKAGE_ROOT } from '../src/paths.js';
import { App } from '../src/ui/App.js';
import { startState } from '../src/ui/run.js';
import { renderSized } from '../test/helpers/ink-render.js';

const RUNS = 9;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;

function timeProcess(args: string[], env: NodeJS.ProcessEnv): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return performance.now() - start;
}

function coldStart(): void {
  const bin = join(PACKAGE_ROOT, 'bin', 'nk20x10.js');
  const hello = join(PACKAGE_ROOT, 'dist', 'bench', 'ink-hello.js');
  const cache = mkdtempSync(join(tmpdir(), 'nk-bench-cache-'));
  const env = { ...process.env, XDG_CACHE_HOME: cache, COLUMNS: '160', LINES: '48' };
  const appArgs = [bin, '--as-of', '2025-12-31'];
  const first = timeProcess(appArgs, env);
  const app: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    base.push(timeProcess([hello], env));
    app.push(timeProcess(appArgs, env));
  }
  const ratio = median(app) / median(base);
  console.log('cold start to first full frame (160×48, whole process, median of %d)', RUNS);
  console.log(`  bare Ink "hello" process      ${median(base).toFixed(0)} ms`);
  console.log(`  nk20x10, warm model cache     ${median(app).toFixed(0)} ms   ratio ${ratio.toFixed(2)}   goal ≤ 1.30: ${ratio <= 1.3 ? 'met' : 'NOT met'}`);
  console.log(`  nk20x10, first run (no cache) ${first.toFixed(0)} ms   (validates every file, then caches)`);
}

async function keystrokes(): Promise<void> {
  // As the live app does (src/ui/run.tsx).
  const atlas = openAtlas(loadDataset({ dataDir: DEFAULT_DATA_DIR, geoDir: DEFAULT_GEO_DIR }));
  const { ctx, state } = startState(atlas, '2025-12-31');
  const app = renderSized(createElement(App, { atlas, ctx, initial: state, colorLevel: 3, size: { cols: 160, rows: 48 } }), 160, 48);
  await new Promise((r) => setTimeout(r, 50));
  const keys = ['j', 'j', 'l', 'k', 'T', 't', ']', 'j'];
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const before = app.frameCount();
    const start = performance.now();
    app.stdin.write(keys[i % keys.length]!);
    while (app.frameCount() === before && performance.now() - start < 1000) await new Promise((r) => setImmediate(r));
    times.push(performance.now() - start);
  }
  app.unmount();
  const p95 = pct(times, 95);
  console.log('keystroke to frame at 160×48 (200 keystrokes: j k l ] t T; full colour)');
  console.log(`  p50 ${pct(times, 50).toFixed(1)} ms   p95 ${p95.toFixed(1)} ms   goal p95 < 16 ms: ${p95 < 16 ? 'met' : 'NOT met'}`);
  console.log('  (in-process, unthrottled; the live app caps redraws at 60 fps)');
}

coldStart();
await keystrokes();
