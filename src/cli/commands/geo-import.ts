/**
 * `nk20x10 geo import FILE`: joins real county boundaries (GeoJSON or TopoJSON from OSM,
 * geoBoundaries, OCHA COD-AB, …) to the registry and writes a counties TopoJSON for `--geo FILE`.
 */
import { basename, join, resolve } from 'node:path';
import { ImportError, readBoundaryFile, detectSource, SOURCE_ATTRIBUTION, type InputFeature, type InputLayer } from '../../geo/import-features.js';
import { joinFeatures, type JoinReport } from '../../geo/join.js';
import { sanityGate } from '../../geo/import/gate.js';
import { buildReference, type Reference } from '../../geo/import/location.js';
import { reportJson, reportLines, safe, type Summary, type Written } from '../../geo/import/report.js';
import { layerText } from '../../geo/import/write.js';
import { readDefaultLayer } from '../../geo/layer-file.js';
import { ExportError } from '../../export/errors.js';
import { writeFileAtomic } from '../../export/write-atomic.js';
import { checkFileTarget, isInside, resolvedTarget } from '../../export/output-target.js';
import { loadRegistry } from '../../registry/load-registry.js';
import type { Registry } from '../../registry/types.js';
import { DEFAULT_DATA_DIR, DEFAULT_GEO_DIR } from '../../paths.js';
import { sanitizeInline } from '../../text/sanitize.js';
import { HELP_LINE, oneOf, parseCommandArgs, UsageError, wholeNumberOption } from '../args.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { printJson, printLines, type Output } from '../output.js';

export const GEO_USAGE = `Usage: nk20x10 geo import FILE [--out FILE] [--name-field F]... [--id-field F] [--province-field F]
                         [--object NAME] [--attribution TEXT] [--min-match N] [--force] [--format text|json]

Joins county boundaries (GeoJSON or TopoJSON: OpenStreetMap exports, geoBoundaries, OCHA COD-AB, …)
to the 197 registry counties and writes a simplified counties TopoJSON for \`nk20x10 --geo FILE\`.
Each feature is matched by a registry id, its Wikidata id, its OSM relation id, then by its names
(any spelling, Hangul or a former name; a shared name is settled by the province field, then by
which county's seat lies inside the polygon), then by the one registry seat it holds. Every match
must pass the location check: the county's seat lies inside the shape (or within 3 km), or the shape
lies mostly inside that county on the bundled map; a shape holding several seats or of a very
different size is refused. A file that as a whole does not look like North Korean counties writes
nothing without --force. Names and ids in the output come from the registry, not the input.
  --out F             default: <input name>.counties.topo.json in the current directory
  --name-field F      use only this property for names (repeatable); default: every name-like one
  --id-field F        property holding registry ids, Wikidata ids or OSM relation ids
  --province-field F  property naming the province (default: ADM1_EN, NAME_1, … when present)
  --object NAME       the TopoJSON object to read (default: the one with the most polygons)
  --attribution TEXT  credit line stored in the layer (default: guessed from the file's source)
  --min-match N       fail (writing nothing) below N matched counties (default 190)
  --force             write even below --min-match or past the sanity gate (only matches that
                      passed the location check), and replace an existing --out
  --format text|json  how the report is printed (json lists every item)
${HELP_LINE}`;

/** The options this command accepts (its --help names every one: test/cli/help-options.test.ts). */
export const OPTIONS = {
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
/** Prints `message` on stderr and returns `code` (default EXIT.data: the input is the problem). */
function fail(io: Output, message: string, code: ExitCode = EXIT.data): number {
  io.err(`nk20x10: geo import: ${message}\n`);
  return code;
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
  if (refusal) return fail(io, refusal, EXIT.output);

  let layer: InputLayer;
  try {
    layer = readBoundaryFile(input, values.object === undefined ? {} : { object: values.object });
  } catch (err) {
    if (err instanceof ImportError) return fail(io, sanitizeInline(err.message));
    throw err;
  }
  const fieldError = checkFields(layer.features, values['name-field'], values['id-field'], values['province-field']);
  if (fieldError) return fail(io, `${safe(basename(input))}: ${fieldError}`, EXIT.usage);

  const registry = loadRegistry(DEFAULT_GEO_DIR);
  const reference = referenceFor(registry);
  const report = joinFeatures(layer.features, registry, {
    ...(values['id-field'] !== undefined ? { idField: values['id-field'] } : {}),
    ...(values['name-field'] !== undefined ? { nameFields: values['name-field'] } : {}),
    ...(values['province-field'] !== undefined ? { provinceField: values['province-field'] } : {}),
    reference,
  });
  const source = detectSource(layer);
  const attribution = attributionFlag ?? SOURCE_ATTRIBUTION[source];
  const matched = report.matches.length;
  const gate = sanityGate(report, reference);
  const summary: Summary = { input, layer, source, attribution, minMatch, gate, dropped: [] };

  if (gate.length > 0 && !force && matched > 0) {
    emit(io, format, registry, report, summary, null);
    return fail(
      io,
      `${safe(basename(input))} does not look like a layer of North Korean counties (see "What this file looks like" above); nothing written. ` +
        `--force writes the ${matched} ${matched === 1 ? 'match' : 'matches'} that passed the location check`,
    );
  }
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
    const built = layerText(layer, report, registry, { attribution, sourceFile: basename(input), source });
    text = built.text;
    summary.dropped = built.dropped;
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
    return fail(io, sanitizeInline(err.message), EXIT.output);
  }
  emit(io, format, registry, report, summary, { file: out, bytes: Buffer.byteLength(text), counties: matched - summary.dropped.length });
  return 0;
}

/** Seats from the registry, extents and areas from the bundled layer as it is now (seats only if it cannot be read). */
function referenceFor(registry: Registry): Reference {
  try {
    return buildReference(registry, readDefaultLayer());
  } catch {
    return buildReference(registry, undefined);
  }
}

function emit(io: Output, format: 'text' | 'json', registry: Registry, report: JoinReport, s: Summary, written: Written | null): void {
  if (format === 'json') printJson(io.out, reportJson(report, s, written));
  else printLines(io.out, reportLines(registry, report, s, written));
}

function parseMinMatch(value: string | undefined): number {
  return wholeNumberOption('--min-match', value, { min: 0, max: 100_000, what: 'counties', fallback: DEFAULT_MIN_MATCH }, GEO_USAGE);
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
    return 'refusing to replace the bundled layer geo/counties.topo.json; write elsewhere and pass it with --geo FILE';
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
  // `--id-field id` also means the features' own `id` member (Wikidata ids, OSM relation numbers).
  if (features.some((f) => f.featureId !== undefined)) keys.add('id');
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

