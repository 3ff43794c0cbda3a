import { listSites, type SiteSummary } from '../../model/site-summary.js';
import { ROLES, STANCE_LABELS, STATUSES, type Role } from '../../model/vocabulary.js';
import { sanitizeInline } from '../../text/sanitize.js';
import { renderTable } from '../../text/table.js';
import { DATA_OPTIONS, HELP_LINE, oneOf, parseCommandArgs, UsageError, yearOption } from '../args.js';
import { LENS_HELP, LENS_OPTIONS, lensFromArgs } from '../as-of.js';
import { latestReport, type Lens } from '../../model/status.js';
import { openDatasetCached } from '../context.js';
import { emptyResultMessage } from '../empty-result.js';
import { provinceOption } from '../province-option.js';
import { printJson, printLines, type Output } from '../output.js';
import { csvDocument } from '../../text/csv.js';

export const LIST_USAGE = `Usage: nk20x10 list [--as-of YYYY-MM-DD] [--hindsight] [--stale-after N] [--province P] [--status S]
                    [--year Y] [--role batch|pilot|related|all] [--format table|csv|json] [--bom] [--data DIR]

Program sites known as of the date (default today), with status, its strength (state claim, reported,
confirmed), who says so, whether it is stale, and the contested flag.
${LENS_HELP}
  --province  any spelling: "North Pyongan", "N. Phyongan", 평안북도, north-pyongan
  --status    ${STATUSES.join(', ')}, contested or stale
  --role      default: batch and pilot (the Kimhwa 2022 pilot); related sites need --role related or all
  --bom       (csv only) write a UTF-8 byte-order mark first, so Excel shows Hangul
CSV cells a spreadsheet would run as a formula (starting with = + - @, tab or CR) get a leading '.
${HELP_LINE}`;

/** The options this command accepts (its --help names every one: test/cli/help-options.test.ts). */
export const OPTIONS = {
  ...DATA_OPTIONS,
  ...LENS_OPTIONS,
  province: { type: 'string' },
  status: { type: 'string' },
  year: { type: 'string' },
  role: { type: 'string' },
  format: { type: 'string' },
  bom: { type: 'boolean' },
} as const;

export async function listCommand(argv: string[], io: Output): Promise<number> {
  const { values } = parseCommandArgs(argv, OPTIONS, LIST_USAGE);
  if (values.help) {
    io.out(`${LIST_USAGE}\n`);
    return 0;
  }
  const lens = lensFromArgs(values, LIST_USAGE);
  const format = oneOf('format', values.format, ['table', 'csv', 'json'], LIST_USAGE) ?? 'table';
  if (values.bom && format !== 'csv') throw new UsageError('--bom applies to --format csv only', LIST_USAGE);
  const status = oneOf('status', values.status, [...STATUSES, 'contested', 'stale'] as const, LIST_USAGE);
  const role = oneOf('role', values.role, [...ROLES, 'all'] as const, LIST_USAGE);
  const roles: readonly Role[] = role === 'all' ? ROLES : role ? [role] : ['batch', 'pilot'];
  const year = yearOption(values.year, LIST_USAGE);
  const province = provinceOption('--province', values.province, LIST_USAGE);
  const dataset = await openDatasetCached(values, io.err);

  const filter = { roles, ...(province ? { province: province.id } : {}), ...(year !== undefined ? { year } : {}) };
  const rows = listSites(dataset, lens, { ...filter, ...(status ? { status } : {}) });
  if (rows.length === 0 && format === 'table') {
    const knownWithoutStatus = status ? listSites(dataset, lens, filter).length : 0;
    io.err(emptyResultMessage(dataset, { roles, role, year, province, status, asOf: lens.asOf, knownWithoutStatus }));
  }

  const latest = latestReport(dataset.sites, lens) ?? null;
  // Every row carries the day, the mode and the latest report, so a row cut from the file still says when it was true.
  const stamped = rows.map((r) => ({ ...r, as_of: lens.asOf, hindsight: lens.hindsight, stale_after_months: lens.staleAfterMonths, latest_report: latest }));
  if (format === 'json') printJson(io.out, stamped);
  else if (format === 'csv') io.out(toCsv(stamped, values.bom ?? false));
  else printLines(io.out, toTable(rows, lens, latest));
  return 0;
}

const CSV_COLUMNS = [
  'id',
  'name_en',
  'name_ko',
  'province',
  'year',
  'role',
  'status',
  'strength',
  'stale',
  'label',
  'since',
  'period_start',
  'period_end',
  'published',
  'newest_evidence',
  'claimed_by',
  'contested',
  'uncertain',
  'sources',
  'as_of',
  'hindsight',
  'stale_after_months',
  'latest_report',
] as const;

type Stamped = SiteSummary & { as_of: string; hindsight: boolean; stale_after_months: number; latest_report: string | null };

/** The CSV document (src/text/csv.ts: RFC 4180 quoting, formula cells neutralised; numbers stay numbers). */
function toCsv(rows: Stamped[], bom: boolean): string {
  return csvDocument(
    CSV_COLUMNS,
    rows.map((r) => CSV_COLUMNS.map((c) => (c === 'sources' ? r.sources.join(' ') : c === 'province' ? r.province_en : r[c]))),
    { bom },
  );
}

/**
 * The marks of the table's Flags column, in the order they are shown, with their legend (README
 * "Commands"). The dashboard's marks: `!` contested and `?` uncertain mean the same there; `*`
 * there is a state claim, so a pilot is `P` here.
 */
export const LIST_FLAGS = [
  { letter: '!', meaning: 'contested (state media and outside reports disagree)', has: (r: SiteSummary) => r.contested },
  { letter: '?', meaning: 'uncertain (see show)', has: (r: SiteSummary) => r.uncertain },
  { letter: 'P', meaning: 'pilot or related site, not a yearly batch', has: (r: SiteSummary) => r.role !== 'batch' },
] as const;

/** The table: one headed column per field (flags as letters), then counts and the flag legend, once. */
function toTable(rows: SiteSummary[], lens: Required<Lens>, latest: string | null): string[] {
  const table = renderTable(
    [{ header: 'Year', align: 'right' }, { header: 'Province' }, { header: 'Site', max: 28 }, { header: '한글' }, { header: 'Status' }, { header: 'Since' }, { header: 'Says who' }, { header: 'Flags' }],
    rows.map((r) => [
      String(r.year),
      r.province_en,
      sanitizeInline(r.name_en),
      sanitizeInline(r.name_ko),
      r.label,
      r.since,
      STANCE_LABELS[r.claimed_by],
      LIST_FLAGS.filter((f) => f.has(r))
        .map((f) => f.letter)
        .join(' '),
    ]),
  );
  const contested = rows.filter((r) => r.contested).length;
  const stale = rows.filter((r) => r.stale).length;
  return [
    ...table,
    '',
    `${rows.length} sites as of ${lens.asOf}${lens.hindsight ? " in HINDSIGHT (today's knowledge of that day)" : ' (what was known then)'}; latest report ${latest ?? 'none'}.`,
    `${contested} contested (state media and outside reports disagree); ${stale} stale (no evidence in the ${lens.staleAfterMonths} months before).`,
    `Flags: ${LIST_FLAGS.map((f) => `${f.letter} ${f.meaning}`).join(' · ')}.`,
  ];
}
