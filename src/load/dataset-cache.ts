/**
 * A cache of the validated model, so the dashboard starts without parsing YAML or running the
 * schema checks. Keyed by every input file's path, size and modification time (and the package
 * version), kept in the user's cache directory, never in data/. `validate` does not use it.
 * On a miss the full loader runs and the result is stored; any cache problem means a miss.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { addSitePlaces, countyPlaceIndex } from '../model/places.js';
import type { Dataset, Policy, PolicyFact, Site, Source } from '../model/types.js';
import { PROVINCES } from '../registry/provinces.js';
import type { County, Registry } from '../registry/types.js';
import type { LoadOptions } from './dataset.js';

const FORMAT = 2;

interface Stored {
  format: number;
  key: string;
  dataDir: string;
  registry: { counties: County[]; files: string[] };
  policy: { name_en: string; name_ko: string; facts: PolicyFact[]; timeline: Policy['timeline'] };
  sources: Source[];
  sites: (Omit<Site, 'county'> & { county: string })[];
}

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'nk20x10');
}

/** The validated dataset, from the cache when the inputs have not changed. */
export async function loadDatasetCached(options: LoadOptions & { version: string; cache?: string }): Promise<Dataset> {
  const key = cacheKey(options);
  const file = join(options.cache ?? cacheDir(), `dataset-${key.slice(0, 32)}.json`);
  const hit = key ? readCache(file, key) : undefined;
  if (hit) return hit;
  const { loadDataset } = await import('./dataset.js');
  const dataset = loadDataset(options);
  if (key) writeCache(file, key, dataset);
  return dataset;
}

function cacheKey(options: LoadOptions & { version: string }): string {
  try {
    const hash = createHash('sha256').update(`${FORMAT}\0${options.version}\0${options.dataDir}\0${options.geoDir}\0`);
    const files = [
      join(options.geoDir, 'counties.csv'),
      join(options.geoDir, 'variants.yaml'),
      join(options.dataDir, 'policy.yaml'),
      join(options.dataDir, 'sources.yaml'),
      ...readdirSync(join(options.dataDir, 'counties'))
        .sort()
        .map((f) => join(options.dataDir, 'counties', f)),
    ];
    for (const f of files) {
      const s = statSync(f);
      hash.update(`${f}\0${s.size}\0${s.mtimeMs}\0`);
    }
    return hash.digest('hex');
  } catch {
    return '';
  }
}

function readCache(file: string, key: string): Dataset | undefined {
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Stored;
    if (stored.format !== FORMAT || stored.key !== key) return undefined;
    return restore(stored);
  } catch {
    return undefined;
  }
}

function writeCache(file: string, key: string, d: Dataset): void {
  const stored: Stored = {
    format: FORMAT,
    key,
    dataDir: d.dataDir,
    registry: { counties: d.registry.counties, files: d.registry.files },
    policy: { name_en: d.policy.name_en, name_ko: d.policy.name_ko, facts: [...d.policy.facts.values()], timeline: d.policy.timeline },
    sources: [...d.sources.values()],
    sites: d.sites.map((s) => ({ ...s, county: s.county.id })),
  };
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    ensureDir(dirname(file));
    writeFileSync(tmp, JSON.stringify(stored));
    renameSync(tmp, file);
  } catch {
    // A read-only or missing cache directory only costs start-up time.
  }
}

/**
 * Creates the directory and any missing parents one level at a time. (`mkdirSync` with
 * `recursive` can loop forever where mkdir fails with ENOENT under an existing parent, as in /proc.)
 */
function ensureDir(dir: string, depth = 0): void {
  try {
    mkdirSync(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    if (code !== 'ENOENT' || depth > 8 || dirname(dir) === dir) throw err;
    ensureDir(dirname(dir), depth + 1);
    mkdirSync(dir);
  }
}

function restore(stored: Stored): Dataset {
  const byId = new Map(stored.registry.counties.map((c) => [c.id, c]));
  const registry: Registry = {
    counties: stored.registry.counties,
    provinces: PROVINCES,
    byId,
    provinceById: new Map(PROVINCES.map((p) => [p.id, p])),
    files: stored.registry.files,
    sourceRefs: [],
  };
  const sites: Site[] = stored.sites.map((s) => {
    const county = byId.get(s.county);
    if (!county) throw new Error(`cache: unknown county ${s.county}`);
    return { ...s, county };
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
