/** `nk20x10 gap`: state-media claims beside outside reports, one row per program site. */
import { gapRows, type GapRow, type GapSide } from '../../model/gap.js';
import { latestReport, type Lens } from '../../model/status.js';
import { STANCE_LABELS } from '../../model/vocabulary.js';
import { csvDocument, type CsvValue } from '../../text/csv.js';
import { sanitizeInline } from '../../text/sanitize.js';
import { displayWidth, padCells, wrapCells } from '../../text/width.js';
import { ageText, gapQuoteText, gapSideSummary } from '../../view/gap-lines.js';
import { DATA_OPTIONS, HELP_LINE, oneOf, parseCommandArgs, UsageError, yearOption } from '../args.js';
import { LENS_HELP, LENS_OPTIONS, lensFromArgs } from '../as-of.js';
import { openDatasetCached } from '../context.js';
import { emptyResultMessage } from '../empty-result.js';
import { provinceOption } from '../province-option.js';
import { printJson, printLines, type Output } from '../output.js';

export const GAP_USAGE = `Usage: nk20x10 gap [--as-of YYYY-MM-DD] [--hindsight] [--stale-after N] [--province P] [--year Y]
                   [--format table|csv|json|md] [--bom] [--data DIR]

The gap: for every program site known as of the date (default today), the latest state-media
statement beside the latest outside statement (outside reports, ROK government, analysts), each
with its status, period, publication date and age, outlet (with the relay it was read through),
sources and a short quote. Contested sites first, then the oldest outside evidence first.
${LENS_HELP}
  --province  any spelling: "North Pyongan", "N. Phyongan", 평안북도, north-pyongan
  --year      program year, e.g. 2025
  --format    table (default), csv, json or md (a Markdown table)
  --bom       (csv only) write a UTF-8 byte-order mark first, so Excel shows Hangul
CSV cells a spreadsheet would run as a formula (starting with = + - @, tab or CR) get a leading '.
${HELP_LINE}`;

/** The options this command accepts (its --help names every one: test/cli/help-options.test.ts). */
export const OPTIONS = {
  ...DATA_OPTIONS,
  ...LENS_OPTIONS,
  province: { type: 'string' },
  year: { type: 'string' },
  format: { type: 'string' },
  bom: { type: 'boolean' },
} as const;

/** Runs `gap`; returns the exit code (0). Throws UsageError (exit 2) for bad options, DataError (exit 1) for bad data. */
export async function gapCommand(argv: string[], io: Output): Promise<number> {
  const { values } = parseCommandArgs(argv, OPTIONS, GAP_USAGE);
  if (values.help) {
    io.out(`${GAP_USAGE}\n`);
    return 0;
  }
  const lens = lensFromArgs(values, GAP_USAGE);
  const format = oneOf('format', values.format, ['table', 'csv', 'json', 'md'], GAP_USAGE) ?? 'table';
  if (values.bom && format !== 'csv') throw new UsageError('--bom applies to --format csv only', GAP_USAGE);
  const year = yearOption(values.year, GAP_USAGE);
  const province = provinceOption('--province', values.province, GAP_USAGE);
  const dataset = await openDatasetCached(values, io.err);
  const rows = gapRows(dataset, lens, { ...(province ? { province: province.id } : {}), ...(year !== undefined ? { year } : {}) });
  if (rows.length === 0 && (format === 'table' || format === 'md')) {
    io.err(emptyResultMessage(dataset, { roles: ['batch', 'pilot'], year, province, asOf: lens.asOf, knownWithoutStatus: 0 }));
  }
  const latest = latestReport(dataset.sites, lens) ?? null;
  if (format === 'json') printJson(io.out, rows.map((r) => ({ ...r, ...stamp(lens, latest) })));
  else if (format === 'csv') io.out(gapCsv(rows, lens, latest, values.bom ?? false));
  else if (format === 'md') printLines(io.out, gapMarkdown(rows, lens, latest));
  else printLines(io.out, gapTable(rows, lens, latest));
  return 0;
}

/** Every row says the day, the mode and the latest report, so a row cut from the file still says when it was true. */
function stamp(lens: Required<Lens>, latest: string | null) {
  return { as_of: lens.asOf, hindsight: lens.hindsight, stale_after_months: lens.staleAfterMonths, latest_report: latest };
}

function footer(rows: GapRow[], lens: Required<Lens>, latest: string | null): string[] {
  const contested = rows.filter((r) => r.contested).length;
  const noOutside = rows.filter((r) => r.outside === null).length;
  return [
    `${rows.length} sites as of ${lens.asOf}${lens.hindsight ? " in HINDSIGHT (today's knowledge of that day)" : ' (what was known then)'}; latest report ${latest ?? 'none'}.`,
    `${contested} contested (state media and outside reports disagree); ${noOutside} with no outside statement. Ages are months from publication to ${lens.asOf}.`,
  ];
}

const SIDE_FIELDS = ['status', 'strength', 'label', 'date', 'published', 'age_months', 'stale', 'claimed_by', 'outlet', 'sources', 'quote', 'quote_speaker', 'quote_from', 'uncertain'] as const;

/** CSV columns: the site, then `state_*` and `outside_*` (empty when that side has no statement), then the lens. */
export const GAP_CSV_COLUMNS = [
  'site_id',
  'name_en',
  'name_ko',
  'province',
  'year',
  'status_label',
  'contested',
  'uncertain',
  ...SIDE_FIELDS.map((f) => `state_${f}`),
  ...SIDE_FIELDS.map((f) => `outside_${f}`),
  'newest_outside',
  'as_of',
  'hindsight',
  'stale_after_months',
  'latest_report',
];

function sideValues(s: GapSide | null): CsvValue[] {
  return SIDE_FIELDS.map((f) => (s === null ? null : f === 'sources' ? s.source_ids.join(' ') : s[f]));
}

function gapCsv(rows: GapRow[], lens: Required<Lens>, latest: string | null, bom: boolean): string {
  return csvDocument(
    GAP_CSV_COLUMNS,
    rows.map((r) => [
      r.site_id,
      r.name_en,
      r.name_ko,
      r.province_en,
      r.year,
      r.status_label,
      r.contested,
      r.uncertain,
      ...sideValues(r.state),
      ...sideValues(r.outside),
      r.newest_outside,
      lens.asOf,
      lens.hindsight,
      lens.staleAfterMonths,
      latest,
    ]),
    { bom },
  );
}

/** One side as text lines of at most `width` cells: status · period · age, outlet, quote, sources. */
function sideLines(s: GapSide | null, width: number): string[] {
  if (!s) return ['nothing known'];
  return [
    ...wrapCells(gapSideSummary(s), width),
    ...wrapCells(`${STANCE_LABELS[s.claimed_by]}: ${s.outlet}, published ${s.published}`, width),
    ...(s.quote ? wrapCells(gapQuoteText(s), width) : []),
    ...wrapCells(`[${s.source_ids.join(', ')}]`, width),
  ];
}

const COLUMN = 56;

/** The table: per site a title line, then state media | outside sources in two columns aligned by display width. */
function gapTable(rows: GapRow[], lens: Required<Lens>, latest: string | null): string[] {
  const out = [`${padCells('STATE MEDIA: latest claim', COLUMN)} │ OUTSIDE SOURCES: latest report`, `${'─'.repeat(COLUMN)}─┼─${'─'.repeat(COLUMN)}`];
  for (const r of rows) {
    out.push(`${r.name_en} ${r.name_ko} · ${r.province_en} · ${r.year}${r.contested ? ' · CONTESTED' : ''}${r.uncertain ? ' · uncertain' : ''}`);
    const left = sideLines(r.state, COLUMN);
    const right = sideLines(r.outside, COLUMN);
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      const l = left[i] ?? '';
      out.push(`${l}${' '.repeat(Math.max(0, COLUMN - displayWidth(l)))} │ ${right[i] ?? ''}`.trimEnd());
    }
    out.push('');
  }
  return [...out, ...footer(rows, lens, latest)];
}

/** A Markdown cell: `|` escaped, on one line. */
function md(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function mdSide(s: GapSide | null): string {
  if (!s) return 'nothing known';
  const quote = gapQuoteText(s);
  return md(`**${s.label}**${s.uncertain ? ' (uncertain)' : ''} · ${s.date_label} · ${s.outlet}, published ${s.published} (${ageText(s)})${quote ? ` · ${quote}` : ''} · [${s.source_ids.join(', ')}]`);
}

function gapMarkdown(rows: GapRow[], lens: Required<Lens>, latest: string | null): string[] {
  return [
    `# The gap as of ${lens.asOf}${lens.hindsight ? ' (hindsight)' : ''}`,
    '',
    '| Site | Province | Year | Contested | State media: latest claim | Outside sources: latest report |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${md(`${r.name_en} ${r.name_ko}`)} | ${md(r.province_en)} | ${r.year} | ${r.contested ? '**CONTESTED**' : ''} | ${mdSide(r.state)} | ${mdSide(r.outside)} |`),
    '',
    ...footer(rows, lens, latest),
  ];
}
