/**
 * Dashboard benchmarks (issue 9). Prints numbers side by side with a reference measured in the same
 * run; asserts nothing.
 * - first full frame (whole process, 160×48, one-frame mode) against a bare Ink "hello" process,
 *   runs alternating;
 * - keystroke → frame at 160×48 in colour through a real pseudo-terminal (bench/pty-keys.py, Python's
 *   pty module): p50/p95 over 200 mixed keys in the Sites view, and over j/k in the gap view (after
 *   `v`; skipped with a note where `v` does not change the frame), and bytes written per cursor
 *   move (median), and the program's CPU time per key (user + system; a busy machine inflates it far
 *   less than the wall times); runs alternate between checkouts (NK_BENCH_KEY_ROUNDS, default 2);
 * - `export --format svg` (whole process) against the dashboard's one-frame mode.
 * With NK_BASELINE=DIR (another checkout of nk20x10, built), every figure is also measured for that
 * checkout in the same run, alternating, so before and after sit side by side.
 * NK_BENCH=keys runs only the keystroke scenarios.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PACKAGE_ROOT } from '../src/paths.js';

const RUNS = Number(process.env.NK_BENCH_RUNS) || 9;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;

interface Checkout {
  name: string;
  bin: string;
}
const checkouts: Checkout[] = [{ name: 'this checkout', bin: join(PACKAGE_ROOT, 'bin', 'nk20x10.js') }];
if (process.env.NK_BASELINE) checkouts.push({ name: `baseline (${process.env.NK_BASELINE})`, bin: join(process.env.NK_BASELINE, 'bin', 'nk20x10.js') });

const scratch = mkdtempSync(join(tmpdir(), 'nk-bench-'));
const env: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: join(scratch, 'cache'), COLUMNS: '160', LINES: '48' };
delete env.CI;

function timeProcess(args: string[]): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return performance.now() - start;
}

function firstFrame(): void {
  const hello = join(PACKAGE_ROOT, 'dist', 'bench', 'ink-hello.js');
  const times = new Map<string, number[]>([['hello', []], ...checkouts.map((c): [string, number[]] => [c.name, []])]);
  for (const c of checkouts) timeProcess([c.bin, '--as-of', '2025-12-31']); // fill each model cache
  for (let i = 0; i < RUNS; i++) {
    times.get('hello')!.push(timeProcess([hello]));
    for (const c of checkouts) times.get(c.name)!.push(timeProcess([c.bin, '--as-of', '2025-12-31']));
  }
  const base = median(times.get('hello')!);
  console.log(`first full frame, 160×48, whole process (median of ${RUNS}, alternating)`);
  console.log(`  bare Ink "hello" process   ${base.toFixed(0)} ms`);
  for (const c of checkouts) {
    const ratio = median(times.get(c.name)!) / base;
    console.log(`  ${c.name.padEnd(26)} ${median(times.get(c.name)!).toFixed(0)} ms   ratio ${ratio.toFixed(2)}   goal ≤ 1.0: ${ratio <= 1 ? 'met' : 'NOT met'}`);
  }
}

/** One pty run: the program started at 160×48 in colour, `keys` sent one at a time. */
function ptyRun(c: Checkout, keys: string[]): { ms: number[]; bytes: number[]; cpu_ms: number | null } | string {
  const r = spawnSync('python3', [join(PACKAGE_ROOT, 'bench', 'pty-keys.py'), '160', '48', JSON.stringify(keys), '--', process.execPath, c.bin, '--as-of', '2025-12-31'], {
    env: { ...env, TERM: 'xterm-256color', COLORTERM: 'truecolor', COLUMNS: '', LINES: '' },
    encoding: 'utf8',
  });
  if (r.status !== 0) return `pty run failed: ${r.stderr.slice(0, 300)}`;
  return JSON.parse(r.stdout) as { ms: number[]; bytes: number[]; cpu_ms: number | null };
}

/** Rounds of pty runs per scenario, alternating between checkouts (a busy machine hits both alike). */
const KEY_ROUNDS = Number(process.env.NK_BENCH_KEY_ROUNDS) || 2;

/**
 * A keystroke scenario: `setup` keys are sent first and not timed (a mode switch); then `keys`.
 * `needsChange`: the setup must change the frame, else the scenario is skipped for that checkout
 * with a note (the key does not exist there).
 */
interface Scenario {
  title: string;
  setup: string[];
  keys: string[];
  needsChange?: string;
}

function keystrokes(s: Scenario): void {
  console.log(s.title);
  const all = [...s.setup, ...s.keys];
  const results = new Map<string, { ms: number[]; bytes: number[]; cpu: number[]; note?: string }>(checkouts.map((c) => [c.name, { ms: [], bytes: [], cpu: [] }]));
  // Each checkout's model cache filled first, so no run pays for loading the data.
  for (const c of checkouts) timeProcess([c.bin, '--as-of', '2025-12-31']);
  for (let round = 0; round < KEY_ROUNDS; round++) {
    for (const c of checkouts) {
      const acc = results.get(c.name)!;
      if (acc.note) continue;
      const r = ptyRun(c, all);
      if (typeof r === 'string') {
        acc.note = r;
        continue;
      }
      if (s.needsChange && r.bytes.slice(0, s.setup.length).every((n) => n === 0)) {
        acc.note = s.needsChange;
        continue;
      }
      acc.ms.push(...r.ms.slice(s.setup.length));
      if (r.cpu_ms !== null) acc.cpu.push(r.cpu_ms / all.length);
      acc.bytes.push(...r.bytes.slice(s.setup.length));
    }
  }
  for (const c of checkouts) {
    const { ms, bytes, cpu, note } = results.get(c.name)!;
    if (note) {
      console.log(`  ${c.name.padEnd(26)} skipped: ${note}`);
      continue;
    }
    const moves = bytes.filter((_, i) => {
      const k = s.keys[i % s.keys.length];
      return k === 'j' || k === 'k';
    });
    const p95 = pct(ms, 95);
    console.log(`  ${c.name.padEnd(26)} p50 ${pct(ms, 50).toFixed(1)} ms   p95 ${p95.toFixed(1)} ms (goal < 16: ${p95 < 16 ? 'met' : 'NOT met'})   bytes per cursor move: median ${median(moves)}   CPU per key ${cpu.length ? `${(cpu.reduce((a, b) => a + b, 0) / cpu.length).toFixed(1)} ms` : 'n/a'}   (${ms.length} keys)`);
  }
}

const SITES_MIX = ['j', 'j', 'l', 'k', 'T', 't', ']', 'j', 'h', 'k'];
const SITES: Scenario = {
  title: `keystroke → frame at 160×48, colour, through a pseudo-terminal, Sites view (${KEY_ROUNDS}×200 keys: j k h l ] t T)`,
  setup: [],
  keys: Array.from({ length: 200 }, (_, i) => SITES_MIX[i % SITES_MIX.length]!),
};
const GAP_MIX = ['j', 'j', 'j', 'k', 'j', 'k', 'k', 'j'];
const GAP: Scenario = {
  title: `keystroke → frame at 160×48, colour, through a pseudo-terminal, gap view (v once, then ${KEY_ROUNDS}×100 keys: j k)`,
  setup: ['v'],
  keys: Array.from({ length: 100 }, (_, i) => GAP_MIX[i % GAP_MIX.length]!),
  needsChange: '`v` does not change the frame here (no gap view in this checkout; it arrives with the gap branch)',
};

function exportSvg(): void {
  const times = new Map<string, { svg: number[]; frame: number[] }>(checkouts.map((c) => [c.name, { svg: [], frame: [] }]));
  for (let i = 0; i < RUNS; i++) {
    for (const c of checkouts) {
      const t = times.get(c.name)!;
      t.frame.push(timeProcess([c.bin, '--as-of', '2025-12-31']));
      t.svg.push(timeProcess([c.bin, 'export', '--as-of', '2025-12-31', '--format', 'svg', '-o', join(scratch, `n${i}.svg`), '--force']));
    }
  }
  console.log(`export --format svg (whole process) against the dashboard's one-frame mode (median of ${RUNS})`);
  for (const c of checkouts) {
    const t = times.get(c.name)!;
    const ratio = median(t.svg) / median(t.frame);
    console.log(`  ${c.name.padEnd(26)} export ${median(t.svg).toFixed(0)} ms   one frame ${median(t.frame).toFixed(0)} ms   ratio ${ratio.toFixed(2)}   goal ≤ 1.2: ${ratio <= 1.2 ? 'met' : 'NOT met'}`);
  }
}

// NK_BENCH=keys runs only the keystroke scenarios (a quicker check).
const only = process.env.NK_BENCH;
try {
  if (only !== 'keys') firstFrame();
  keystrokes(SITES);
  keystrokes(GAP);
  if (only !== 'keys') exportSvg();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
