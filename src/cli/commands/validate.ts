import { join, relative, resolve } from 'node:path';
import { formatError, type LocatedError } from '../../load/errors.js';
import { readYamlFile } from '../../load/yaml-file.js';
import type { Dataset } from '../../model/types.js';
import { DEFAULT_DATA_DIR } from '../../paths.js';
import { sanitizeInline } from '../../text/sanitize.js';
import { DATA_OPTIONS, HELP_LINE, parseCommandArgs } from '../args.js';
import { openDataset } from '../context.js';
import type { Output } from '../output.js';

export const VALIDATE_USAGE = `Usage: nk20x10 validate [--warnings] [--data DIR]

Checks every data file (shape, dates, references, ids, names) and the county registry.
Exit 0 with a summary line, or exit 1 listing every error as FILE:LINE:COL field: message.
  --warnings  also list what is valid but weak, one line each, FILE:LINE:COL field: warning: …
              (today: every source without a URL, with its id and outlet). Warnings alone
              still exit 0.
${HELP_LINE}`;

/** The options this command accepts (its --help names every one: test/cli/help-options.test.ts). */
export const OPTIONS = { ...DATA_OPTIONS, warnings: { type: 'boolean' } } as const;

export function validateCommand(argv: string[], io: Output): number {
  const { values } = parseCommandArgs(argv, OPTIONS, VALIDATE_USAGE);
  if (values.help) {
    io.out(`${VALIDATE_USAGE}\n`);
    return 0;
  }
  const d = openDataset(values);
  if (values.warnings) {
    const warnings = sourcesWithoutUrl(d, values.data ? resolve(values.data) : DEFAULT_DATA_DIR);
    for (const w of warnings) io.out(`${formatError(w)}\n`);
    io.out(`${warnings.length} warning${warnings.length === 1 ? '' : 's'}: source${warnings.length === 1 ? '' : 's'} without a URL\n`);
  }
  const count = (f: (s: (typeof d.sites)[number]) => number) => d.sites.reduce((n, s) => n + f(s), 0);
  const years = [...new Set(d.sites.map((s) => s.year))].sort();
  const perYear = years.map((y) => `${y}: ${d.sites.filter((s) => s.year === y && s.role !== 'related').length}`).join(', ');
  io.out(
    `ok: ${d.sites.length} sites (${perYear}), ${count((s) => s.milestones.length)} milestones, ` +
      `${count((s) => s.facilities.length)} facilities, ${count((s) => s.evidence.length)} status statements, ` +
      `${count((s) => s.prices.length)} prices, ${count((s) => s.quotes.length)} quotes, ` +
      `${d.sources.size} sources, ${d.registry.counties.length} registry counties in ${d.registry.provinces.length} first-level units\n`,
  );
  return 0;
}

/**
 * Every source in `dataDir/sources.yaml` that has no `url`, in file order, located at its `id`
 * and worded `sources[i].url: warning: no URL for source ID (OUTLET)`. Takes the already
 * validated dataset (for the outlet) and the directory it was loaded from; the file is read
 * again only to locate each entry. The path is shown relative to the working directory, as
 * errors are; id and outlet are sanitised. Returns [] if the file cannot be re-read.
 */
export function sourcesWithoutUrl(dataset: Dataset, dataDir: string): LocatedError[] {
  const path = join(dataDir, 'sources.yaml');
  const yaml = readYamlFile(path);
  if (!yaml.ok) return [];
  const entries = (yaml.value.data as { sources?: unknown }).sources;
  if (!Array.isArray(entries)) return [];
  const file = relative(process.cwd(), path) || path;
  const out: LocatedError[] = [];
  entries.forEach((entry, i) => {
    const id = (entry as { id?: unknown } | null)?.id;
    const source = typeof id === 'string' ? dataset.sources.get(id) : undefined;
    if (!source || (source.url !== undefined && source.url.trim() !== '')) return;
    const at = yaml.value.locate(['sources', i, 'id']);
    out.push({
      file,
      ...at,
      field: `sources[${i}].url`,
      message: `warning: no URL for source ${sanitizeInline(source.id)} (${sanitizeInline(source.outlet)})`,
    });
  });
  return out;
}
