/**
 * `nk20x10 geo import FILE`: joins real county boundaries (GeoJSON or TopoJSON from OSM,
 * geoBoundaries, OCHA COD-AB, …) to the registry and writes a counties TopoJSON for `--geo FILE`.
 */
import { basename, join, resolve } from 'node:path';
import { ImportError, readBoundaryFile, detectSource, SOURCE_ATTRIBUTION, SOURCE_LABEL, type InputFeature, type InputLayer } from '../../geo/import-features.js';
import { featureNames, joinFeatures, JOIN_METHODS, type FieldValue, type JoinMethod, type JoinReport } from '../../geo/join.js';
import { layerFromTopology, parseCountiesTopology } from '../../geo/topology.js';
import { ExportError } from '../../export/errors.js';
import { writeFileAtomic } from '../../export/write-atomic.js';
import { checkFileTarget, isInside, resolvedTarget } from '../../export/output-target.js';
import { countiesTopologyText, dropSmallParts, QUANTIZATION, SIMPLIFY_MIN_WEIGHT, type CountyShape } from '../../geo/write-layer.js';
import { loadRegistry } from '../../registry/load-registry.js';
import type { Registry } from '../../registry/types.js';
import { DEFAULT_DATA_DIR, DEFAULT_GEO_DIR } from '../../paths.js';
import { sanitizeInline } from '../../text/sanitize.js';
import { oneOf, parseCommandArgs, UsageError } from '../args.js';
import { printJson, printLines, type Output } from '../output.js';

export const GEO_USAGE = `Usage: nk20x10 geo import FILE [--out FILE] [--name-field F]... [--id-field F] [--province-field F]
                         [--object NAME] [--attribution TEXT] [--min-match N] [--force] [--format text|json]

Joins county boundaries (GeoJSON or TopoJSON: OpenStreetMap exports, geoBoundaries, OCHA COD-AB, …)
to the 197 registry counties and writes a simplified counties TopoJSON for \`nk20x10 --geo FILE\`.
Each feature is matched by a registry id, its Wikidata id, its OSM relation id, then by its names
(any spelling or Hangul; a shared name is settled by the province field, then by which county's
seat lies inside the polygon). Names and ids in the output come from the registry, not the input.
  --out F             default: <input name>.counties.topo.json in the current directory
  --name-field F      use only this property for names (repeatable); default: every name-like one
  --id-field F        property holding registry ids, Wikidata ids or OSM relation ids
  --province-field F  property naming the province (default: ADM1_EN, NAME_1, … when present)
  --object NAME       the TopoJSON object to read (default: the one with the most polygons)
  --attribution TEXT  credit line stored in the layer (default: guessed from the file's source)
  --min-match N       fail (writing nothing) below N matched counties (default 190)
  --force             write even below --min-match, and replace an existing --out
  --format text|json  how the report is printed (json lists every item)
Exit codes: 0 written, 1 unreadable input, too few matches or cannot write, 2 usage error.`;

const OPTIONS = {
  out: { type: 'string' },
  'name-field': { type: 'string', multiple: true },
  'id-field': { type: 'string' },
  'province-field': { type: 'string' },
  object: { type: 'string' },
  attribution: { type: 'string' },
  'min-match': { type: 'string' },
  force: { type: 'boolean' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const DEFAULT_MIN_MATCH = 190;
/** Items listed per report section in text; JSON lists all. */
const LIST_LIMIT = 25;

const METHOD_LABEL: Record<JoinMethod, string> = {
  id: 'registry id',
  wikidata: 'Wikidata id',
  osm: 'OSM relation',
  name: 'name',
  'name+province': 'name + province',
  'name+seat': 'name + seat inside',
};

/** Input text on its way to the terminal: one line, bounded. */
function safe(text: string, max = 60): string {
  const s = sanitizeInline(text);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function fail(io: Output, message: string): number {
  io.err(`nk20x10: geo import: ${message}\n`);
  return 1;
}

export async function geoCommand(argv: string[], io: Output): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS, GEO_USAGE, 2);
  if (values.help) {
    io.out(`${GEO_USAGE}\n`);
    return 0;
  }
  const [sub, file] = positionals;
  if (sub === undefined) throw new UsageError('missing subcommand: geo import FILE', GEO_USAGE);
  if (sub !== 'import') throw new UsageError(`unknown geo subcommand "${sanitizeInline(sub)}"`, GEO_USAGE);
  if (file === undefined) throw new UsageError('missing FILE: geo import FILE', GEO_USAGE);
  const format = oneOf('format', values.format, ['text', 'json'], GEO_USAGE) ?? 'text';
  const minMatch = parseMinMatch(values['min-match']);
  const attributionFlag = values.attribution === undefined ? undefined : sanitizeInline(values.attribution).trim();
  if (attributionFlag === '') throw new UsageError('--attribution must not be empty', GEO_USAGE);
  const force = values.force ?? false;

  const input = resolve(file);
  const out = resolve(values.out ?? join(process.cwd(), defaultOutName(input)));
  const refusal = refuseOutput(out, input, force);
  if (refusal) return fail(io, refusal);

  let layer: InputLayer;
  try {
    layer = readBoundaryFile(input, values.object === undefined ? {} : { object: values.object });
  } catch (err) {
    if (err instanceof ImportError) return fail(io, sanitizeInline(err.message));
    throw err;
  }
  const fieldError = checkFields(layer.features, values['name-field'], values['id-field'], values['province-field']);
  if (fieldError) return fail(io, `${safe(basename(input))}: ${fieldError}`);

  const registry = loadRegistry(DEFAULT_GEO_DIR);
  const report = joinFeatures(layer.features, registry, {
    ...(values['id-field'] !== undefined ? { idField: values['id-field'] } : {}),
    ...(values['name-field'] !== undefined ? { nameFields: values['name-field'] } : {}),
    ...(values['province-field'] !== undefined ? { provinceField: values['province-field'] } : {}),
  });
  const source = detectSource(layer);
  const attribution = attributionFlag ?? SOURCE_ATTRIBUTION[source];
  const matched = report.matches.length;
  const summary = { input, layer, source, attribution, minMatch };

  if (matched === 0 || (matched < minMatch && !force)) {
    emit(io, format, registry, report, summary, null);
    return fail(
      io,
      matched === 0
        ? 'no feature matched a registry county; nothing written'
        : `only ${matched} of ${report.registryCounties} registry counties matched (--min-match ${minMatch}); nothing written. ` +
            'See the report above; --name-field/--province-field may help, or --force writes a partial layer',
    );
  }

  let text: string;
  try {
    text = layerText(layer, report, registry, { attribution, sourceFile: basename(input), source });
  } catch (err) {
    emit(io, format, registry, report, summary, null);
    return fail(io, `${safe(basename(input))}: the joined shapes do not make a usable layer (${safe((err as Error).message, 200)}); nothing written`);
  }
  try {
    // Temp file in the same directory, then a rename (or a no-clobber link without --force).
    await writeFileAtomic(out, text, { force, forbiddenDirs: [DEFAULT_DATA_DIR, DEFAULT_GEO_DIR] });
  } catch (err) {
    if (!(err instanceof ExportError)) throw err;
    emit(io, format, registry, report, summary, null);
    return fail(io, sanitizeInline(err.message));
  }
  emit(io, format, registry, report, summary, { file: out, bytes: Buffer.byteLength(text), counties: matched });
  return 0;
}

function parseMinMatch(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MIN_MATCH;
  if (!/^\d+$/.test(value)) throw new UsageError(`--min-match must be a whole number (got "${sanitizeInline(value)}")`, GEO_USAGE);
  return Number(value);
}

/** `nk-adm2.geojson` → `nk-adm2.counties.topo.json`. */
export function defaultOutName(input: string): string {
  const stem = basename(input).replace(/(\.(geo|topo))?\.json$|\.(geojson|topojson)$/i, '');
  return `${stem || 'boundaries'}.counties.topo.json`;
}

/**
 * Why `out` must not be written, or undefined: the shared target rules (export/output-target.ts),
 * with every file of the data directory and of the registry (geo/) and the input file refused.
 */
function refuseOutput(out: string, input: string, force: boolean): string | undefined {
  const real = resolvedTarget(out);
  if (isInside(real, resolvedTarget(DEFAULT_DATA_DIR, true))) return `refusing to write inside the data directory (${DEFAULT_DATA_DIR}); choose another --out`;
  if (real === resolvedTarget(join(DEFAULT_GEO_DIR, 'counties.topo.json'), true)) {
    return 'refusing to replace the bundled schematic layer geo/counties.topo.json; write elsewhere and pass it with --geo FILE';
  }
  if (isInside(real, resolvedTarget(DEFAULT_GEO_DIR, true))) return `refusing to write inside the registry directory (${DEFAULT_GEO_DIR}); write elsewhere and pass it with --geo FILE`;
  try {
    checkFileTarget(out, { forbiddenDirs: [DEFAULT_DATA_DIR, DEFAULT_GEO_DIR], force, notSameAs: [input] });
    return undefined;
  } catch (err) {
    if (!(err instanceof ExportError)) throw err;
    if (err.code === 'FORBIDDEN') return 'refusing to write over the input file; choose another --out';
    if (err.code === 'EXISTS') return `${safe(out, 200)} exists; pass --force to replace it`;
    return sanitizeInline(err.message);
  }
}

function checkFields(features: InputFeature[], names: string[] | undefined, idField: string | undefined, provinceField: string | undefined): string | undefined {
  const keys = new Set(features.flatMap((f) => Object.keys(f.properties)));
  for (const [flag, field] of [
    ...(names ?? []).map((n) => ['--name-field', n] as const),
    ['--id-field', idField] as const,
    ['--province-field', provinceField] as const,
  ]) {
    if (field === undefined || keys.has(field)) continue;
    const seen = [...keys].slice(0, 20).map((k) => safe(k, 30));
    return `${flag} "${safe(field)}": no feature has this property; properties: ${seen.join(', ')}${keys.size > 20 ? ', …' : ''}`;
  }
  return undefined;
}

function layerText(
  layer: InputLayer,
  report: JoinReport,
  registry: Registry,
  info: { attribution: string; sourceFile: string; source: keyof typeof SOURCE_LABEL },
): string {
  const byIndex = new Map(layer.features.map((f) => [f.index, f]));
  const shapes: CountyShape[] = report.matches.map((m) => {
    const c = registry.byId.get(m.county)!;
    return {
      properties: { id: c.id, name_en: c.name_en, name_ko: c.name_ko, province: registry.provinceById.get(c.province)?.name_en ?? c.province },
      geometry: dropSmallParts(byIndex.get(m.feature)!.geometry),
    };
  });
  const methods = JOIN_METHODS.filter((m) => report.byMethod[m] > 0).map((m) => `${m} ${report.byMethod[m]}`);
  const text = countiesTopologyText(
    shapes,
    {
      layer: 'imported',
      attribution: info.attribution,
      source_file: sanitizeInline(info.sourceFile),
      source: SOURCE_LABEL[info.source],
      join: `${report.matches.length} of ${report.registryCounties} registry counties (${methods.join(', ')})`,
      method: 'nk20x10 geo import: features joined to geo/counties.csv; ids and names from the registry; simplified and quantized',
    },
    { simplifyWeight: SIMPLIFY_MIN_WEIGHT, quantization: QUANTIZATION },
  );
  // What `--geo FILE` will do with it: fail here rather than in the dashboard.
  layerFromTopology(parseCountiesTopology(JSON.parse(text)));
  return text;
}

interface Summary {
  input: string;
  layer: InputLayer;
  source: keyof typeof SOURCE_LABEL;
  attribution: string;
  minMatch: number;
}

interface Written {
  file: string;
  bytes: number;
  counties: number;
}

function emit(io: Output, format: 'text' | 'json', registry: Registry, report: JoinReport, s: Summary, written: Written | null): void {
  if (format === 'json') printJson(io.out, reportJson(report, s, written));
  else printLines(io.out, reportLines(registry, report, s, written));
}

/** Recursively passes every string through the sanitiser (names and keys come from the input). */
function sanitizeDeep(value: unknown): unknown {
  if (typeof value === 'string') return sanitizeInline(value);
  if (Array.isArray(value)) return value.map(sanitizeDeep);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [sanitizeInline(k), sanitizeDeep(v)]));
  return value;
}

function reportJson(report: JoinReport, s: Summary, written: Written | null): unknown {
  return sanitizeDeep({
    input: s.input,
    format: s.layer.format,
    ...(s.layer.object !== undefined ? { object: s.layer.object } : {}),
    features: s.layer.features.length,
    skipped_features: s.layer.skipped,
    outside_features: report.outside,
    source: s.source,
    attribution: s.attribution,
    matched: report.matches.length,
    registry_counties: report.registryCounties,
    min_match: s.minMatch,
    by_method: report.byMethod,
    matches: report.matches,
    unmatched: report.unmatched,
    ambiguous: report.ambiguous,
    conflicts: report.conflicts,
    missing: report.missing,
    disagreements: report.disagreements,
    seat_outside: report.seatOutside,
    output: written,
  });
}

function reportLines(registry: Registry, report: JoinReport, s: Summary, written: Written | null): string[] {
  const label = (id: string) => {
    const c = registry.byId.get(id);
    return c ? `${c.name_en} (${c.name_ko}), ${registry.provinceById.get(c.province)?.name_en ?? c.province} [${id}]` : id;
  };
  const byIndex = new Map(s.layer.features.map((f) => [f.index, f]));
  const names = (list: FieldValue[]) => (list.length === 0 ? 'no name properties' : list.slice(0, 3).map((n) => `${safe(n.field, 20)} "${safe(n.value)}"`).join(', '));
  const featureLabel = (index: number) => {
    const f = byIndex.get(index);
    return `#${index} ${f ? names(featureNames(f)) : ''}`.trim();
  };
  const section = <T>(title: string, items: T[], line: (item: T) => string, note = ''): string[] => {
    if (items.length === 0) return [`${title}: none`];
    const shown = items.slice(0, LIST_LIMIT).map((i) => `  ${line(i)}`);
    const more = items.length > LIST_LIMIT ? [`  … and ${items.length - LIST_LIMIT} more (--format json lists all)`] : [];
    return [`${title} (${items.length})${note ? ` — ${note}` : ''}:`, ...shown, ...more];
  };
  const methods = JOIN_METHODS.filter((m) => report.byMethod[m] > 0).map((m) => `${report.byMethod[m]} by ${METHOD_LABEL[m]}`);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

  const lines = [
    `${safe(basename(s.input), 120)}: ${plural(s.layer.features.length, 'polygon feature')}` +
      ` (${s.layer.format === 'topojson' ? `TopoJSON object "${safe(s.layer.object ?? '')}"` : 'GeoJSON'})` +
      `${s.layer.skipped > 0 ? `, ${s.layer.skipped} without polygons skipped` : ''}` +
      `${report.outside > 0 ? `, ${report.outside} outside North Korea skipped` : ''}; looks like: ${SOURCE_LABEL[s.source]}`,
    `Matched ${report.matches.length} of ${report.registryCounties} registry counties` + (methods.length ? `: ${methods.join(', ')}` : ''),
    ...section('Unmatched features', report.unmatched, (u) => {
      const hints = [
        ...(u.suggestions.length ? [`similar: ${u.suggestions.map(label).join('; ')}`] : []),
        ...(u.seatsInside.length ? [`holds the seat of ${u.seatsInside.slice(0, 3).map(label).join('; ')}`] : []),
      ];
      return `#${u.feature} ${names(u.names)}${hints.length ? ` — ${hints.join('; ')}` : ''}`;
    }),
    ...section('Registry counties without a shape', report.missing, label),
    ...section(
      'Ambiguous features',
      report.ambiguous,
      (a) => `${featureLabel(a.feature)} could be: ${a.candidates.map(label).join(' | ')}`,
      'pass --province-field, or --id-field with registry ids',
    ),
    ...section(
      'Conflicts',
      report.conflicts,
      (c) =>
        `${label(c.county)}: kept #${c.kept.feature} (${METHOD_LABEL[c.kept.method]}), dropped ` +
        c.dropped.map((d) => `${featureLabel(d.feature)} (${METHOD_LABEL[d.method]})`).join(', '),
      'a county claimed twice keeps the better match',
    ),
    ...(report.disagreements.length
      ? section(
          'Methods disagree',
          report.disagreements,
          (d) =>
            `#${d.feature}: ${METHOD_LABEL[d.chosen.method]} gives ${label(d.chosen.county)} (kept); ` +
            d.other.map((o) => `${METHOD_LABEL[o.method]} gives ${label(o.county)}`).join('; '),
        )
      : []),
    ...(report.seatOutside.length
      ? section('Registry seat outside its matched shape', report.seatOutside, label, 'check these matches')
      : []),
  ];
  if (written) {
    lines.push(
      `Wrote ${safe(written.file, 300)}: ${written.counties} ${written.counties === 1 ? 'county' : 'counties'}, ${(written.bytes / 1024).toFixed(1)} KiB`,
      `Attribution stored in the layer: ${safe(s.attribution, 300)}`,
      `Use it with: nk20x10 --geo ${safe(written.file, 300)}`,
    );
  }
  return lines;
}
