import { DATA_OPTIONS, parseCommandArgs } from '../args.js';
import { openDataset } from '../context.js';
import type { Output } from '../output.js';

export const VALIDATE_USAGE = `Usage: nk20x10 validate [--data DIR]

Checks every data file (shape, dates, references, ids, names) and the county registry.
Exit 0 with a summary line, or exit 1 listing every error as FILE:LINE:COL field: message.`;

export function validateCommand(argv: string[], io: Output): number {
  const { values } = parseCommandArgs(argv, DATA_OPTIONS, VALIDATE_USAGE);
  if (values.help) {
    io.out(`${VALIDATE_USAGE}\n`);
    return 0;
  }
  const d = openDataset(values);
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
