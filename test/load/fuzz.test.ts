/**
 * Fuzzing the loaders: thousands of mutated data files (fuzz-mutations.ts), each loaded with
 * loadDataset, must end in a Dataset or a DataError whose every error is located — never another
 * exception, an unlocated error, a slow load or a hang. A few dozen more go through the real CLI.
 *
 * Runs in worker threads (this same file, see the bottom): two share the cores, and a main
 * thread watchdog turns a hang into a failure that names the mutant instead of a stuck test run.
 * Each worker copies the data once and, per mutant, swaps ONE path and puts the original back.
 * The copy keeps policy.yaml, six county files (every section of the format, every program year
 * and role) and the sources they and the registry cite: loadDataset's cost is mostly fixed (the
 * registry, sources.yaml, policy.yaml), and all 63 county files would double the time per mutant
 * without adding a case. The CLI mutants run on a full copy.
 *
 * Replay: NK20X10_FUZZ_SEED=<seed> NK20X10_FUZZ_ONLY=<index>[,<index>…] node --test dist/test/load/fuzz.test.js
 * Another seed explores other mutants (the default is fixed, so CI runs are reproducible), and
 * NK20X10_FUZZ_SCALE=<factor> makes more of every kind.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  constants,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { test } from 'node:test';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { loadDataset } from '../../src/load/dataset.js';
import { DataError, type LocatedError } from '../../src/load/errors.js';
import {
  MAX_ALIASES,
  MAX_DEPTH,
  MAX_ENTRIES,
  MAX_FILE_BYTES,
  MAX_REPORTED,
  MAX_SCALAR_CHARS,
  MAX_TOKENS,
  parseYamlText,
  readYamlFile,
} from '../../src/load/yaml-file.js';
import { collectSourceRefs } from '../../src/load/source-refs.js';
import { DEFAULT_GEO_DIR } from '../../src/paths.js';
import { loadRegistry } from '../../src/registry/load-registry.js';
import { cli, copyOfData } from '../helpers/cli.js';
import { scratchDir } from '../helpers/scratch.js';
import { KIND_COUNTS, KINDS, makeMutant, schedule, type Corpus, type Kind, type Mutant } from './fuzz-mutations.js';

const SEED = parseSeed(process.env.NK20X10_FUZZ_SEED) ?? 0x20102024;
const ONLY = process.env.NK20X10_FUZZ_ONLY?.split(',').map((s) => Number(s.trim()));
/** More (or fewer) mutants of every kind, for a longer soak: NK20X10_FUZZ_SCALE=10. */
const SCALE = Number(process.env.NK20X10_FUZZ_SCALE ?? 1);
const COUNTS = Object.fromEntries(KINDS.map((k) => [k, Math.max(1, Math.round(KIND_COUNTS[k] * SCALE))])) as Record<Kind, number>;
/**
 * Per mutant, measured around loadDataset (or the CLI run) only. Not a speed goal (speed lives in
 * `npm run bench`): a load normally takes well under a second, so only a pathological case (a
 * quadratic parse, a runaway alias) gets near this, while a busy machine (2 cores, load 12 seen
 * with 2–7 s loads) does not.
 */
const MUTANT_LIMIT_MS = 15_000;
/** A mutant still running after this long is a hang: its worker is stopped and the test fails. */
const HANG_MS = 30_000;
const CLI_MUTANTS = 30;
const FUZZ_COUNTIES = ['kimhyongjik', 'kimhwa', 'unsan-paper-mill', 'sinpho', 'hwapyong', 'pyongwon'];

function parseSeed(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const n = Number(text.trim());
  if (!Number.isFinite(n)) throw new Error(`NK20X10_FUZZ_SEED must be a number, not ${text}`);
  return n >>> 0;
}

// --- What workers report ---------------------------------------------------------------------

type Outcome = 'loaded' | 'rejected' | 'skipped' | 'exit-0' | 'exit-1';
type Failure = 'crash' | 'unlocated' | 'unexpected' | 'slow' | 'hang' | 'worker-died' | 'bad-cli-output';

interface Report {
  role: Job['role'];
  index: number;
  kind: Kind;
  target: string;
  note: string;
  outcome?: Outcome;
  failure?: Failure;
  detail?: string;
  ms: number;
}

type Message = { type: 'start'; index: number; kind: Kind; target: string; note: string; fifo?: string } | { type: 'done'; report: Report };

interface Job {
  role: 'load' | 'cli';
  seed: number;
  counts: Record<Kind, number>;
  dataDir: string;
  indices: number[];
  chmodBlocksReads: boolean;
  canMakeFifo: boolean;
}

// --- Applying a mutant ---------------------------------------------------------------------

/** Replaces the mutant's target in `dataDir`; returns the function that restores it. */
function apply(dataDir: string, m: Mutant): () => void {
  const path = join(dataDir, m.target);
  const c = m.content;
  if ('chmod' in c) {
    const mode = statSync(path).mode & 0o7777;
    chmodSync(path, c.chmod);
    return () => chmodSync(path, mode);
  }
  const backup = `${path}.fuzz-orig`;
  const existed = exists(path);
  if (existed) renameSync(path, backup);
  if ('bytes' in c) writeFileSync(path, c.bytes);
  else if (c.special === 'directory') mkdirSync(path);
  else if (c.special === 'fifo') execFileSync('mkfifo', [path]);
  else if (c.special === 'device') symlinkSync('/dev/zero', path);
  else if (c.special === 'dangling-symlink') symlinkSync(join(dataDir, 'no-such-file.yaml'), path);
  else if (c.special === 'symlink-loop') symlinkSync(path, path);
  return () => {
    rmSync(path, { recursive: true, force: true });
    if (existed) renameSync(backup, path);
  };
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The files of a data directory that mutants replace, relative path → bytes. */
function readCorpus(dataDir: string): Corpus {
  const files = new Map<string, Buffer>();
  for (const name of ['sources.yaml', 'policy.yaml']) files.set(name, readFileSync(join(dataDir, name)));
  const counties = readdirSync(join(dataDir, 'counties'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => `counties/${f}`);
  for (const c of counties) files.set(c, readFileSync(join(dataDir, c)));
  return { files, counties, maxFileBytes: MAX_FILE_BYTES };
}

/** Number of lines in a file's bytes, counting CRLF, CR and LF breaks. */
function lineCount(bytes: Uint8Array): number {
  let n = 1;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) n++;
    else if (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a) n++;
  }
  return n;
}

/** Problems with one located error, or undefined when it is well formed. */
function badError(e: LocatedError, dataDir: string, lines: (file: string) => number | undefined): string | undefined {
  if (typeof e.file !== 'string' || e.file === '') return 'no file';
  // Data files, or the registry's own files (geo/variants.yaml cites sources.yaml).
  const abs = resolve(dataDir, e.file);
  if (![dataDir, DEFAULT_GEO_DIR].some((d) => abs === d || abs.startsWith(d + sep))) return `file ${e.file} is not a data or registry file`;
  if (!Number.isInteger(e.line) || e.line < 1) return `line ${e.line}`;
  if (!Number.isInteger(e.col) || e.col < 1) return `col ${e.col}`;
  if (typeof e.field !== 'string' || e.field.trim() === '') return 'empty field';
  if (typeof e.message !== 'string' || e.message.trim() === '') return 'empty message';
  const max = lines(e.file);
  if (max !== undefined && e.line > max) return `line ${e.line} is past the end of the file (${max} lines)`;
  return undefined;
}

const clip = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);
const describe = (e: LocatedError) => clip(`${e.file}:${e.line}:${e.col} ${e.field}: ${e.message}`, 200);

// --- The worker: runs mutants and reports each ---------------------------------------------

async function runWorker(job: Job): Promise<void> {
  const port = parentPort!;
  const corpus = readCorpus(job.dataDir);
  const kinds = schedule(job.seed, job.counts);
  const cliKinds = KINDS.filter((k) => k !== 'oversized' && k !== 'huge-string' && k !== 'wide' && k !== 'unreadable');
  for (const index of job.indices) {
    const kind = job.role === 'load' ? kinds[index]! : cliKinds[index % cliKinds.length]!;
    const m = makeMutant(job.seed, job.role === 'load' ? index : 1_000_000 + index, kind, corpus);
    const base = { role: job.role, index, kind, target: m.target, note: m.note };
    const skip =
      'chmod' in m.content && !job.chmodBlocksReads
        ? SKIP_CHMOD
        : 'special' in m.content && m.content.special === 'fifo' && !job.canMakeFifo
          ? SKIP_FIFO
          : undefined;
    if (skip) {
      port.postMessage({ type: 'done', report: { ...base, outcome: 'skipped', detail: skip, ms: 0 } } satisfies Message);
      continue;
    }
    const restore = apply(job.dataDir, m);
    const fifo = 'special' in m.content && m.content.special === 'fifo' ? join(job.dataDir, m.target) : undefined;
    port.postMessage({ type: 'start', ...base, ...(fifo ? { fifo } : {}) } satisfies Message);
    let report: Report;
    try {
      report = job.role === 'load' ? runLoad(job, m, corpus) : await runCli(job, m);
    } finally {
      restore();
    }
    port.postMessage({ type: 'done', report: { ...base, ...report } } satisfies Message);
  }
}

function runLoad(job: Job, m: Mutant, corpus: Corpus): Report {
  const base = { role: 'load' as const, index: m.index, kind: m.kind, target: m.target, note: m.note };
  const mutated = 'bytes' in m.content ? m.content.bytes : undefined;
  const counted = new Map<string, number | undefined>();
  const lines = (file: string) => {
    if (!counted.has(file)) {
      const bytes = file === m.target ? mutated : corpus.files.get(file);
      counted.set(file, bytes ? lineCount(bytes) : undefined);
    }
    return counted.get(file);
  };
  const start = performance.now();
  let errors: LocatedError[] | undefined;
  try {
    loadDataset({ dataDir: job.dataDir, geoDir: DEFAULT_GEO_DIR, displayBase: job.dataDir });
  } catch (err) {
    const ms = performance.now() - start;
    if (!(err instanceof DataError)) {
      const e = err as Error;
      const stack = (e?.stack ?? '').split('\n').slice(1, 6).join(' | ');
      return { ...base, failure: 'crash', detail: clip(`${e?.name ?? typeof err}: ${e?.message ?? String(err)} at ${stack}`, 800), ms };
    }
    errors = err.errors;
  }
  const ms = performance.now() - start;
  if (errors) {
    if (errors.length === 0) return { ...base, failure: 'unlocated', detail: 'DataError without errors', ms };
    for (const e of errors) {
      const bad = badError(e, job.dataDir, lines);
      if (bad) return { ...base, failure: 'unlocated', detail: `${bad}: ${describe(e)}`, ms };
    }
  }
  if (m.expect) {
    const inTarget = (errors ?? []).filter((e) => e.file === m.target.split('/').join(sep));
    const hit = inTarget.find((e) => (!m.expect!.message || m.expect!.message.test(e.message)) && (m.expect!.line === undefined || e.line === m.expect!.line));
    if (!hit) {
      const want = `an error in ${m.target}${m.expect.message ? ` matching ${m.expect.message}` : ''}${m.expect.line ? ` at line ${m.expect.line}` : ''}`;
      const got = errors ? errors.slice(0, 3).map(describe).join(' / ') : 'the dataset loaded';
      return { ...base, failure: 'unexpected', detail: `expected ${want}; got ${got}`, ms };
    }
  }
  if (ms > MUTANT_LIMIT_MS) return { ...base, failure: 'slow', detail: `${ms.toFixed(0)} ms (limit ${MUTANT_LIMIT_MS} ms)`, ms };
  return { ...base, outcome: errors ? 'rejected' : 'loaded', ms };
}

// `s`: a message may hold U+2028, which `.` would not match (the CLI prints it as it is).
const CLI_LINE = /^(.+):(\d+):(\d+) (.+?): (.+)$/s;

async function runCli(job: Job, m: Mutant): Promise<Report> {
  const base = { role: 'cli' as const, index: m.index, kind: m.kind, target: m.target, note: m.note };
  const start = performance.now();
  let r: { code: number; out: string; err: string };
  try {
    r = await cli('validate', '--data', job.dataDir);
  } catch (err) {
    const e = err as Error;
    return { ...base, failure: 'crash', detail: clip(`${e?.name}: ${e?.message} at ${(e?.stack ?? '').split('\n').slice(1, 5).join(' | ')}`, 800), ms: performance.now() - start };
  }
  const ms = performance.now() - start;
  const bad = (detail: string): Report => ({ ...base, failure: 'bad-cli-output', detail: clip(detail, 600), ms });
  if (r.code === 0) return r.out.startsWith('ok: ') && r.err === '' ? { ...base, outcome: 'exit-0', ms } : bad(`exit 0 but stdout ${JSON.stringify(r.out.slice(0, 100))}`);
  if (r.code !== 1) return bad(`exit code ${r.code}; stderr ${JSON.stringify(r.err.slice(0, 200))}`);
  if (r.out !== '') return bad(`exit 1 with stdout ${JSON.stringify(r.out.slice(0, 100))}`);
  if (/[\u001b\u009b\r]/.test(r.err)) return bad('stderr contains an escape character or a carriage return');
  const lines = r.err.replace(/\n$/, '').split('\n');
  const total = lines.pop() ?? '';
  const count = /^(\d+) errors?$/.exec(total);
  if (!count || Number(count[1]) !== lines.length || lines.length === 0) return bad(`last line ${JSON.stringify(total)} after ${lines.length} error lines`);
  for (const line of lines) {
    const p = CLI_LINE.exec(line);
    if (!p || Number(p[2]) < 1 || Number(p[3]) < 1) return bad(`not FILE:LINE:COL field: message: ${JSON.stringify(line.slice(0, 200))}`);
    const abs = resolve(p[1]!);
    if (![job.dataDir, DEFAULT_GEO_DIR].some((d) => abs === d || abs.startsWith(d + sep))) return bad(`error in ${p[1]}, not a data or registry file`);
  }
  if (ms > MUTANT_LIMIT_MS) return { ...base, failure: 'slow', detail: `${ms.toFixed(0)} ms (limit ${MUTANT_LIMIT_MS} ms)`, ms };
  return { ...base, outcome: 'exit-1', ms };
}

// --- The main thread: workers, watchdog, verdict -------------------------------------------

/** Runs jobs in workers; resolves with every report, hangs and dead workers included. */
async function runJobs(jobs: Job[]): Promise<Report[]> {
  const reports: Report[] = [];
  await Promise.all(
    jobs.map(
      (job) =>
        new Promise<void>((done) => {
          const worker = new Worker(new URL(import.meta.url), {
            workerData: job,
            // Close to the main thread's stack (V8's default is under 1 MB), so a deep recursion
            // that would overflow in the CLI also overflows here; a heap cap turns a memory
            // blow-up into a reported failure instead of a dead test process.
            resourceLimits: { stackSizeMb: 1, maxOldGenerationSizeMb: 2048 },
          });
          let current: (Extract<Message, { type: 'start' }> & { since: number }) | undefined;
          let finished = false;
          const finish = (failure?: Report) => {
            if (finished) return;
            finished = true;
            clearInterval(watchdog);
            if (failure) reports.push(failure);
            done();
          };
          const watchdog = setInterval(() => {
            if (!current || performance.now() - current.since < HANG_MS) return;
            const hung = current;
            // A reader blocked opening a FIFO cannot be terminated; a writer lets it go.
            if (hung.fifo) {
              try {
                closeSync(openSync(hung.fifo, constants.O_WRONLY | constants.O_NONBLOCK));
              } catch {
                // nobody is reading it after all
              }
            }
            void worker.terminate();
            finish({ role: job.role, index: hung.index, kind: hung.kind, target: hung.target, note: hung.note, failure: 'hang', detail: `still running after ${HANG_MS} ms; worker stopped`, ms: HANG_MS });
          }, 250);
          worker.on('message', (msg: Message) => {
            if (msg.type === 'start') current = { ...msg, since: performance.now() };
            else {
              current = undefined;
              reports.push(msg.report);
            }
          });
          worker.on('error', (err) => {
            const c = current;
            finish({
              role: job.role,
              index: c?.index ?? -1,
              kind: c?.kind ?? 'truncation',
              target: c?.target ?? '?',
              note: c?.note ?? 'between mutants',
              failure: 'worker-died',
              detail: clip(`${err.name}: ${err.message}`, 600),
              ms: 0,
            });
          });
          worker.on('exit', () => finish());
        }),
    ),
  );
  return reports;
}

/**
 * A copy of the bundled data with only FUZZ_COUNTIES left in counties/ and only the sources
 * that something left cites in sources.yaml (the entries kept verbatim). A third less to parse
 * for every mutant; when the trimmed copy does not load (the format changed), the full file.
 */
function fuzzDataDir(): string {
  const dir = copyOfData();
  const present = readdirSync(join(dir, 'counties')).filter((f) => f.endsWith('.yaml'));
  const keep = new Set(FUZZ_COUNTIES.map((c) => `${c}.yaml`).filter((f) => present.includes(f)));
  for (const f of present.sort()) if (keep.size < FUZZ_COUNTIES.length && !keep.has(f)) keep.add(f);
  for (const f of present) if (!keep.has(f)) rmSync(join(dir, 'counties', f));

  const cited = new Set(loadRegistry(DEFAULT_GEO_DIR).sourceRefs.map((r) => r.id));
  for (const f of ['policy.yaml', ...[...keep].map((c) => `counties/${c}`)]) {
    const r = readYamlFile(join(dir, f));
    if (r.ok) for (const ref of collectSourceRefs(r.value.data)) cited.add(ref.id);
  }
  const sources = join(dir, 'sources.yaml');
  const full = readFileSync(sources, 'utf8');
  const [head = '', ...entries] = full.split(/\n(?= {2}- id: )/);
  writeFileSync(sources, [head, ...entries.filter((e) => cited.has(/^ {2}- id: (\S+)/.exec(e)?.[1] ?? ''))].join('\n'));
  try {
    loadDataset({ dataDir: dir, geoDir: DEFAULT_GEO_DIR });
  } catch {
    writeFileSync(sources, full);
  }
  return dir;
}

const SKIP_CHMOD = 'chmod 000 does not stop reads for this user, e.g. root';
const SKIP_FIFO = 'mkfifo is not available';

function canMakeFifo(): boolean {
  try {
    execFileSync('mkfifo', [join(scratchDir('nk20x10-fifo-'), 'probe')], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Whether chmod 000 stops this process reading a file (not as root or with CAP_DAC_OVERRIDE). */
function chmodBlocksReads(): boolean {
  const file = join(scratchDir('nk20x10-chmod-'), 'probe');
  writeFileSync(file, 'x');
  chmodSync(file, 0o000);
  try {
    readFileSync(file);
    return false;
  } catch {
    return true;
  } finally {
    chmodSync(file, 0o600);
  }
}

function replay(r: Report): string {
  return `NK20X10_FUZZ_SEED=${SEED}${SCALE !== 1 ? ` NK20X10_FUZZ_SCALE=${SCALE}` : ''} NK20X10_FUZZ_ONLY=${r.index}`;
}

function formatFailures(failures: Report[], role: string): string {
  return failures
    .slice(0, 25)
    .map((r) => `  [${r.failure}] seed ${SEED} ${role} mutant ${r.index} (${r.kind}, ${r.target}: ${r.note}): ${r.detail ?? ''}${role === 'load' ? `\n    replay: ${replay(r)} node --test dist/test/load/fuzz.test.js` : ''}`)
    .join('\n');
}

if (isMainThread) {
  test('fuzz: every mutated data file loads or is rejected with located errors, in time', { timeout: 600_000 }, async () => {
    const started = performance.now();
    const kinds = schedule(SEED, COUNTS);
    const indices = ONLY ?? kinds.map((_, i) => i);
    assert.ok(indices.every((i) => Number.isInteger(i) && i >= 0 && i < kinds.length), `NK20X10_FUZZ_ONLY: indices are 0…${kinds.length - 1}`);
    const workers = ONLY ? 1 : Math.max(1, Math.min(2, availableParallelism()));
    const blocks = chmodBlocksReads();
    const fifos = canMakeFifo();

    const dirs = Array.from({ length: workers }, () => fuzzDataDir());
    // The unmutated copy is a valid dataset, so mutants that keep it valid load.
    loadDataset({ dataDir: dirs[0]!, geoDir: DEFAULT_GEO_DIR });
    const jobs: Job[] = dirs.map((dataDir, w) => ({
      role: 'load',
      seed: SEED,
      counts: COUNTS,
      dataDir,
      indices: indices.filter((_, k) => k % workers === w),
      chmodBlocksReads: blocks,
      canMakeFifo: fifos,
    }));
    // A few dozen through the real CLI, on a full copy of the data, alongside.
    if (!ONLY) {
      const cliIndices = Array.from({ length: CLI_MUTANTS }, (_, i) => i);
      jobs.push({ role: 'cli', seed: SEED, counts: COUNTS, dataDir: copyOfData(), indices: cliIndices, chmodBlocksReads: blocks, canMakeFifo: fifos });
    }
    const all = await runJobs(jobs);
    const reports = all.filter((r) => r.role === 'load');
    const cliReports = all.filter((r) => r.role === 'cli');
    if (process.env.NK20X10_FUZZ_REPORT) writeFileSync(process.env.NK20X10_FUZZ_REPORT, JSON.stringify(reports));

    const count = (rs: Report[], o: Outcome) => rs.filter((r) => r.outcome === o).length;
    const failures = reports.filter((r) => r.failure);
    const cliFailures = cliReports.filter((r) => r.failure);
    const byKind = KINDS.filter((k) => indices.some((i) => kinds[i] === k))
      .map((k) => `${k} ${indices.filter((i) => kinds[i] === k).length}`)
      .join(', ');
    const skipped = count(reports, 'skipped');
    const why = [...new Set(reports.filter((r) => r.outcome === 'skipped').map((r) => r.detail))].join('; ');
    const slowest = reports.reduce<Report | undefined>((a, r) => (!a || r.ms > a.ms ? r : a), undefined);
    const failed = (f: Failure) => failures.filter((r) => r.failure === f).length;
    console.log(
      `fuzz: seed ${SEED}, ${indices.length} mutants (${byKind}): ${count(reports, 'loaded')} loaded, ` +
        `${count(reports, 'rejected')} rejected with located errors, ` +
        `${skipped} skipped${skipped > 0 ? ` (${why})` : ''}; ` +
        `${failed('crash') + failed('worker-died')} crashes, ${failed('unlocated')} unlocated errors, ${failed('unexpected')} unexpected results, ` +
        `${failed('slow')} over ${MUTANT_LIMIT_MS} ms, ${failed('hang')} hangs; ` +
        `slowest ${slowest ? `${slowest.ms.toFixed(0)} ms (${slowest.kind}, mutant ${slowest.index})` : '-'}. ` +
        `CLI: ${cliReports.length} mutants, ${count(cliReports, 'exit-0')} exit 0, ${count(cliReports, 'exit-1')} exit 1 with FILE:LINE:COL lines, ${cliFailures.length} failures. ` +
        `${workers} + ${cliReports.length > 0 ? 1 : 0} workers, ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    // Every mutant reported exactly once (a hang or a dead worker loses the rest of its share).
    const seen = new Set(reports.filter((r) => r.failure !== 'hang' && r.failure !== 'worker-died').map((r) => r.index));
    const lost = failures.some((r) => r.failure === 'hang' || r.failure === 'worker-died') ? 0 : indices.filter((i) => !seen.has(i)).length;
    assert.equal(lost, 0, `${lost} mutants never reported`);
    assert.equal(
      failures.length + cliFailures.length,
      0,
      `${failures.length} of ${indices.length} mutants failed:\n${formatFailures(failures, 'load')}\n` +
        `${cliFailures.length} of ${cliReports.length} CLI mutants failed:\n${formatFailures(cliFailures, 'cli')}`,
    );
    if (!ONLY) {
      if (SCALE >= 1) assert.ok(indices.length >= 2000, `only ${indices.length} mutants`);
      assert.ok(cliReports.length === CLI_MUTANTS, `${cliReports.length} CLI mutants reported`);
    }
  });

  test('parser limits: each is a located error that names the limit', () => {
    const deep = (n: number) => `a: ${'['.repeat(n)}${']'.repeat(n)}\n`;
    const ok = parseYamlText('f.yaml', deep(MAX_DEPTH - 1));
    assert.ok(ok.ok, 'just under the depth limit parses');
    for (const [name, text, message, line] of [
      ['10,000 nested lists', deep(10_000), /nested deeper than 64 levels/, 1],
      ['10,000 nested mappings', `a: 1\nb: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`, /nested deeper than 64 levels/, 2],
      ['10,000 indented mappings', Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'), /nested deeper than 64 levels/, 65],
      ['billion laughs', ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 9 }, (_, i) => `${'bcdefghij'[i]}: &${'bcdefghij'[i]} [${Array(10).fill(`*${'abcdefghij'[i]}`).join(', ')}]`)].join('\n'), new RegExp(`limit is ${MAX_ALIASES} alias`), 2],
      ['self-reference', 'a: 1\nb: &s [x, *s]\n', /alias \*s makes the data contain itself/, 2],
      ['nesting through aliases', `a: &a ${'['.repeat(40)}x${']'.repeat(40)}\nb: ${'['.repeat(40)}*a${']'.repeat(40)}\n`, /alias \*a nests the data deeper than 64 levels/, 2],
      ['too many entries', `a: 1\nb: [${'x,'.repeat(MAX_ENTRIES)}]\n`, new RegExp(`more than ${MAX_ENTRIES} list items and mapping entries \\(the limit\\)`), 2],
      ['a long value', `a: 1\nb: "${'x'.repeat(MAX_SCALAR_CHARS)}"\n`, new RegExp(`a value ${MAX_SCALAR_CHARS + 2} characters long; the limit is ${MAX_SCALAR_CHARS}`), 2],
      ['a tag', 'a: 1\nb: !!binary aGVsbG8=\n', /YAML tags .*"!!binary" are not allowed/, 2],
      ['a custom tag', 'a: !foo x\n', /YAML tags .*"!foo" are not allowed/, 1],
      ['keys that collide as property names', 'a: 1\n1: x\n"1": y\n', /duplicate key "1": keys must be unique \(first at line 2\)/, 3],
      ['a list as a key', '? [a, b]\n: c\n', /a key must be plain text/, 1],
      ['two documents', 'a: 1\n---\nb: 2\n', /more than one YAML document/, 2],
    ] as const) {
      const r = parseYamlText('f.yaml', text);
      assert.ok(!r.ok, `${name}: refused`);
      assert.match(r.errors[0]!.message, message, name);
      assert.equal(r.errors[0]!.line, line, `${name}: line`);
      assert.equal(r.errors[0]!.field, '(yaml)', name);
    }
    // Two tokens a line (a comment and its newline): stopped about MAX_TOKENS / 2 lines in.
    const tokens = parseYamlText('f.yaml', `a: 1\n${'#\n'.repeat(MAX_TOKENS / 2)}`);
    assert.ok(!tokens.ok);
    assert.match(tokens.errors[0]!.message, new RegExp(`more than ${MAX_TOKENS} YAML tokens \\(the limit\\)`));
    assert.ok(Math.abs(tokens.errors[0]!.line - MAX_TOKENS / 2) < 10, `line ${tokens.errors[0]!.line}`);
  });

  test('a flood of YAML errors is cut short: the first are listed, the rest counted', () => {
    const r = parseYamlText('f.yaml', `a: 1\n${']'.repeat(200_000)}\n`);
    assert.ok(!r.ok);
    assert.equal(r.errors.length, MAX_REPORTED + 1);
    assert.match(r.errors[0]!.message, /Unexpected flow-seq-end/);
    assert.equal(r.errors[0]!.line, 2);
    assert.match(r.errors[MAX_REPORTED]!.message, new RegExp(`and ${200_000 - MAX_REPORTED} more YAML errors`));
    const keys = parseYamlText('f.yaml', 'a: 1\n'.repeat(1000));
    assert.ok(!keys.ok);
    assert.equal(keys.errors.length, MAX_REPORTED + 1);
    assert.match(keys.errors[MAX_REPORTED]!.message, new RegExp(`and ${999 - MAX_REPORTED} more YAML errors`));
  });

  test('file limits: oversized, special and unreadable files are located errors, never a hang', (t) => {
    const dir = scratchDir('nk20x10-limits-');
    const big = join(dir, 'big.yaml');
    writeFileSync(big, Buffer.alloc(MAX_FILE_BYTES + 1, 0x20));
    const over = readYamlFile(big);
    assert.ok(!over.ok);
    assert.match(over.errors[0]!.message, new RegExp(`file is ${MAX_FILE_BYTES + 1} bytes; the limit is ${MAX_FILE_BYTES}`));
    const atLimit = Buffer.alloc(MAX_FILE_BYTES, 0x63);
    Buffer.from('a: 1\n# ').copy(atLimit);
    atLimit[MAX_FILE_BYTES - 1] = 0x0a;
    writeFileSync(big, atLimit);
    assert.ok(readYamlFile(big).ok, 'a file of exactly the limit is read');
    rmSync(big);

    if (canMakeFifo()) {
      const fifo = join(dir, 'fifo.yaml');
      execFileSync('mkfifo', [fifo]);
      assert.match((readYamlFile(fifo) as { errors: LocatedError[] }).errors[0]!.message, /not a regular file \(a special file\)/);
    }
    const zero = join(dir, 'zero.yaml');
    symlinkSync('/dev/zero', zero);
    assert.match((readYamlFile(zero) as { errors: LocatedError[] }).errors[0]!.message, /not a regular file/);
    mkdirSync(join(dir, 'dir.yaml'));
    assert.match((readYamlFile(join(dir, 'dir.yaml')) as { errors: LocatedError[] }).errors[0]!.message, /not a regular file \(a directory\)/);

    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, Buffer.concat([Buffer.from('a: 1\nb: 김치 '), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('\n')]));
    const utf8 = readYamlFile(bad);
    assert.ok(!utf8.ok);
    assert.deepEqual({ ...utf8.errors[0]!, file: '' }, { file: '', line: 2, col: 7, field: '(file)', message: 'invalid UTF-8' });

    if (!chmodBlocksReads()) {
      t.skip(SKIP_CHMOD);
      return;
    }
    const locked = join(dir, 'locked.yaml');
    writeFileSync(locked, 'a: 1\n');
    chmodSync(locked, 0o000);
    assert.match((readYamlFile(locked) as { errors: LocatedError[] }).errors[0]!.message, /cannot read: EACCES/);
    chmodSync(locked, 0o600);
  });

  test('source references are found in deep and self-containing data without recursion', () => {
    let deep: unknown = { source: 'bottom' };
    for (let i = 0; i < 100_000; i++) deep = i % 2 ? [deep] : { next: deep };
    const refs = collectSourceRefs(deep);
    assert.equal(refs.length, 1);
    assert.equal(refs[0]!.id, 'bottom');
    assert.equal(refs[0]!.path.length, 100_001);

    const loop: Record<string, unknown> = { source: 'a', sources: ['b', 3, 'c'] };
    loop.self = loop;
    loop.list = [loop, { source: 'd' }];
    assert.deepEqual(
      collectSourceRefs(loop).map((r) => `${r.id}@${r.path.join('.')}`),
      ['a@source', 'b@sources.0', 'c@sources.2', 'd@list.1.source'],
    );
  });

  test('fuzz mutants are reproducible from the seed and index', () => {
    const dir = copyOfData();
    const corpus = readCorpus(dir);
    const kinds = schedule(SEED);
    for (const i of [0, 1, 77, kinds.length - 1]) {
      const a = makeMutant(SEED, i, kinds[i]!, corpus);
      const b = makeMutant(SEED, i, kinds[i]!, corpus);
      assert.deepEqual(a, b);
    }
    assert.notDeepEqual(schedule(SEED), schedule(SEED + 1));
  });
} else {
  await runWorker(workerData as Job);
}
