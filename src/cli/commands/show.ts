import { resolvePlace } from '../../model/places.js';
import { describePlaceLookup } from '../../model/place-hints.js';
import type { Dataset } from '../../model/types.js';
import { buildSiteReport, type SiteReport, type StatusReport } from '../../model/site-report.js';
import { contestedSummary, sourceName, statementRows } from '../../model/statements.js';
import { STANCE_LABELS, STATUS_LABELS, STRENGTH_LABELS } from '../../model/vocabulary.js';
import type { County } from '../../registry/types.js';
import { sanitizeInline } from '../../text/sanitize.js';
import { renderTable } from '../../text/table.js';
import { wrapCells } from '../../text/width.js';
import { DATA_OPTIONS, HELP_LINE, oneOf, parseCommandArgs, UsageError } from '../args.js';
import { LENS_HELP, LENS_OPTIONS, lensFromArgs } from '../as-of.js';
import { openDatasetCached } from '../context.js';
import { LookupError } from '../lookup-error.js';
import { printJson, printLines, type Output } from '../output.js';

export const SHOW_USAGE = `Usage: nk20x10 show COUNTY [--as-of YYYY-MM-DD] [--hindsight] [--stale-after N] [--format text|json] [--data DIR]

Everything known about one site as of the date (default today): status, its strength and who says so, facilities,
timeline, products, prices, every dated statement by period (state media beside outside sources, relay outlets
kept) and every source cited; the latest report about the site and in the whole dataset.
COUNTY is any spelling: an id (kimhyongjik), DPRK or registry English (Kim Hyong Jik, Kimhyongjik),
McCune–Reischauer (Kimhyŏngjik-kun), Revised Romanization (Gimhyeongjik-gun) or Hangul (김형직군).
A name two places share ("Unsan") is refused: add the province ("Unsan, North Pyongan") or use the id.
${LENS_HELP}
${HELP_LINE}`;

/** The options this command accepts (its --help names every one: test/cli/help-options.test.ts). */
export const OPTIONS = { ...DATA_OPTIONS, ...LENS_OPTIONS, format: { type: 'string' } } as const;

export async function showCommand(argv: string[], io: Output): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS, SHOW_USAGE, 1);
  if (values.help) {
    io.out(`${SHOW_USAGE}\n`);
    return 0;
  }
  const query = positionals[0];
  if (query === undefined) throw new UsageError('missing COUNTY', SHOW_USAGE);
  const lens = lensFromArgs(values, SHOW_USAGE);
  const format = oneOf('format', values.format, ['text', 'json'], SHOW_USAGE) ?? 'text';
  const dataset = await openDatasetCached(values, io.err);
  const resolved = resolvePlace(dataset, query);
  if (resolved.kind !== 'found') throw new LookupError(`show COUNTY: ${describePlaceLookup(dataset, query, resolved)}`);
  const place = resolved.target;

  if (place.kind === 'county') {
    if (format === 'json') printJson(io.out, { county: countyJson(dataset, place.county), program_site: null });
    else printLines(io.out, [...countyLines(dataset, place.county), '', 'Not a 20×10 program site in this dataset.']);
    return 0;
  }
  const report = buildSiteReport(dataset, place.site, lens);
  if (format === 'json') printJson(io.out, report);
  else printLines(io.out, reportLines(report, process.stdout.columns ?? 100));
  return 0;
}

function countyJson(dataset: Dataset, c: County) {
  return { ...c, province_en: dataset.registry.provinceById.get(c.province)?.name_en ?? c.province };
}

function countyLines(dataset: Dataset, c: County): string[] {
  const province = dataset.registry.provinceById.get(c.province);
  return [
    `${c.name_en}  ${c.name_ko}  ${c.name_hanja}`,
    `${c.type}, ${province?.name_en ?? c.province} (${province?.name_ko ?? ''})   registry id ${c.id}` +
      (c.wikidata ? `   Wikidata ${c.wikidata}` : '') +
      (c.osm_relation ? `   OSM relation ${c.osm_relation}` : ''),
    `Seat ${c.seat.lat.toFixed(3)}°N ${c.seat.lon.toFixed(3)}°E (${c.seat.source})`,
    `Spellings: ${c.spellings.map((s) => s.name + (s.derived ? '†' : '')).join(' · ')}   († derived by romanisation rules)`,
  ];
}

function statusPhrase(s: StatusReport | null): string {
  if (!s) return 'nothing known yet';
  return `${STATUS_LABELS[s.status].toUpperCase()} (${STRENGTH_LABELS[s.strength]}${s.stale ? ', STALE' : ''})${s.uncertain ? ' (uncertain)' : ''} ${s.since_label.startsWith('since ') ? s.since_label : `since ${s.since_label}`}, per ${STANCE_LABELS[s.claimed_by]} [${s.sources.join(', ')}]`;
}

export function reportLines(r: SiteReport, columns: number): string[] {
  const width = Math.max(60, Math.min(columns, 120));
  const wrap = (text: string, indent = '    ') => wrapCells(sanitizeInline(text), width - indent.length).map((l) => indent + l);
  const out: string[] = [];
  const heading = (title: string) => out.push('', `── ${title} ${'─'.repeat(Math.max(0, width - title.length - 4))}`);

  out.push(`${sanitizeInline(r.name_en)}  ${sanitizeInline(r.name_ko)}  ·  ${r.province_en} ${r.province_ko}  ·  ${r.year} ${r.role === 'batch' ? 'batch' : r.role}`);
  out.push(`Registry unit: ${r.county.name_en} ${r.county.name_ko} ${r.county.name_hanja} (${r.county.type}, ${r.county.id})`);
  if (r.province_note) out.push(...wrap(`Province note: ${r.province_note}`, ''));
  out.push(...wrap(`As of ${r.as_of}${r.hindsight ? " in HINDSIGHT (today's knowledge of that day)" : ' (what was known then)'}: ${statusPhrase(r.status)}`, ''));
  out.push(`Latest report about this site${r.hindsight ? '' : ' known then'}: ${r.site_latest_report ?? 'none'}`);
  out.push(`Latest report in the whole dataset${r.hindsight ? '' : ' known then'}: ${r.latest_report ?? 'none'}`);
  if (r.status) {
    out.push(
      ...wrap(
        `Published ${r.status.published_label}; covers ${r.status.period_start}${r.status.period_end === r.status.period_start ? '' : ` to ${r.status.period_end}`}; newest evidence ${r.status.newest_evidence}` +
          (r.status.stale ? ` (STALE: older than ${r.stale_after_months} months)` : ''),
      ),
    );
    for (const u of r.status.uncertain_reasons) out.push(...wrap(`Uncertain: ${u}`));
  }
  if (r.status?.contested) {
    out.push(...wrap(`CONTESTED: ${contestedSummary(r.status.state_view, r.status.outside_view)}`, '').map((l, i) => (i === 0 ? l : `    ${l}`)));
  }

  heading('Facilities');
  if (r.facilities.length === 0) out.push('    none recorded');
  for (const f of r.facilities) out.push(`    ${sanitizeInline(f.name)} [${f.kind}]: ${statusPhrase(f.status)}`);

  heading('Timeline');
  if (r.timeline.length === 0) out.push('    nothing dated yet');
  for (const t of r.timeline) {
    const mark = t.claimed_by === 'state_media' ? 'SM' : t.claimed_by === 'rok_government' ? 'ROK' : t.claimed_by === 'analyst' ? 'AN' : 'OUT';
    const [first = '', ...more] = wrapCells(sanitizeInline(`${t.kind}: ${t.title}${t.uncertain ? ' (uncertain)' : ''}`), width - 29);
    out.push(`  ${t.date_label.padEnd(22)} ${mark.padEnd(3)} ${first}`, ...more.map((l) => ' '.repeat(29) + l));
    if (t.people.length) out.push(...wrap(`with ${t.people.join(', ')}`, ' '.repeat(29)));
    if (t.note) out.push(...wrap(t.note, ' '.repeat(29)));
    out.push(' '.repeat(29) + `[${t.sources.join(', ')}]`);
  }

  if (r.products.length) {
    heading('Products');
    out.push(...wrap(r.products.map((p) => p.name + (p.name_ko ? ` (${p.name_ko})` : '')).join(' · ')));
  }
  if (r.prices.length) {
    heading('Prices (won)');
    out.push(
      ...renderTable(
        [{ header: 'Item' }, { header: 'Unit' }, { header: 'Won', align: 'right' }, { header: 'Price' }, { header: 'Date' }, { header: 'Source' }],
        r.prices.map((p) => [
          sanitizeInline(p.item + (p.item_ko ? ` ${p.item_ko}` : '')),
          sanitizeInline(p.unit),
          p.won.toLocaleString('en-US'),
          p.market,
          p.date,
          p.source + (p.uncertain ? ' (uncertain)' : ''),
        ]),
      ).map((l) => `    ${l}`),
    );
  }
  if (r.statements.length) {
    heading('State media · outside sources, by date');
    for (const row of statementRows(r.statements)) {
      out.push(`  ${row.period_label}`);
      for (const side of [row.state_media, row.outside]) {
        for (const st of side) {
          const words = st.kind === 'quote' ? `“${st.text}”${st.translated ? ' (translated)' : ''}` : st.text;
          out.push(`    [${STANCE_LABELS[st.stance].toUpperCase()}] ${st.kind}, ${st.date_label}${st.uncertain ? ' (uncertain)' : ''}`);
          out.push(...wrap(words, '      '));
          out.push(...wrap(`${st.speaker ? `${st.speaker}; ` : ''}${st.outlets.join('; ')} [${st.sources.join(', ')}]`, '      '));
        }
      }
    }
    const originals = r.quotes.filter((q) => q.original);
    for (const q of originals) out.push(...wrap(`original of “${q.text}”: ${q.original}`));
  }
  if (r.notes.length) {
    heading('Notes');
    for (const n of r.notes) out.push(...wrap(`${n.text} [${n.source}]${n.uncertain ? ' (uncertain)' : ''}`, '  - ').map((l, i) => (i === 0 ? l : `    ${l.slice(4)}`)));
  }
  if (r.aliases.length) {
    heading('Spellings seen in sources');
    for (const a of r.aliases) out.push(...wrap(`${a.name} [${a.source}]${a.note ? `: ${a.note}` : ''}`));
  }
  heading('Sources');
  for (const s of r.sources) {
    out.push(...wrap(`${s.id}: ${sourceName(s)}, ${s.date}${s.title ? `, “${s.title}”` : ''} (${STANCE_LABELS[s.kind]})${s.uncertain ? ' (uncertain)' : ''}`, '  ').map((l, i) => (i === 0 ? l : `    ${l.slice(2)}`)));
    out.push(`      ${s.url ? sanitizeInline(s.url) : '(no URL recorded)'}`);
  }
  return out;
}
