/**
 * Fuzzes the geo inputs as test/load/fuzz.test.ts fuzzes data/: seeded mutants of `--geo` layers
 * and of `geo import` inputs, each of which must end in success or a clear error, never a crash
 * (an uncaught exception, a stack trace, a TypeError's message) nor a hang.
 *
 *   GEO_IMPORT mutants: bytes of a boundary file → `nk20x10 geo import FILE --out … --format json`;
 *     exit 0 (and the written layer loads) or exit 1 with a one-line "geo import:" message.
 *   GEO_LAYER mutants: bytes of a counties TopoJSON → what `--geo FILE` does (read, check, prepare,
 *     rasterise 80×24); success, or an Error whose message is not an engine message.
 *
 * Mutant i of seed s is always the same bytes (mutantRng from fuzz-mutations.ts, mulberry32).
 * Replay: NK20X10_GEO_FUZZ_SEED=<seed> node --test dist/test/geo/geo-fuzz.test.js
 * Runs in one worker thread with a watchdog: a mutant running over HANG_MS stops the worker and fails.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { topology } from 'topojson-server';
import type { FeatureCollection } from 'geojson';
import { FIXTURE_DIR } from '../../scripts/geo-fixtures.js';
import { readDefaultLayer } from '../../src/geo/layer-file.js';
import { prepareLayer } from '../../src/map/prepared.js';
import { rasterCache } from '../../src/map/raster.js';
import { run } from '../../src/cli/main.js';
import { DEFAULT_GEO_DIR } from '../../src/paths.js';
import { Dice, mutantRng } from '../load/fuzz-mutations.js';

const SEED = Number(process.env.NK20X10_GEO_FUZZ_SEED ?? 20261130);
export const COUNTS = { import: 1100, layer: 1100 } as const;
const HANG_MS = 20_000;

type Role = keyof typeof COUNTS;
interface Base {
  name: string;
  bytes: Buffer;
}
interface Outcome {
  role: Role;
  index: number;
  kind: string;
  base: string;
  result: 'ok' | 'error' | 'crash';
  detail?: string;
}

// --- Mutations -----------------------------------------------------------------------------

const KINDS = ['truncate', 'byte-flip', 'invalid-utf8', 'wrong-type', 'delete', 'duplicate', 'deep-nesting', 'coordinate', 'hostile-key', 'huge-string', 'empty', 'swap-pairs'] as const;
type Kind = (typeof KINDS)[number];

const WRONG: unknown[] = [null, 0, -1, 1e308, -1e308, 1e9, '', 'x', [], {}, true, 'NaN', [[]], [[[]]], { type: 'Polygon' }, { type: 'Topology' }, -0.0, 2 ** 53, [1e9, 1e9]];

/** Every path to a node of a JSON value (arrays sampled so huge coordinate lists stay cheap). */
function paths(value: unknown, dice: Dice, limit = 4000): (string | number)[][] {
  const out: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (out.length >= limit) return;
    out.push(path);
    if (Array.isArray(v)) {
      const n = v.length;
      const picks = n <= 8 ? [...Array(n).keys()] : [0, n - 1, dice.int(n), dice.int(n), dice.int(n)];
      for (const i of picks) walk(v[i], [...path, i]);
    } else if (v && typeof v === 'object') {
      for (const k of Object.keys(v)) walk((v as Record<string, unknown>)[k], [...path, k]);
    }
  };
  walk(value, []);
  return out;
}

function setAt(root: unknown, path: (string | number)[], make: (old: unknown) => unknown): unknown {
  if (path.length === 0) return make(root);
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    node = node?.[key] as Record<string | number, unknown>;
    if (node === null || typeof node !== 'object') return root; // an earlier mutation replaced this branch
  }
  const last = path[path.length - 1]!;
  node[last] = make(node[last]);
  return root;
}

function deleteAt(root: unknown, path: (string | number)[]): unknown {
  if (path.length === 0) return {};
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    node = node?.[key] as Record<string | number, unknown>;
    if (node === null || typeof node !== 'object') return root;
  }
  const last = path[path.length - 1]!;
  if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
  else delete node[last];
  return root;
}

/** Mutant `index` of `seed` for one role: the same bytes every time. */
export function makeGeoMutant(seed: number, role: Role, index: number, bases: Base[]): { kind: Kind; base: string; bytes: Buffer } {
  const dice = new Dice(mutantRng(seed, (role === 'import' ? 0 : 5_000_000) + index));
  const kind = KINDS[index % KINDS.length]!;
  const base = bases[dice.int(bases.length)]!;
  const bytes = base.bytes;
  const viaJson = (mutate: (v: unknown, ps: (string | number)[][]) => unknown): Buffer => {
    let value: unknown;
    try {
      value = JSON.parse(bytes.toString('utf8'));
    } catch {
      return Buffer.from(bytes.subarray(0, dice.int(bytes.length)));
    }
    const out = mutate(value, paths(value, dice));
    return Buffer.from(JSON.stringify(out) ?? 'null');
  };
  switch (kind) {
    case 'truncate':
      return { kind, base: base.name, bytes: Buffer.from(bytes.subarray(0, dice.int(bytes.length))) };
    case 'byte-flip': {
      const b = Buffer.from(bytes);
      for (let k = dice.range(1, 6); k > 0; k--) b[dice.int(b.length)] = dice.int(256);
      return { kind, base: base.name, bytes: b };
    }
    case 'invalid-utf8': {
      const at = dice.int(bytes.length);
      return { kind, base: base.name, bytes: Buffer.concat([bytes.subarray(0, at), Buffer.from(dice.one([[0xc3], [0xff, 0xfe], [0xed, 0xa0, 0x80], [0xb1, 0xe8], [0x80]])), bytes.subarray(at)]) };
    }
    case 'wrong-type':
      return { kind, base: base.name, bytes: viaJson((v, ps) => { let out = v; for (let k = dice.range(1, 4); k > 0; k--) out = setAt(out, dice.one(ps), () => structuredClone(dice.one(WRONG))); return out; }) };
    case 'delete':
      return { kind, base: base.name, bytes: viaJson((v, ps) => deleteAt(v, dice.one(ps.filter((p) => p.length > 0).concat([[]])))) };
    case 'duplicate':
      return { kind, base: base.name, bytes: viaJson((v, ps) => { const arrays = ps.filter((p) => p.length > 0 && typeof p[p.length - 1] === 'number'); if (arrays.length === 0) return v; const p = dice.one(arrays); const parent = p.slice(0, -1); return setAt(v, parent, (arr) => (Array.isArray(arr) ? [...arr, ...Array.from({ length: dice.range(1, 60) }, () => structuredClone(arr[Number(p[p.length - 1])]))] : arr)); }) };
    case 'deep-nesting': {
      // Built as text: a 12,000-deep value would overflow a recursive walk here too.
      const depth = dice.range(100, 12_000);
      const marker = '"\u0000nest\u0000"';
      const text = viaJson((v, ps) => setAt(v, dice.one(ps), () => '\u0000nest\u0000')).toString('utf8');
      return { kind, base: base.name, bytes: Buffer.from(text.replace(marker, `${'['.repeat(depth)}0${']'.repeat(depth)}`)) };
    }
    case 'coordinate':
      return { kind, base: base.name, bytes: viaJson((v, ps) => { const nums = ps.filter((p) => typeof p[p.length - 1] === 'number'); let out = v; for (let k = dice.range(1, 5); k > 0 && nums.length > 0; k--) out = setAt(out, dice.one(nums), (old) => (typeof old === 'number' ? dice.one([old * 1e6, -old, old + 180, 1e9, -1e9, 0, old / 1e6, 91, 181, Number.MAX_VALUE]) : old)); return out; }) };
    case 'hostile-key':
      return { kind, base: base.name, bytes: viaJson((v, ps) => { const objs = ps.filter((p) => { let n: unknown = v; for (const k of p) n = (n as Record<string | number, unknown> | null)?.[k]; return n !== null && typeof n === 'object' && !Array.isArray(n); }); const p = dice.one(objs.length ? objs : [[]]); return setAt(v, p, (o) => { const key = dice.one(['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'counties', 'arcs']); const text = JSON.stringify(o ?? {}); return JSON.parse(text.replace(/^\{/, `{${JSON.stringify(key)}:${JSON.stringify(dice.one(WRONG))}${text === '{}' ? '' : ','}`)); }); }) };
    case 'huge-string':
      return { kind, base: base.name, bytes: viaJson((v, ps) => setAt(v, dice.one(ps), () => 'Ŭ\u202e\u001b]52;'.repeat(dice.range(1000, 200_000)))) };
    case 'empty':
      return { kind, base: base.name, bytes: Buffer.from(dice.one(['', ' ', 'null', '[]', '{}', '\ufeff', '{"type":"Topology"}', '{"type":"FeatureCollection"}', '{"type":"Topology","arcs":[],"objects":{"counties":{"type":"GeometryCollection","geometries":[]}}}'])) };
    case 'swap-pairs':
      return { kind, base: base.name, bytes: viaJson((v) => JSON.parse(JSON.stringify(v), (_k, x) => (Array.isArray(x) && x.length === 2 && x.every((n) => typeof n === 'number') && dice.chance(0.5) ? [x[1], x[0]] : x))) };
  }
}

// --- Judging one mutant ---------------------------------------------------------------------

/** Engine messages are not clear errors: they name code, not the file's problem. */
const UNCLEAR = /Cannot read prop|Cannot set prop|is not a function|is not iterable|is not defined|Maximum call stack|Invalid array length|undefined \(reading|\n\s+at /;

async function runImport(file: string, out: string): Promise<Omit<Outcome, 'role' | 'index' | 'kind' | 'base'>> {
  let stdout = '';
  let stderr = '';
  let code: number;
  try {
    code = await run(['geo', 'import', file, '--out', out, '--format', 'json', '--min-match', '1', '--force'], { out: (t) => void (stdout += t), err: (t) => void (stderr += t) });
  } catch (err) {
    return { result: 'crash', detail: `threw ${(err as Error).name}: ${(err as Error).message}`.slice(0, 300) };
  }
  if (code === 0) {
    try {
      readDefaultLayer(out);
    } catch (err) {
      return { result: 'crash', detail: `exit 0 but the written layer does not load: ${(err as Error).message}`.slice(0, 300) };
    }
    return { result: 'ok' };
  }
  if (code !== 1 || !/^nk20x10: geo import: /m.test(stderr) || UNCLEAR.test(stderr)) return { result: 'crash', detail: `exit ${code}: ${stderr.slice(0, 300)}` };
  if (stdout) {
    try {
      JSON.parse(stdout);
    } catch {
      return { result: 'crash', detail: 'the JSON report does not parse' };
    }
  }
  return { result: 'error', detail: stderr.slice(0, 120) };
}

function runLayer(file: string): Omit<Outcome, 'role' | 'index' | 'kind' | 'base'> {
  try {
    const prepared = prepareLayer(readDefaultLayer(file));
    rasterCache(prepared)(80, 24);
    return { result: 'ok' };
  } catch (err) {
    const e = err as Error;
    if (!(e instanceof Error) || e instanceof TypeError || e instanceof RangeError || UNCLEAR.test(e.message)) {
      return { result: 'crash', detail: `${e?.name}: ${String(e?.message).slice(0, 300)}` };
    }
    return { result: 'error', detail: e.message.slice(0, 120) };
  }
}

// --- Worker ---------------------------------------------------------------------------------

interface Job {
  seed: number;
  start: { import: number; layer: number };
  bases: { import: { name: string; bytes: number[] }[]; layer: { name: string; bytes: number[] }[] };
}

async function worker(job: Job): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'nk20x10-geofuzz-'));
  const bases = {
    import: job.bases.import.map((b) => ({ name: b.name, bytes: Buffer.from(b.bytes) })),
    layer: job.bases.layer.map((b) => ({ name: b.name, bytes: Buffer.from(b.bytes) })),
  };
  try {
    for (const role of ['import', 'layer'] as const) {
      for (let index = job.start[role]; index < COUNTS[role]; index++) {
        parentPort!.postMessage({ type: 'start', role, index, kind: KINDS[index % KINDS.length], base: '?' });
        const m = makeGeoMutant(job.seed, role, index, bases[role]);
        const file = join(dir, role === 'import' ? 'input.geojson' : 'layer.topo.json');
        const out = join(dir, 'out.topo.json');
        writeFileSync(file, m.bytes);
        rmSync(out, { force: true });
        const r = role === 'import' ? await runImport(file, out) : runLayer(file);
        parentPort!.postMessage({ type: 'done', outcome: { role, index, kind: m.kind, base: m.base, ...r } });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!isMainThread && (workerData as { geoFuzz?: Job })?.geoFuzz) {
  await worker((workerData as { geoFuzz: Job }).geoFuzz);
}

// --- Main thread ----------------------------------------------------------------------------

function baseFiles(): Job['bases'] {
  const fixture = (n: string) => readFileSync(join(FIXTURE_DIR, n));
  const gadm = JSON.parse(fixture('gadm-style.geojson').toString('utf8')) as FeatureCollection;
  const importBases: Base[] = [
    { name: 'gadm-style.geojson', bytes: fixture('gadm-style.geojson') },
    { name: 'feature-ids.geojson', bytes: fixture('feature-ids.geojson') },
    { name: 'bad-features.geojson', bytes: fixture('bad-features.geojson') },
    { name: 'euc-kr.geojson', bytes: fixture('euc-kr.geojson') },
    { name: 'gadm-style as TopoJSON', bytes: Buffer.from(JSON.stringify(topology({ adm2: gadm }))) },
  ];
  return {
    import: importBases.map((b) => ({ name: b.name, bytes: [...b.bytes] })),
    layer: [] as { name: string; bytes: number[] }[],
  };
}

if (isMainThread) {
  test(`geo fuzz: ${COUNTS.import} mutants of import inputs and ${COUNTS.layer} of --geo layers end in success or a clear error, never a crash or hang`, async () => {
    const bases = baseFiles();
    // --geo bases: a small layer written by `geo import`, and the bundled layer.
    const dir = mkdtempSync(join(tmpdir(), 'nk20x10-geofuzz-base-'));
    try {
      const small = join(dir, 'small.topo.json');
      const code = await run(['geo', 'import', join(FIXTURE_DIR, 'gadm-style.geojson'), '--out', small, '--min-match', '1'], { out: () => {}, err: () => {} });
      assert.equal(code, 0);
      assert.ok(existsSync(small));
      bases.layer.push({ name: 'imported 5-county layer', bytes: [...readFileSync(small)] });
      bases.layer.push({ name: 'small layer (again, weighted)', bytes: [...readFileSync(small)] });
      bases.layer.push({ name: 'geo/counties.topo.json', bytes: [...readFileSync(join(DEFAULT_GEO_DIR, 'counties.topo.json'))] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    const outcomes: Outcome[] = [];
    const start = { import: 0, layer: 0 };
    const hangs: string[] = [];
    while (start.import < COUNTS.import || start.layer < COUNTS.layer) {
      const before = outcomes.length;
      await new Promise<void>((done) => {
        const w = new Worker(new URL(import.meta.url), { workerData: { geoFuzz: { seed: SEED, start: { ...start }, bases } }, resourceLimits: { stackSizeMb: 1, maxOldGenerationSizeMb: 2048 } });
        let current: { role: Role; index: number; kind: string; base: string; since: number } | undefined;
        const watchdog = setInterval(() => {
          if (current && performance.now() - current.since > HANG_MS) {
            hangs.push(`${current.role} mutant ${current.index} (${current.kind} of ${current.base})`);
            outcomes.push({ role: current.role, index: current.index, kind: current.kind, base: current.base, result: 'crash', detail: `hang: over ${HANG_MS} ms` });
            start[current.role] = current.index + 1;
            if (current.role === 'layer') start.import = COUNTS.import;
            current = undefined;
            void w.terminate();
          }
        }, 250);
        w.on('message', (msg: { type: 'start'; role: Role; index: number; kind: string; base: string } | { type: 'done'; outcome: Outcome }) => {
          if (msg.type === 'start') current = { ...msg, since: performance.now() };
          else {
            outcomes.push(msg.outcome);
            start[msg.outcome.role] = msg.outcome.index + 1;
            if (msg.outcome.role === 'layer') start.import = COUNTS.import;
            current = undefined;
          }
        });
        w.on('error', (err) => {
          if (current) {
            outcomes.push({ ...current, result: 'crash', detail: `worker died: ${err.name}: ${err.message}`.slice(0, 300) });
            start[current.role] = current.index + 1;
            if (current.role === 'layer') start.import = COUNTS.import;
            current = undefined;
          }
        });
        w.on('exit', () => {
          clearInterval(watchdog);
          done();
        });
      });
      assert.ok(outcomes.length > before, `a fuzz worker stopped without running a mutant (next: import ${start.import}, layer ${start.layer})`);
    }
    const count = (role: Role, result: Outcome['result']) => outcomes.filter((o) => o.role === role && o.result === result).length;
    console.log(
      `geo fuzz: seed ${SEED}; import inputs: ${COUNTS.import} mutants, ${count('import', 'ok')} imported, ${count('import', 'error')} clear errors, ${count('import', 'crash')} crashes/hangs; ` +
        `--geo layers: ${COUNTS.layer} mutants, ${count('layer', 'ok')} loaded, ${count('layer', 'error')} clear errors, ${count('layer', 'crash')} crashes/hangs`,
    );
    const crashes = outcomes.filter((o) => o.result === 'crash');
    assert.equal(outcomes.length, COUNTS.import + COUNTS.layer);
    assert.deepEqual(crashes.map((c) => `${c.role} #${c.index} ${c.kind} of ${c.base}: ${c.detail}`).slice(0, 20), []);
    assert.deepEqual(hangs, []);
  });
}
