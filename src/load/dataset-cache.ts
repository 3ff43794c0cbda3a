/**
 * A cache of the validated model, so the dashboard, `list`, `show` and `export` start without
 * parsing YAML or running the schema checks (measured: bundled data ~1.4 s cold, ~25 ms cached).
 * `validate` never uses it.
 *
 * Never stale: the key is a SHA-256 over the code (every compiled file of the program), the
 * package version, the data and registry directories, and the name and content hash of every
 * input file — not sizes or times, so same-size edits within one second, or edits that keep the
 * mtime, are seen. If an input changes while the model is being built, the result is not stored.
 * Never harmful: an entry is used only if its checksum and its shape (checked field by field) are right; any
 * mismatch means a normal load. One entry per dataset (a later one replaces it). Files are made
 * with O_EXCL|O_NOFOLLOW, mode 0600, in a directory only the user can use (0700, owned by the
 * user, not a symlink); a cache directory that is relative or inside data/ or geo/ is refused
 * (the default is used, with a message). Any cache problem only costs start-up time.
 */
import { createHash } from 'node:crypto';
import { chmodSync, closeSync, constants as fsc, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isInside, resolvedTarget } from '../export/output-target.js';
import { addSitePlaces, countyPlaceIndex } from '../model/places.js';
import type { Dataset, Policy, PolicyFact, Site, Source } from '../model/types.js';
import { FACILITY_KINDS, MARKETS, MILESTONE_TYPES, ROLES, STANCES, STATUSES } from '../model/vocabulary.js';
import { PROVINCES } from '../registry/provinces.js';
import type { County, Registry } from '../registry/types.js';
import type { LoadOptions } from './dataset.js';

const FORMAT = 3;
/** Entries larger than this are not read (the 100× synthetic dataset's model is ~48 MB). */
const MAX_ENTRY_BYTES = 256 * 1024 * 1024;
/** Input files larger than this are not hashed (the YAML reader refuses files over 16 MB). */
const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export interface CachedLoadOptions extends LoadOptions {
  /** The package version (part of the key). */
  version: string;
  /** The cache directory; default from XDG_CACHE_HOME or ~/.cache (see cacheDir). */
  cache?: string;
  /** Receives a one-line message when the configured cache directory is refused. */
  onWarning?: (message: string) => void;
  /** Environment to read XDG_CACHE_HOME from; default process.env. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Where the cache lives: `$XDG_CACHE_HOME/nk20x10`, else `$HOME/.cache/nk20x10` (`explicit`
 * replaces XDG_CACHE_HOME/nk20x10 when given). A directory that is
 * relative, or inside one of `forbidden` (after resolving symlinks), is refused: the default is
 * used instead with a `warning`; `dir` is undefined when no acceptable directory exists.
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env, forbidden: readonly string[] = [], explicit?: string): { dir?: string; warning?: string } {
  // HOME as given (an empty HOME means no home, not the current directory), else the account's.
  const home = env.HOME !== undefined ? env.HOME : homedir();
  const fallback = home && isAbsolute(home) ? join(home, '.cache', 'nk20x10') : undefined;
  const configured = explicit ?? (env.XDG_CACHE_HOME ? join(env.XDG_CACHE_HOME, 'nk20x10') : undefined);
  const why = (dir: string | undefined): string | undefined => {
    if (dir === undefined) return 'no home directory';
    if (!isAbsolute(dir)) return 'it is a relative path';
    const real = resolvedTarget(dir, true);
    const inside = forbidden.find((f) => isInside(real, resolvedTarget(f, true)) || isInside(resolve(dir), resolve(f)));
    return inside ? `it is inside ${inside}` : undefined;
  };
  if (configured !== undefined) {
    const problem = why(configured);
    if (!problem) return { dir: configured };
    const fallbackProblem = why(fallback);
    const label = explicit !== undefined ? 'cache directory' : 'XDG_CACHE_HOME';
    if (fallbackProblem) return { warning: `not caching the model: ${label} ${configured} is refused (${problem}), and the default is unusable (${fallbackProblem})` };
    return { dir: fallback!, warning: `${label} ${configured} is refused (${problem}); using ${fallback}` };
  }
  const problem = why(fallback);
  return problem ? { warning: `not caching the model: the default cache directory is unusable (${problem})` } : { dir: fallback! };
}

/** The validated dataset, from the cache when neither the inputs nor the code have changed. */
export async function loadDatasetCached(options: CachedLoadOptions): Promise<Dataset> {
  const { loadDataset } = await import('./dataset.js');
  const fresh = () => loadDataset(stripped(options));
  const { dir, warning } = cacheDir(options.env ?? process.env, [options.dataDir, options.geoDir], options.cache);
  if (warning) options.onWarning?.(warning);
  const key = datasetKey(options);
  if (!dir || !key) return fresh();
  const file = join(dir, `model-${sha256(`${resolve(options.dataDir)}\0${resolve(options.geoDir)}`).slice(0, 24)}.json`);
  const hit = readEntry(file, key);
  if (hit) return hit;
  const dataset = fresh();
  // Stored only if the inputs are still what the key describes (an edit during the load is not cached).
  if (datasetKey(options) === key) writeEntry(dir, file, key, dataset);
  return dataset;
}

function stripped(options: CachedLoadOptions): LoadOptions {
  return { dataDir: options.dataDir, geoDir: options.geoDir, ...(options.displayBase !== undefined ? { displayBase: options.displayBase } : {}) };
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

let codeHash: string | undefined;
/** SHA-256 over every compiled file of the program (dist/src), so a rebuild never serves an old model. */
export function codeVersion(): string {
  if (codeHash) return codeHash;
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile() && /\.(js|ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) hash.update(`${relative(root, p)}\0`).update(readFileSync(p)).update('\0');
    }
  };
  walk(root);
  codeHash = hash.digest('hex');
  return codeHash;
}

/** The key of a dataset: code, version, directories, and every input file's name and content hash; '' if an input cannot be read. */
export function datasetKey(options: { dataDir: string; geoDir: string; version: string }): string {
  try {
    const hash = createHash('sha256').update(`${FORMAT}\0${codeVersion()}\0${options.version}\0${resolve(options.dataDir)}\0${resolve(options.geoDir)}\0`);
    const countiesDir = join(options.dataDir, 'counties');
    const files = [
      join(options.geoDir, 'counties.csv'),
      join(options.geoDir, 'variants.yaml'),
      join(options.dataDir, 'policy.yaml'),
      join(options.dataDir, 'sources.yaml'),
      // The files the loader reads: *.yaml and *.yml, by name.
      ...readdirSync(countiesDir)
        .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
        .sort()
        .map((f) => join(countiesDir, f)),
    ];
    for (const f of files) {
      // Opened without blocking (a FIFO planted as an input must not hang the key), then only a
      // regular file of a sane size is hashed; anything else leaves the cache out and the
      // loader reports it.
      const fd = openSync(f, fsc.O_RDONLY | fsc.O_NONBLOCK);
      try {
        const st = fstatSync(fd);
        if (!st.isFile() || st.size > MAX_INPUT_BYTES) return '';
        hash.update(`${f}\0${sha256(readFileSync(fd))}\0`);
      } finally {
        closeSync(fd);
      }
    }
    return hash.digest('hex');
  } catch {
    return '';
  }
}

/**
 * The shape of an entry, checked field by field before use (a small spec rather than zod: zod
 * took ~400 ms on the 10× dataset, this takes a few). Strings: 's' required, 's?' optional;
 * 'n' number; 'b' boolean ('b?' optional); an array of strings is an enum; [spec] is an array.
 */
type Spec = 's' | 's?' | 'n' | 'b' | 'b?' | readonly string[] | ArrayOf | { readonly [field: string]: Spec };
class ArrayOf {
  constructor(readonly item: Spec) {}
}
const arr = (spec: Spec): Spec => new ArrayOf(spec);
const span: Spec = { text: 's', precision: 's', start: 's', end: 's' };
const stance: Spec = STANCES;
const strings = arr('s');
const site: Spec = {
  id: 's', file: 's', county: 's', name_en: 's', name_ko: 's', year: 'n', role: ROLES, province: 's', province_note: 's?',
  aliases: arr({ name: 's', source: 's', uncertain: 'b', note: 's?' }),
  milestones: arr({ id: 's', date: span, type: MILESTONE_TYPES, title: 's', facilities: strings, claimedBy: stance, people: strings, sources: strings, uncertain: 'b', note: 's?' }),
  facilities: arr({ id: 's', kind: FACILITY_KINDS, name: 's', name_ko: 's?', sources: strings, uncertain: 'b', note: 's?' }),
  evidence: arr({ date: span, status: STATUSES, claimedBy: stance, sources: strings, facilities: strings, origin: ['milestone', 'observation', 'claim'], title: 's?', uncertain: 'b', note: 's?' }),
  products: arr({ name: 's', name_ko: 's?', facility: 's?', source: 's', uncertain: 'b', note: 's?' }),
  prices: arr({ item: 's', item_ko: 's?', unit: 's', won: 'n', market: MARKETS, date: span, source: 's', uncertain: 'b', note: 's?' }),
  quotes: arr({ text: 's', speaker: 's', stance, date: span, source: 's', language: 's?', translated: 'b', original: 's?', uncertain: 'b', note: 's?' }),
  notes: arr({ text: 's', source: 's', uncertain: 'b', note: 's?' }),
};
const payloadSpec: Spec = {
  dataDir: 's',
  cwd: 's',
  registry: {
    counties: arr({
      id: 's', name_en: 's', name_ko: 's', name_hanja: 's', type: ['county', 'city', 'district'], type_ko: 's', province: 's',
      seat: { lat: 'n', lon: 'n', source: 's' }, wikidata: 's?', osm_relation: 's?', notes: 's?',
      spellings: arr({ name: 's', system: 's', derived: 'b?', uncertain: 'b?', source: 's?', note: 's?' }),
    }),
    files: strings,
  },
  policy: {
    name_en: 's',
    name_ko: 's',
    facts: arr({ id: 's', label: 's', value: 'n', unit: 's?', sources: strings, uncertain: 'b', note: 's?' }),
    timeline: arr({ id: 's', date: span, title: 's', people: strings, sources: strings, uncertain: 'b', note: 's?' }),
  },
  sources: arr({ id: 's', outlet: 's', title: 's?', date: span, url: 's?', kind: stance, via: 's?', language: 's?', uncertain: 'b', note: 's?' }),
  sites: arr(site),
};

/** True when `value` has the shape `spec` describes (extra fields allowed; milestone.status checked separately). */
function fits(value: unknown, spec: Spec): boolean {
  if (spec === 's') return typeof value === 'string';
  if (spec === 's?') return value === undefined || typeof value === 'string';
  if (spec === 'n') return typeof value === 'number' && Number.isFinite(value);
  if (spec === 'b') return typeof value === 'boolean';
  if (spec === 'b?') return value === undefined || typeof value === 'boolean';
  if (spec instanceof ArrayOf) {
    if (!Array.isArray(value)) return false;
    for (const item of value) if (!fits(item, spec.item)) return false;
    return true;
  }
  if (Array.isArray(spec)) return typeof value === 'string' && (spec as readonly string[]).includes(value);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  for (const field of Object.keys(spec)) if (!fits(Object.hasOwn(record, field) ? record[field] : undefined, (spec as Record<string, Spec>)[field]!)) return false;
  return true;
}

function validPayload(value: unknown): value is Payload {
  if (!fits(value, payloadSpec)) return false;
  for (const s of (value as Payload).sites) for (const m of s.milestones) if (m.status !== undefined && !(STATUSES as readonly string[]).includes(m.status)) return false;
  return true;
}

type Payload = {
  dataDir: string;
  cwd: string;
  registry: { counties: County[]; files: string[] };
  policy: { name_en: string; name_ko: string; facts: PolicyFact[]; timeline: Policy['timeline'] };
  sources: Source[];
  sites: (Omit<Site, 'county'> & { county: string })[];
};

/** The entry's header line: format, key and the payload's checksum; the payload follows on the next line. */
interface Header {
  format: number;
  key: string;
  sha256: string;
  /** The data directory the entry is for: entries of data directories that are gone are pruned. */
  dataDir: string;
}

function readEntry(file: string, key: string): Dataset | undefined {
  let text: string;
  try {
    const fd = openSync(file, fsc.O_RDONLY | fsc.O_NOFOLLOW);
    try {
      const st = fstatSync(fd);
      if (!st.isFile() || st.size > MAX_ENTRY_BYTES) return undefined;
      const buf = Buffer.alloc(st.size);
      let off = 0;
      while (off < st.size) {
        const n = readSync(fd, buf, off, st.size - off, off);
        if (n === 0) break;
        off += n;
      }
      text = buf.toString('utf8', 0, off);
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
  try {
    const newline = text.indexOf('\n');
    if (newline < 0) return undefined;
    const header = JSON.parse(text.slice(0, newline)) as Partial<Header>;
    const body = text.slice(newline + 1);
    if (header?.format !== FORMAT || header.key !== key || header.sha256 !== sha256(body)) return undefined;
    const parsed: unknown = JSON.parse(body);
    return validPayload(parsed) ? restore(parsed) : undefined;
  } catch {
    return undefined;
  }
}

function writeEntry(dir: string, file: string, key: string, d: Dataset): void {
  const stored: Payload = {
    dataDir: d.dataDir,
    cwd: process.cwd(),
    registry: { counties: d.registry.counties, files: d.registry.files },
    policy: { name_en: d.policy.name_en, name_ko: d.policy.name_ko, facts: [...d.policy.facts.values()], timeline: d.policy.timeline },
    sources: [...d.sources.values()],
    sites: d.sites.map((s) => ({ ...s, county: s.county.id })),
  };
  const body = JSON.stringify(stored);
  const header: Header = { format: FORMAT, key, sha256: sha256(body), dataDir: resolve(d.dataDir) };
  const tmp = join(dir, `.model-${process.pid}-${Math.random().toString(36).slice(2)}.tmp`);
  let fd: number | undefined;
  try {
    if (!privateDir(dir)) return;
    fd = openSync(tmp, fsc.O_WRONLY | fsc.O_CREAT | fsc.O_EXCL | fsc.O_NOFOLLOW, 0o600);
    writeAll(fd, `${JSON.stringify(header)}\n${body}`);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file); // replaces this dataset's previous entry (a planted symlink is replaced, not followed)
    prune(dir);
  } catch {
    // A read-only or unusable cache directory only costs start-up time.
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      /* not created */
    }
  }
}

function writeAll(fd: number, text: string): void {
  const buf = Buffer.from(text, 'utf8');
  let off = 0;
  while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
}

/**
 * Removes entries of the first cache format (one file per key, never pruned) and entries whose
 * data directory no longer exists (scratch copies, moved checkouts). Reads only header lines.
 */
function prune(dir: string): void {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    let gone = /^dataset-[0-9a-f]{32}\.json(\.\d+\.tmp)?$/.test(name);
    if (!gone && /^model-[0-9a-f]{24}\.json$/.test(name)) {
      try {
        const fd = openSync(p, fsc.O_RDONLY | fsc.O_NOFOLLOW);
        const buf = Buffer.alloc(4096);
        const n = readSync(fd, buf, 0, buf.length, 0);
        closeSync(fd);
        const line = buf.toString('utf8', 0, n).split('\n')[0] ?? '';
        const header = JSON.parse(line) as Partial<Header>;
        gone = typeof header.dataDir === 'string' && lstatSync(header.dataDir, { throwIfNoEntry: false }) === undefined;
      } catch {
        gone = false;
      }
    }
    if (gone) {
      try {
        unlinkSync(p);
      } catch {
        /* someone else's or already gone */
      }
    }
  }
}

/**
 * Makes `dir` (and missing parents, mode 0700) and checks it is a real directory (not a symlink)
 * owned by this user and closed to others; a directory of ours with looser permissions is
 * tightened. False when the directory cannot be used safely.
 */
function privateDir(dir: string): boolean {
  ensureDir(dir);
  const st = lstatSync(dir);
  if (!st.isDirectory()) return false;
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid) return false;
  if ((st.mode & 0o077) !== 0) chmodSync(dir, 0o700);
  return true;
}

/**
 * Creates the directory and any missing parents one level at a time. (`mkdirSync` with
 * `recursive` can loop forever where mkdir fails with ENOENT under an existing parent, as in /proc.)
 */
function ensureDir(dir: string, depth = 0): void {
  try {
    mkdirSync(dir, 0o700);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    if (code !== 'ENOENT' || depth > 8 || dirname(dir) === dir) throw err;
    ensureDir(dirname(dir), depth + 1);
    mkdirSync(dir, 0o700);
  }
}

function restore(stored: Payload): Dataset {
  const here = process.cwd();
  const shown = (f: string) => (stored.cwd === here ? f : relative(here, resolve(stored.cwd, f)) || f);
  const counties = stored.registry.counties as County[];
  const byId = new Map(counties.map((c) => [c.id, c]));
  const registry: Registry = {
    counties,
    provinces: PROVINCES,
    byId,
    provinceById: new Map(PROVINCES.map((p) => [p.id, p])),
    files: stored.registry.files.map(shown),
    sourceRefs: [],
  };
  const sites: Site[] = stored.sites.map((s) => {
    const county = byId.get(s.county);
    if (!county) throw new Error(`cache: unknown county ${s.county}`);
    return { ...s, file: shown(s.file), county };
  });
  return {
    dataDir: stored.dataDir,
    registry,
    policy: { name_en: stored.policy.name_en, name_ko: stored.policy.name_ko, facts: new Map(stored.policy.facts.map((f) => [f.id, f])), timeline: stored.policy.timeline },
    sources: new Map(stored.sources.map((s) => [s.id, s])),
    sites,
    places: addSitePlaces(countyPlaceIndex(registry), registry, sites),
  };
}
