import { listSites, type SiteSummary } from '../../model/site-summary.js';
import { ROLES, STANCE_LABELS, STATUS_LABELS, STATUSES, type Role } from '../../model/vocabulary.js';
import { findProvince } from '../../registry/provinces.js';
import { sanitizeInline } from '../../text/sanitize.js';
import { renderTable } from '../../text/table.js';
import { DATA_OPTIONS, oneOf, parseCommandArgs, UsageError } from '../args.js';
import { asOfDate } from '../as-of.js';
import { openDatasetCached } from '../context.js';
import { csvField, printJson, printLines, type Output } from '../output.js';

export const LIST_USAGE = `Usage: nk20x10 list [--as-of YYYY-MM-DD] [--province P] [--status S] [--year Y]
                    [--role batch|pilot|related|all] [--format table|csv|json] [--data DIR]

Program sites known as of the date (default today), with status, who says so, and the contested flag.
  --province  any spelling: "North Pyongan", "N. Phyongan", 평안북도, north-pyongan
  --status    ${STATUSES.join(', ')}, or contested
  --role      default: batch and pilot (the Kimhwa 2022 pilot); related sites need --role related or all`;

const OPTIONS = {
  ...DATA_OPTIONS,
  'as-of': { type: 'string' },
  province: { type: 'string' },
  status: { type: 'string' },
  year: { type: 'string' },
  role: { type: 'string' },
  format: { type: 'string' },
} as const;

export async function listCommand(argv: string[], io: Output): Promise<number> {
  const { values } = parseCommandArgs(argv, OPTIONS, LIST_USAGE);
  if (values.help) {
    io.out(`${LIST_USAGE}\n`);
    return 0;
  }
  const asOf = asOfDate(values['as-of'], LIST_USAGE);
  const format = oneOf('format', values.format, ['table', 'csv', 'json'], LIST_USAGE) ?? 'table';
  const status = oneOf('status', values.status, [...STATUSES, 'contested'] as const, LIST_USAGE);
  const role = oneOf('role', values.role, [...ROLES, 'all'] as const, LIST_USAGE);
  const roles: readonly Role[] = role === 'all' ? ROLES : role ? [role] : ['batch', 'pilot'];
  let year: number | undefined;
  if (values.year !== undefined) {
    year = Number(values.year);
    if (!/^\d{4}$/.test(values.year)) throw new UsageError(`--year must be a year like 2025 (got "${values.year}")`, LIST_USAGE);
  }
  const dataset = await openDatasetCached(values, io.err);
  const province = values.province === undefined ? undefined : findProvince(values.province);
  if (values.province !== undefined && !province) {
    const known = dataset.registry.provinces.map((p) => p.name_en).join(', ');
    throw new UsageError(`--province: unknown first-level unit "${sanitizeInline(values.province)}"; one of: ${known}`, LIST_USAGE);
  }

  const rows = listSites(dataset, asOf, {
    roles,
    ...(province ? { province: province.id } : {}),
    ...(status ? { status } : {}),
    ...(year !== undefined ? { year } : {}),
  });

  if (format === 'json') printJson(io.out, rows);
  else if (format === 'csv') io.out(toCsv(rows));
  else printLines(io.out, toTable(rows, asOf));
  return 0;
}

const CSV_COLUMNS = ['id', 'name_en', 'name_ko', 'province', 'year', 'role', 'status', 'since', 'claimed_by', 'contested', 'sources'] as const;

function toCsv(rows: SiteSummary[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(
      CSV_COLUMNS.map((c) => (c === 'sources' ? csvField(r.sources.join(' ')) : c === 'province' ? csvField(r.province_en) : csvField(r[c]))).join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

function toTable(rows: SiteSummary[], asOf: string): string[] {
  const table = renderTable(
    [{ header: 'Year', align: 'right' }, { header: 'Province' }, { header: 'Site', max: 28 }, { header: '한글' }, { header: 'Status' }, { header: 'Since' }, { header: 'Says who' }, { header: '' }],
    rows.map((r) => [
      String(r.year) + (r.role === 'batch' ? '' : '*'),
      r.province_en,
      sanitizeInline(r.name_en),
      sanitizeInline(r.name_ko),
      STATUS_LABELS[r.status] + (r.uncertain ? '?' : ''),
      r.since,
      STANCE_LABELS[r.claimed_by],
      r.contested ? 'CONTESTED' : '',
    ]),
  );
  const contested = rows.filter((r) => r.contested).length;
  return [
    ...table,
    '',
    `${rows.length} sites as of ${asOf}; ${contested} contested (state media and outside reports disagree).` +
      (rows.some((r) => r.role !== 'batch') ? ' * pilot or related site.' : '') +
      (rows.some((r) => r.uncertain) ? ' ? status rests on an uncertain report.' : ''),
  ];
}
