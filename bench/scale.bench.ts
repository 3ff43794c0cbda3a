/**
 * Scale benchmark. Prints numbers; asserts nothing.
 * Generates the synthetic 10× and 100× datasets (scripts/gen-large.ts) in a temporary directory
 * and measures, each in a fresh child process so that its peak RSS is its own:
 * - the `validate` path: `loadDataset` with no cache (every YAML file parsed and checked);
 * - of that, YAML parsing alone (`readYamlFile` on every file);
 * - the dashboard path: `loadDatasetCached` with a warm cache (first a miss that writes it);
 * - the whole dashboard process printing one frame off a TTY, warm cache.
 * Times are wall-clock for the load call only (module loading excluded); peak RSS is the child's
 * `process.resourceUsage().maxRSS` (whole process, module loading included), in MiB.
 * Goal for the 100× dataset: loads in under 2 s and under 300 MB.
 *
 *   node dist/bench/scale.bench.js [--scale 10|100] [--keep]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateLarge, SCALES, type Scale } from '../scripts/gen-large.js';
import { DEFAULT_GEO_DIR, PACKAGE_ROOT } from '../src/paths.js';

const GOAL_MS = 2000;
const GOAL_MIB = 300;
const SELF = fileURLToPath(import.meta.url);

type Mode = 'cold' | 'parse' | 'cached' | 'dashboard';
interface Sample {
  ms: number;
  rssMiB: number;
  heapMiB: number;
}

// ---------------------------------------------------------------------------------------------
// Child: one measurement, written as JSON to a file (stdout belongs to the dashboard frame).

async function child(mode: Mode, dataDir: string, cache: string, resultFile: string): Promise<void> {
  let ms: number;
  if (mode === 'cold') {
    const { loadDataset } = await import('../src/load/dataset.js');
    const start = performance.now();
    loadDataset({ dataDir, geoDir: DEFAULT_GEO_DIR });
    ms = performance.now() - start;
  } else if (mode === 'parse') {
    const { readYamlFile } = await import('../src/load/yaml-file.js');
    const counties = join(dataDir, 'counties');
    const files = [join(dataDir, 'sources.yaml'), join(dataDir, 'policy.yaml'), ...readdirSync(counties).sort().map((f) => join(counties, f))];
    const start = performance.now();
    for (const f of files) {
      const r = readYamlFile(f);
      if (!r.ok) throw new Error(`${f}: ${r.errors[0]?.message}`);
    }
    ms = performance.now() - start;
  } else if (mode === 'cached') {
    const { loadDatasetCached } = await import('../src/load/dataset-cache.js');
    // The package version, as the dashboard passes it, so both share one cache file.
    const { version } = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
    const start = performance.now();
    await loadDatasetCached({ dataDir, geoDir: DEFAULT_GEO_DIR, version, cache });
    ms = performance.now() - start;
  } else {
    const { run } = await import('../src/cli/main.js');
    const start = performance.now();
    const code = await run(['--data', dataDir, '--as-of', '2034-12-31']);
    ms = performance.now() - start;
    if (code !== 0) throw new Error(`dashboard exited ${code}`);
  }
  const sample: Sample = { ms, rssMiB: process.resourceUsage().maxRSS / 1024, heapMiB: process.memoryUsage().heapUsed / 2 ** 20 };
  writeFileSync(resultFile, JSON.stringify(sample));
}

// ---------------------------------------------------------------------------------------------
// Parent

/** One measurement in a fresh process; a string says why it failed (the data did not load). */
function measure(mode: Mode, dataDir: string, cacheHome: string, work: string): Sample | string {
  const resultFile = join(work, `result-${mode}.json`);
  rmSync(resultFile, { force: true });
  const r = spawnSync(process.execPath, [SELF, '--child', mode, dataDir, join(cacheHome, 'nk20x10'), resultFile], {
    env: { ...process.env, NODE_ENV: 'production', XDG_CACHE_HOME: cacheHome, COLUMNS: '160', LINES: '48' },
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  if (r.status !== 0) {
    const why = `${r.stderr}${r.stdout}`.split('\n').find((l) => /error|\(yaml\)|limit/i.test(l)) ?? `exit ${r.status}`;
    return `FAILED: ${why.trim().slice(0, 160)}`;
  }
  return JSON.parse(readFileSync(resultFile, 'utf8')) as Sample;
}

function best(mode: Mode, runs: number, dataDir: string, cacheHome: string, work: string): Sample | string {
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    const s = measure(mode, dataDir, cacheHome, work);
    if (typeof s === 'string') return s;
    samples.push(s);
  }
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
  return { ms, rssMiB: Math.max(...samples.map((s) => s.rssMiB)), heapMiB: Math.max(...samples.map((s) => s.heapMiB)) };
}

function dirStats(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const sub = dirStats(path);
      files += sub.files;
      bytes += sub.bytes;
    } else if (/\.ya?ml$/.test(entry.name)) {
      files++;
      bytes += statSync(path).size;
    }
  }
  return { files, bytes };
}

const fmt = (s: Sample | string) => (typeof s === 'string' ? s : `${s.ms.toFixed(0).padStart(6)} ms   peak RSS ${s.rssMiB.toFixed(0).padStart(4)} MiB`);
const goal = (s: Sample | string) =>
  typeof s === 'string' ? 'NOT met (did not load)' : s.ms < GOAL_MS && s.rssMiB < GOAL_MIB ? 'met' : `NOT met${s.ms >= GOAL_MS ? ' (time)' : ''}${s.rssMiB >= GOAL_MIB ? ' (memory)' : ''}`;

async function main(argv: string[]): Promise<void> {
  const only = argv.includes('--scale') ? Number(argv[argv.indexOf('--scale') + 1]) : undefined;
  const scales = SCALES.filter((s) => only === undefined || s === only);
  const keep = argv.includes('--keep');
  const work = mkdtempSync(join(tmpdir(), 'nk20x10-scale-bench-'));
  try {
    console.log(`scale: synthetic datasets (scripts/gen-large.ts); each measurement in its own process; load call timed, peak RSS of the whole process`);
    console.log(`  goal for 100×: load < ${GOAL_MS} ms and peak RSS < ${GOAL_MIB} MiB    (node ${process.version}, ${PACKAGE_ROOT})`);
    for (const scale of scales as Scale[]) {
      const dataDir = join(work, `${scale}x`);
      const t = performance.now();
      const g = generateLarge({ scale, outDir: dataDir });
      const { files, bytes } = dirStats(dataDir);
      const c = g.counts;
      console.log(`\n${scale}×: ${files} YAML files, ${(bytes / 2 ** 20).toFixed(1)} MiB (${bytes.toLocaleString('en')} bytes), generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      console.log(`  ${c.sites} sites, ${c.sources} sources, ${c.milestones} milestones, ${c.facilities} facilities, ${c.observations} observations, ${c.prices} prices, ${c.quotes} quotes`);
      const runs = scale === 100 ? 1 : 3;
      const cacheHome = join(work, `cache-${scale}`);
      const cold = best('cold', runs, dataDir, cacheHome, work);
      const parse = best('parse', runs, dataDir, cacheHome, work);
      const miss = measure('cached', dataDir, cacheHome, work);
      const warm = best('cached', 3, dataDir, cacheHome, work);
      const dash = best('dashboard', 3, dataDir, cacheHome, work);
      const cacheBytes = typeof miss === 'string' ? 0 : readdirSync(join(cacheHome, 'nk20x10')).reduce((n, f) => n + statSync(join(cacheHome, 'nk20x10', f)).size, 0);
      const mark = (s: Sample | string) => (scale === 100 ? `   goal: ${goal(s)}` : '');
      console.log(`  validate path, loadDataset (no cache)        ${fmt(cold)}${mark(cold)}`);
      console.log(`    YAML parsing alone (readYamlFile)          ${fmt(parse)}   (a separate process: compare with the line above)`);
      console.log(`  dashboard path, cache miss (load + write)    ${fmt(miss)}${cacheBytes ? `   cache file ${(cacheBytes / 2 ** 20).toFixed(1)} MiB` : ''}`);
      console.log(`  dashboard path, loadDatasetCached (warm)     ${fmt(warm)}${mark(warm)}`);
      console.log(`  dashboard process, one frame (warm cache)    ${fmt(dash)}   (load, atlas, first frame)`);
    }
    console.log(`\n  medians of ${scales.includes(10) ? '3 runs (10×), ' : ''}1 run (100× uncached), 3 runs (cached, dashboard); peak RSS is the largest seen`);
  } finally {
    if (keep) console.log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  const [, , , mode, dataDir, cache, resultFile] = process.argv;
  await child(mode as Mode, dataDir!, cache!, resultFile!);
} else {
  await main(process.argv.slice(2));
}
