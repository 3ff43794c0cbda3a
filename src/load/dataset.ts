/**
 * Loads a data directory into a validated Dataset, or throws DataError with every problem found.
 * Files → shape checks (model/schema.ts) → references (sources, counties, facilities, ids) → model.
 */
import { readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parseDateSpan, type DateSpan } from '../model/dates.js';
import {
  countyFileSchema,
  policyFileSchema,
  sourcesFileSchema,
  type CountyFile,
  type PolicyFile,
  type SourceFile,
} from '../model/schema.js';
import type { Dataset, Policy, Site, Source, StatusEvidence } from '../model/types.js';
import { MILESTONE_STATUS } from '../model/vocabulary.js';
import { describeResolution } from '../registry/name-index.js';
import { addSitePlaces, countyPlaceIndex } from '../model/places.js';
import { loadRegistry } from '../registry/load-registry.js';
import type { County, Registry } from '../registry/types.js';
import { DataError, fieldPath, sortErrors, type LocatedError } from './errors.js';
import { collectSourceRefs } from './source-refs.js';
import { checkShape } from './validate-shape.js';
import { readYamlFile, type YamlFile } from './yaml-file.js';

export const REQUIRED_FACTS = ['counties-per-year', 'years', 'target-total', 'regional-units', 'counties-done-2025'] as const;

export interface LoadOptions {
  dataDir: string;
  geoDir: string;
  /** Paths in messages are shown relative to this directory. */
  displayBase?: string;
}

type Parsed<T> = { yaml: YamlFile; value: T };

export function loadDataset(options: LoadOptions): Dataset {
  const base = options.displayBase ?? process.cwd();
  const shown = (f: string) => relative(base, f) || f;
  const errors: LocatedError[] = [];

  const registry: Registry = loadRegistry(options.geoDir, base);

  /** Every YAML file that parsed, valid or not: their source references are checked either way. */
  const parsedFiles: YamlFile[] = [];
  const read = <T>(path: string, schema: Parameters<typeof checkShape>[1]): Parsed<T> | undefined => {
    const yaml = readYamlFile(path);
    if (!yaml.ok) {
      errors.push(...yaml.errors.map((e) => ({ ...e, file: shown(e.file) })));
      return undefined;
    }
    const file = { ...yaml.value, file: shown(path) };
    parsedFiles.push(file);
    const checked = checkShape(file, schema);
    if (!checked.ok) {
      errors.push(...checked.errors);
      return undefined;
    }
    return { yaml: file, value: checked.value as T };
  };

  const sourcesFile = read<SourceFile>(join(options.dataDir, 'sources.yaml'), sourcesFileSchema);
  const policyFile = read<PolicyFile>(join(options.dataDir, 'policy.yaml'), policyFileSchema);
  const countiesDir = join(options.dataDir, 'counties');
  let countyPaths: string[] = [];
  try {
    countyPaths = readdirSync(countiesDir)
      .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
      .sort()
      .map((f) => join(countiesDir, f));
  } catch (err) {
    errors.push({ file: shown(countiesDir), line: 1, col: 1, field: '(dir)', message: `cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}` });
  }
  const countyFiles = countyPaths
    .map((p) => read<CountyFile>(p, countyFileSchema))
    .filter((f): f is Parsed<CountyFile> => f !== undefined);

  // Ids are unique across the whole dataset.
  const ids = new Map<string, string>();
  const claimId = (id: string, yaml: YamlFile, path: PropertyKey[]) => {
    const where = `${yaml.file}:${yaml.locate(path).line}`;
    const first = ids.get(id);
    if (first) errors.push(at(yaml, path, `duplicate id "${id}" (first used at ${first})`));
    else ids.set(id, where);
  };

  const sources = new Map<string, Source>();
  if (sourcesFile) {
    sourcesFile.value.sources.forEach((s, i) => {
      claimId(s.id, sourcesFile.yaml, ['sources', i, 'id']);
      sources.set(s.id, {
        ...s,
        date: span(s.date),
        uncertain: s.uncertain ?? false,
      });
    });
  }
  const kindOf = (ids: string[]) => sources.get(ids[0] ?? '')?.kind ?? 'outside_report';

  if (sourcesFile) {
    const unknown = (id: string) => `unknown source id "${id}"${hint(id, sources)}`;
    for (const ref of registry.sourceRefs) if (!sources.has(ref.id)) errors.push({ ...ref.at, message: unknown(ref.id) });
    for (const yaml of parsedFiles) {
      if (yaml === sourcesFile.yaml) continue;
      for (const ref of collectSourceRefs(yaml.data)) if (!sources.has(ref.id)) errors.push(at(yaml, ref.path, unknown(ref.id)));
    }
  }

  const places = countyPlaceIndex(registry);

  // Resolve every site's county name, in valid and invalid files alike.
  const countyOf = new Map<YamlFile, County>();
  for (const yaml of parsedFiles.filter((f) => f !== sourcesFile?.yaml && f !== policyFile?.yaml)) {
    const name = (yaml.data as { county?: unknown } | null)?.county;
    if (typeof name !== 'string') continue;
    const resolved = places.index.resolve(name);
    if (resolved.kind === 'found' && resolved.target.kind === 'county') countyOf.set(yaml, resolved.target.county);
    else errors.push(at(yaml, ['county'], describeResolution(name, resolved)));
  }

  const sites: Site[] = [];
  for (const { yaml, value: f } of countyFiles) {
    const stem = basename(yaml.file).replace(/\.ya?ml$/, '');
    if (f.id !== stem) errors.push(at(yaml, ['id'], `must equal the file name "${stem}"`));
    claimId(f.id, yaml, ['id']);

    const county = countyOf.get(yaml);

    const facilityIds = new Set((f.facilities ?? []).map((x) => x.id));
    const checkFacility = (id: string, path: PropertyKey[]) => {
      if (!facilityIds.has(id)) errors.push(at(yaml, path, `no facility "${id}" in this file (facilities: ${[...facilityIds].join(', ') || 'none'})`));
    };

    const evidence: StatusEvidence[] = [];
    (f.milestones ?? []).forEach((m, i) => {
      claimId(m.id, yaml, ['milestones', i, 'id']);
      (m.facilities ?? []).forEach((x, j) => checkFacility(x, ['milestones', i, 'facilities', j]));
      const status = m.status ?? MILESTONE_STATUS[m.type];
      if (status) {
        evidence.push({
          date: span(m.date),
          status,
          claimedBy: m.claimed_by ?? kindOf(m.sources),
          sources: m.sources,
          facilities: m.facilities ?? [],
          origin: 'milestone',
          title: m.title,
          uncertain: m.uncertain ?? false,
          ...(m.note ? { note: m.note } : {}),
        });
      }
    });
    (f.facilities ?? []).forEach((x, i) => {
      claimId(x.id, yaml, ['facilities', i, 'id']);
      for (const o of x.observations ?? []) evidence.push(observationEvidence(o, [x.id], kindOf([o.source])));
    });
    for (const o of f.observations ?? []) evidence.push(observationEvidence(o, [], kindOf([o.source])));
    (f.products ?? []).forEach((p, i) => {
      if (p.facility) checkFacility(p.facility, ['products', i, 'facility']);
    });
    if (!county) continue;

    const site: Site = {
      id: f.id,
      file: yaml.file,
      county,
      name_en: f.site ?? county.name_en,
      name_ko: f.site_ko ?? county.name_ko,
      year: f.year,
      role: f.role ?? 'batch',
      province: county.province,
      ...(f.province_note ? { province_note: f.province_note } : {}),
      aliases: (f.aliases ?? []).map((a) => ({ ...a, uncertain: a.uncertain ?? false })),
      milestones: (f.milestones ?? []).map((m) => ({
        id: m.id,
        date: span(m.date),
        type: m.type,
        title: m.title,
        facilities: m.facilities ?? [],
        ...(m.status ? { status: m.status } : {}),
        claimedBy: m.claimed_by ?? kindOf(m.sources),
        people: m.people ?? [],
        sources: m.sources,
        uncertain: m.uncertain ?? false,
        ...(m.note ? { note: m.note } : {}),
      })),
      facilities: (f.facilities ?? []).map(({ observations: _o, ...x }) => ({ ...x, uncertain: x.uncertain ?? false })),
      evidence,
      products: (f.products ?? []).map((p) => ({ ...p, uncertain: p.uncertain ?? false })),
      prices: (f.prices ?? []).map((p) => ({ ...p, date: span(p.date), uncertain: p.uncertain ?? false })),
      quotes: (f.quotes ?? []).map((q) => ({ ...q, date: span(q.date), translated: q.translated ?? false, uncertain: q.uncertain ?? false })),
      notes: (f.notes ?? []).map((n) => ({ ...n, uncertain: n.uncertain ?? false })),
    };
    sites.push(site);
  }

  let policy: Policy | undefined;
  if (policyFile) {
    const { yaml, value: p } = policyFile;
    const facts = new Map(p.facts.map((x) => [x.id, { ...x, uncertain: x.uncertain ?? false }]));
    p.facts.forEach((x, i) => {
      claimId(x.id, yaml, ['facts', i, 'id']);
    });
    for (const required of REQUIRED_FACTS) {
      if (!facts.has(required)) errors.push(at(yaml, ['facts'], `missing required fact "${required}"`));
    }
    p.timeline.forEach((t, i) => {
      claimId(t.id, yaml, ['timeline', i, 'id']);
    });
    (p.claims ?? []).forEach((c, i) => {
      claimId(c.id, yaml, ['claims', i, 'id']);
      const targets = sites.filter((s) => s.year === c.applies_to.year && s.role === 'batch');
      if (targets.length === 0) errors.push(at(yaml, ['claims', i, 'applies_to', 'year'], `no batch sites in ${c.applies_to.year}`));
      for (const site of targets) {
        site.evidence.push({
          date: span(c.date),
          status: c.status,
          claimedBy: c.claimed_by ?? kindOf(c.sources),
          sources: c.sources,
          facilities: [],
          origin: 'claim',
          ...(c.title ? { title: c.title } : {}),
          uncertain: c.uncertain ?? false,
          ...(c.note ? { note: c.note } : {}),
        });
      }
    });
    policy = {
      name_en: p.name_en,
      name_ko: p.name_ko,
      facts,
      timeline: p.timeline
        .map((t) => ({ ...t, date: span(t.date), people: t.people ?? [], uncertain: t.uncertain ?? false }))
        .sort((a, b) => a.date.end.localeCompare(b.date.end)),
    };
  }

  if (errors.length > 0 || !policy) throw new DataError(sortErrors(errors));

  for (const site of sites) {
    site.evidence.sort((a, b) => a.date.end.localeCompare(b.date.end) || a.date.start.localeCompare(b.date.start));
  }
  sites.sort((a, b) => a.year - b.year || a.province.localeCompare(b.province) || a.name_en.localeCompare(b.name_en));

  return { dataDir: options.dataDir, registry, policy, sources, sites, places: addSitePlaces(places, registry, sites) };
}

function observationEvidence(
  o: { date: string; status: StatusEvidence['status']; claimed_by?: StatusEvidence['claimedBy']; source: string; uncertain?: boolean; note?: string },
  facilities: string[],
  kind: StatusEvidence['claimedBy'],
): StatusEvidence {
  return {
    date: span(o.date),
    status: o.status,
    claimedBy: o.claimed_by ?? kind,
    sources: [o.source],
    facilities,
    origin: 'observation',
    uncertain: o.uncertain ?? false,
    ...(o.note ? { note: o.note } : {}),
  };
}

/** Dates were validated by the schema, so parsing cannot fail here. */
function span(text: string): DateSpan {
  const parsed = parseDateSpan(text);
  if (typeof parsed === 'string') throw new Error(`unvalidated date ${text}: ${parsed}`);
  return parsed;
}

function at(yaml: YamlFile, path: PropertyKey[], message: string): LocatedError {
  return { file: yaml.file, ...yaml.locate(path), field: fieldPath(path), message };
}

function hint(id: string, sources: Map<string, Source>): string {
  let best: string | undefined;
  let bestScore = 0;
  for (const candidate of sources.keys()) {
    const score = sharedPrefix(id, candidate);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best && bestScore >= 6 ? `; did you mean "${best}"?` : '';
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

