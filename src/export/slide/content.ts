/**
 * The text blocks of a slide, as styled lines, from the pure view builders: site tables for a
 * province, every first-level unit for the nation (full list or compact table), the gap rows.
 * Every string from data is sanitised here or in the builders called.
 */
import type { Dataset } from '../../model/types.js';
import { summarizeSite, type SiteSummary } from '../../model/site-summary.js';
import type { Lens } from '../../model/status.js';
import { STATUSES, STATUS_LABELS, type Status } from '../../model/vocabulary.js';
import { LEGEND } from '../../map/legend.js';
import { sanitizeInline } from '../../text/sanitize.js';
import { renderTable } from '../../text/table.js';
import { text, wrapLine, type Line } from '../../view/paint.js';
import { MUTED, statusColour } from '../../view/theme.js';
import { displayWidth } from '../../text/width.js';

/** "── Title ─────" across `width` cells, bold title. */
export function headingLine(title: string, width: number): Line {
  const t = sanitizeInline(title);
  return [text(`── ${t} `, { bold: true }), text('─'.repeat(Math.max(0, width - t.length - 4)), { fg: MUTED })];
}

/** A status swatch: two cells of its map colour, or its map glyph twice without colour. */
export function swatch(status: Status | null, noColor: boolean): Line {
  if (status === null) return [text('  ')];
  return noColor ? [text(LEGEND[status].glyph.repeat(2) === '  ' ? '··' : LEGEND[status].glyph.repeat(2))] : [text('  ', { bg: statusColour(status) })];
}

/** Site summaries known under the lens, in the order of `sites`; sites nothing was known of yet are left out. */
export function summaries(dataset: Dataset, lens: Lens, ids: readonly string[]): SiteSummary[] {
  const out: SiteSummary[] = [];
  for (const site of dataset.sites) if (ids.includes(site.id)) {
    const s = summarizeSite(dataset, site, lens);
    if (s) out.push(s);
  }
  return out;
}

/** Flags of a site row: "CONTESTED", "uncertain", "stale", joined by " · ". */
export function flagText(s: SiteSummary): string {
  return [s.contested ? 'CONTESTED' : '', s.uncertain ? 'uncertain' : '', s.stale ? 'stale' : ''].filter(Boolean).join(' · ');
}

/**
 * The sites as a list of two lines each: swatch, name (English and Korean) and batch year; then
 * status (strength), since when, and the flags (contested, uncertain, stale). Nothing is cut:
 * lines wider than `width` wrap.
 */
export function siteTableLines(sites: readonly SiteSummary[], width: number, noColor: boolean): Line[] {
  const out: Line[] = [];
  for (const s of sites) {
    const flags = flagText(s);
    out.push(
      ...wrapLine([...swatch(s.status, noColor), text(` ${sanitizeInline(s.name_en)} `, { bold: true }), text(sanitizeInline(s.name_ko)), text(` · ${s.year}${s.role === 'batch' ? ' batch' : ` ${s.role}`}`, { fg: MUTED })], width, 3),
      ...wrapLine([text(`   ${sanitizeInline(s.label)} since ${sanitizeInline(s.since)}`), ...(flags ? [text(` · ${flags}`, { bold: true })] : [])], width, 5),
    );
  }
  return out;
}

/**
 * Every first-level unit of the registry with its program sites, one line a site, in registry
 * order; a unit without sites says so. Every unit is named.
 */
export function nationalListLines(dataset: Dataset, lens: Lens, width: number, noColor: boolean): Line[] {
  const lines: Line[] = [];
  for (const p of dataset.registry.provinces) {
    const ids = dataset.sites.filter((s) => s.province === p.id).map((s) => s.id);
    const sites = summaries(dataset, lens, ids);
    const count = ids.length === 0 ? 'no program site known' : `${ids.length} site${ids.length === 1 ? '' : 's'}${sites.length < ids.length ? ` (${ids.length - sites.length} not reported by this day)` : ''}`;
    lines.push([text(sanitizeInline(`${p.name_en} ${p.name_ko}`), { bold: true }), text(` · ${count}`, { fg: MUTED })]);
    for (const s of sites) {
      const flags = flagText(s);
      const line: Line = [text('  '), ...swatch(s.status, noColor), text(` ${sanitizeInline(s.name_en)} `), text(`${s.year} · ${s.label}${flags ? ` · ${flags}` : ''}`, { fg: MUTED })];
      lines.push(line);
    }
  }
  return lines;
}

/** Column headers of the compact table (the key under it gives the full labels). */
const SHORT: Record<Status, string> = {
  selected: 'Sel',
  under_construction: 'Constr',
  inaugurated: 'Inaug',
  operating: 'Oper',
  underproducing: 'Below',
  operating_for_show: 'Show',
  disrupted: 'Disr',
  unknown: 'Unkn',
};

/** Two-letter column headers, for a column too narrow for SHORT (the key under the table gives the full labels). */
const TINY: Record<Status, string> = {
  selected: 'Se',
  under_construction: 'UC',
  inaugurated: 'In',
  operating: 'Op',
  underproducing: 'Lo',
  operating_for_show: 'Sh',
  disrupted: 'Di',
  unknown: 'Un',
};

/**
 * The compact national table: one row per first-level unit (all of them), its number of program
 * sites and the count per status, and a total row. For when the full list does not fit. Never cut:
 * when the table is wider than `width` cells its headers shorten (two letters, "Cont"; the key under
 * it spells them out), then the units are named in English only; the key wraps.
 */
export function nationalTableLines(dataset: Dataset, lens: Lens, width: number, noColor: boolean): Line[] {
  const per = dataset.registry.provinces.map((p) => ({
    p,
    sites: summaries(dataset, lens, dataset.sites.filter((s) => s.province === p.id).map((s) => s.id)),
    all: dataset.sites.filter((s) => s.province === p.id).length,
  }));
  const shown = STATUSES.filter((st) => per.some((x) => x.sites.some((s) => s.status === st)));
  const count = (sites: SiteSummary[], st: Status) => sites.filter((s) => s.status === st).length;
  const allSites = per.flatMap((x) => x.sites);
  const build = (labels: Record<Status, string>, contested: string, korean: boolean) => {
    const rows = per.map(({ p, sites, all }) => [sanitizeInline(korean ? `${p.name_en} ${p.name_ko}` : p.name_en), String(all), ...shown.map((st) => String(count(sites, st) || '·')), String(sites.filter((s) => s.contested).length || '·')]);
    rows.push(['All units', String(dataset.sites.length), ...shown.map((st) => String(count(allSites, st))), String(allSites.filter((s) => s.contested).length)]);
    return renderTable(
      [{ header: 'First-level unit' }, { header: 'Sites', align: 'right' }, ...shown.map((st) => ({ header: labels[st], align: 'right' as const })), { header: contested, align: 'right' }],
      rows,
      ' ',
    );
  };
  const fits = (t: string[]) => t.every((l) => displayWidth(l) <= width);
  let labels = SHORT;
  let table = build(SHORT, 'Contested', true);
  if (!fits(table)) {
    labels = TINY;
    table = build(TINY, 'Cont', true);
    if (!fits(table)) table = build(TINY, 'Cont', false);
  }
  const out: Line[] = table.map((l, i) => [text(l, i === 0 || i === table.length - 1 ? { bold: true } : i === 1 ? { fg: MUTED } : {})]);
  // The swatches for the status columns, under the header (colour or glyph).
  const key: Line = [text('Status columns: ', { fg: MUTED })];
  for (const st of shown) key.push(text(`${labels[st]} `, { bold: true }), ...swatch(st, noColor), text(` ${STATUS_LABELS[st]}  `, { fg: MUTED }));
  if (labels === TINY) key.push(text('Cont', { bold: true }), text(' contested sites', { fg: MUTED }));
  out.push([], ...wrapLine(key, width, 2));
  // Wider than the slide only if even the shortest table is (a grid under ~45 cells); wrapped, not cut.
  return out.flatMap((l) => wrapLine(l, width, 2));
}

/**
 * The contested sites (state media and outside reports disagree on whether the site works), for
 * the national slide under its compact table: a heading, then per site its swatch, name, first-level
 * unit, batch year and status label, wrapped (never cut). Empty when no site is contested.
 */
export function nationalContestedLines(dataset: Dataset, lens: Lens, width: number, noColor: boolean): Line[] {
  const sites = summaries(dataset, lens, dataset.sites.map((s) => s.id)).filter((s) => s.contested);
  if (sites.length === 0) return [];
  const out: Line[] = [headingLine(`Contested: state media and outside reports disagree (${sites.length})`, width)];
  for (const s of sites) {
    const p = dataset.registry.provinceById.get(s.province);
    const flags = [s.uncertain ? 'uncertain' : '', s.stale ? 'stale' : ''].filter(Boolean).join(' · ');
    out.push(...wrapLine([...swatch(s.status, noColor), text(` ${sanitizeInline(s.name_en)} `, { bold: true }), text(sanitizeInline(`${p?.name_en ?? s.province} · ${s.year} · ${s.label}${flags ? ` · ${flags}` : ''}`), { fg: MUTED })], width, 3));
  }
  return out;
}

/**
 * The program sites known under the lens, named, one wrapped line per first-level unit that has
 * any ("North Pyongan: Kujang, Kusong City, …"), for the national slide beside its compact table.
 */
export function nationalSiteNameLines(dataset: Dataset, lens: Lens, width: number): Line[] {
  const out: Line[] = [headingLine('Program sites known on the day, by first-level unit', width)];
  for (const p of dataset.registry.provinces) {
    const sites = summaries(dataset, lens, dataset.sites.filter((s) => s.province === p.id).map((s) => s.id));
    if (sites.length === 0) continue;
    const names = sites.map((s) => sanitizeInline(s.name_en.replace(/ County$/, ''))).join(', ');
    out.push(...wrapLine([text(sanitizeInline(`${p.name_en}: `), { bold: true }), text(names)], width, 2));
  }
  return out;
}
