/** What to tell a user whose filters matched no program site (`list`, `gap`; table and md formats). */
import type { Dataset } from '../model/types.js';
import type { Role } from '../model/vocabulary.js';
import type { Province } from '../registry/types.js';

export interface AppliedFilters {
  roles: readonly Role[];
  /** `--role` as typed, when given. */
  role?: string | undefined;
  year?: number | undefined;
  province?: Province | undefined;
  /** `--status` as typed, when given. */
  status?: string | undefined;
  asOf: string;
  /** How many sites pass every filter but `--status` as of the day (the same as the result's length without --status). */
  knownWithoutStatus: number;
}

/**
 * One line for stderr, e.g. `nk20x10: no program sites for --year 1999 as of 2026-12-01; program
 * years are 2022 (pilot), 2024–2026`: the filters that were applied, then why nothing matched
 * (no site in that year or province, none known yet on that day, none with that status).
 */
export function emptyResultMessage(dataset: Dataset, f: AppliedFilters): string {
  const given = [
    ...(f.year !== undefined ? [`--year ${f.year}`] : []),
    ...(f.province ? [`--province ${f.province.name_en}`] : []),
    ...(f.role !== undefined ? [`--role ${f.role}`] : []),
    ...(f.status !== undefined ? [`--status ${f.status}`] : []),
  ];
  const what = `no program sites${given.length ? ` for ${given.join(' ')}` : ''} as of ${f.asOf}`;
  const inRoles = dataset.sites.filter((s) => f.roles.includes(s.role));
  const inYear = inRoles.filter((s) => f.year === undefined || s.year === f.year);
  const matching = inYear.filter((s) => f.province === undefined || s.province === f.province.id);
  let why: string;
  if (f.year !== undefined && inYear.length === 0) {
    why = `program years are ${yearsText(inRoles.map((s) => ({ year: s.year, role: s.role })))}`;
  } else if (f.province && matching.length === 0) {
    const ids = new Set(inYear.map((s) => s.province));
    const where = dataset.registry.provinces.filter((p) => ids.has(p.id)).map((p) => p.name_en);
    why = `${f.province.name_en} has none${f.year !== undefined ? ` in ${f.year}` : ''}; ${where.length ? `sites are in ${where.join(', ')}` : 'no province has one'}`;
  } else if (matching.length === 0) {
    why = 'the dataset has no site of that role';
  } else if (f.knownWithoutStatus === 0) {
    why = `none of the ${matching.length} matching site${matching.length === 1 ? ' was' : 's was'} known yet on that day; try a later --as-of`;
  } else {
    why = `${f.knownWithoutStatus} site${f.knownWithoutStatus === 1 ? ' was' : 's were'} known then under the other filters; none has --status ${f.status ?? ''}`;
  }
  return `nk20x10: ${what}; ${why}\n`;
}

/** `2022 (pilot), 2024–2026`: the distinct years, consecutive runs joined, a pilot-only year marked. */
function yearsText(sites: { year: number; role: Role }[]): string {
  const years = [...new Set(sites.map((s) => s.year))].sort((a, b) => a - b);
  if (years.length === 0) return 'none in this dataset';
  const label = (y: number) => (sites.every((s) => s.year !== y || s.role === 'pilot') ? `${y} (pilot)` : String(y));
  const runs: number[][] = [];
  for (const y of years) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === y - 1 && !label(y).includes('(') && !label(last[0]!).includes('(')) last.push(y);
    else runs.push([y]);
  }
  return runs.map((r) => (r.length === 1 ? label(r[0]!) : `${r[0]}–${r[r.length - 1]}`)).join(', ');
}
