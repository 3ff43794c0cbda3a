/**
 * The commands on the synthetic 10× dataset (scripts/gen-large.ts): every registry county is a
 * site, with thousands of observations, 5,000 prices and 2,000 quotes. No timing assertions: the
 * numbers are in bench/scale.bench.ts.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { generateLarge, type GenerateResult } from '../../scripts/gen-large.js';
import { loadRegistry } from '../../src/registry/load-registry.js';
import { DEFAULT_GEO_DIR, PACKAGE_ROOT } from '../../src/paths.js';
import { cli } from '../helpers/cli.js';
import { scratchDir } from '../helpers/scratch.js';

const scratch = scratchDir('nk-scale-');
const dataDir = join(scratch, 'data');
const generated: GenerateResult = generateLarge({ scale: 10, outDir: dataDir });
const AS_OF = ['--as-of', '2034-12-31'];
// The synthetic data runs to 2034; an as-of date after today is refused, so "today" is pinned there.
process.env.NK20X10_TODAY = '2034-12-31';

/** The dashboard off a TTY: one frame, in its own process (started first; it runs beside the in-process tests). */
const dashboard = new Promise<{ code: number | null; out: string; err: string }>((resolve, reject) => {
  const child = spawn(process.execPath, [join(PACKAGE_ROOT, 'bin', 'nk20x10.js'), '--data', dataDir, ...AS_OF], {
    env: { ...process.env, COLUMNS: '160', LINES: '48', XDG_CACHE_HOME: join(scratch, 'cache') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (t: string) => void (out += t));
  child.stderr.setEncoding('utf8').on('data', (t: string) => void (err += t));
  child.on('error', reject);
  child.on('close', (code) => resolve({ code, out, err }));
});

test('the generator covers every registry county with a synthetic site, deterministically marked as synthetic', () => {
  const registry = loadRegistry(DEFAULT_GEO_DIR);
  const files = readdirSync(join(dataDir, 'counties'));
  assert.equal(files.length, registry.counties.length);
  assert.equal(generated.counts.sites, registry.counties.length);
  const counties = new Set<string>();
  for (const f of files) {
    const text = readFileSync(join(dataDir, 'counties', f), 'utf8');
    assert.match(text, /^# SYNTHETIC TEST DATA/, f);
    const county = /^county: (\S+)$/m.exec(text)?.[1];
    assert.ok(county && registry.byId.has(county), `${f}: ${county}`);
    counties.add(county);
  }
  assert.equal(counties.size, registry.counties.length, 'one site per registry county');
  assert.match(readFileSync(join(dataDir, 'sources.yaml'), 'utf8'), /outlet: Synthetic Outlet \d+/);
  assert.equal(generated.counts.prices, 5000);
  assert.equal(generated.counts.quotes, 2000);
  assert.ok(generated.counts.observations >= 1000);
  // Same seed, same bytes.
  const again = join(scratch, 'again');
  generateLarge({ scale: 10, outDir: again });
  const sample = `${generated.sampleSiteIds[1]!}.yaml`;
  assert.equal(readFileSync(join(again, 'counties', sample), 'utf8'), readFileSync(join(dataDir, 'counties', sample), 'utf8'));
  assert.equal(readFileSync(join(again, 'sources.yaml'), 'utf8'), readFileSync(join(dataDir, 'sources.yaml'), 'utf8'));
});

test('validate passes with the summary counts', async () => {
  const r = await cli('validate', '--data', dataDir);
  assert.equal(r.err, '');
  assert.equal(r.code, 0);
  const c = generated.counts;
  assert.match(r.out, new RegExp(`^ok: ${c.sites} sites \\(2024: \\d+, .*2033: \\d+\\), ${c.milestones} milestones, ${c.facilities} facilities, \\d+ status statements, `));
  assert.match(r.out, new RegExp(`, ${c.prices} prices, ${c.quotes} quotes, ${c.sources} sources, 197 registry counties in 13 first-level units\\n$`));
  const statements = Number(/(\d+) status statements/.exec(r.out)?.[1]);
  assert.ok(statements >= c.observations, `${statements} status statements include the ${c.observations} observations`);
});

test('list --format json returns every site', async () => {
  const r = await cli('list', '--format', 'json', '--role', 'all', '--data', dataDir, ...AS_OF);
  assert.equal(r.code, 0, r.err);
  const rows = JSON.parse(r.out) as { id: string; year: number; status: string }[];
  assert.ok(rows.length >= 197, `${rows.length} rows`);
  assert.equal(new Set(rows.map((row) => row.id)).size, rows.length, 'ids are unique');
  for (const id of generated.sampleSiteIds) assert.ok(rows.some((row) => row.id === id), id);
  assert.ok(rows.every((row) => row.year >= 2024 && row.year <= 2033));
});

test('show prints one synthetic site', async () => {
  const id = generated.sampleSiteIds[2]!;
  const r = await cli('show', id, '--data', dataDir, ...AS_OF);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Synthetic Outlet \d+/);
  assert.match(r.out, /\(synthetic\)/);
});

test('export writes an SVG of a synthetic county', async () => {
  const out = join(scratch, 'x.svg');
  const r = await cli('export', '--view', `county:${generated.sampleSiteIds[0]!}`, '--format', 'svg', '-o', out, '--data', dataDir, ...AS_OF);
  assert.equal(r.code, 0, r.err);
  assert.ok(existsSync(out));
  assert.match(readFileSync(out, 'utf8'), /^<\?xml|^<svg/);
});

test('the dashboard off a TTY prints one frame with the header and exits 0', async () => {
  const r = await dashboard;
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /nk20x10 +Regional Development 20×10/);
  assert.match(r.out, /Inaugurated \d+ of 200/);
});
