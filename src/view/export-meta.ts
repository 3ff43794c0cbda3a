/** Provenance framed around an exported screen or slide: title, legend, credits (boundary attribution included). */
import type { Atlas } from '../atlas.js';
import { countyStatusView } from '../atlas.js';
import { LEGEND, STALE_MARK } from '../map/legend.js';
import { buildSiteReport, type SiteReport } from '../model/site-report.js';
import { DEFAULT_STALE_AFTER_MONTHS, latestReport, type Lens } from '../model/status.js';
import { asOfLabel } from './chrome-lines.js';
import type { View } from './views.js';

export interface ExportMetaData {
  title: string;
  subtitle?: string;
  asOf: string;
  legend: { label: string; colour: string; glyph: string }[];
  credits: string[];
  schematicNote?: string;
  generatedAt: string | null;
}

/** The lens as a label: "2025-12-31 (as known then; latest report 2025-12-20) · stale after 12 months". */
export function asOfText(atlas: Atlas, lens: Lens): string {
  const months = lens.staleAfterMonths ?? DEFAULT_STALE_AFTER_MONTHS;
  return `${asOfLabel({ asOf: lens.asOf, hindsight: lens.hindsight ?? false }, latestReport(atlas.dataset.sites, lens), true).replace(/^as of /, '')} · stale after ${months} months`;
}

/** An outlet with its relay kept: "Daily NK via Business Insider Polska". */
export function outletWithVia(source: { outlet: string; via?: string | undefined }): string {
  return source.via ? `${source.outlet} via ${source.via}` : source.outlet;
}

/** "Sources: Rodong Sinmun (2025-08-18) URL; Daily NK via Business Insider Polska (2025-09) URL". */
export function sourcesCredit(sources: SiteReport['sources'], label = 'Sources on this screen'): string {
  return `${label}: ${sources.map((s) => `${outletWithVia(s)} (${s.date})${s.url ? ` ${s.url}` : ''}`).join('; ')}`;
}

/** The dataset, boundary and registry credits every export carries (ODbL asks for the boundary credit wherever the map is shown). */
export function datasetCredits(atlas: Atlas): string[] {
  return [
    `Data: nk20x10 dataset, ${atlas.dataset.sources.size} sources (KCNA, Rodong Sinmun, VOK, Chosun Sinbo, ROK Ministry of Unification, Daily NK, 38 North, Yonhap and others); every record cites outlet, date and URL.`,
    `Boundaries: ${atlas.layer.attribution}`,
    'County registry: © OpenStreetMap contributors (ODbL 1.0); open-admin-data (CC BY 4.0).',
  ];
}

/**
 * Title, legend and credits for a screenshot of the dashboard (the app's `e` key) on a day (or
 * Lens). `asOf` in the result is the full label: the day, known-then or hindsight, the latest
 * report and the stale threshold. The cursor's highlight is named for what it is ("County under
 * the cursor"), never "Selected county", which reads like the status "Selected for the program".
 */
export function exportMeta(atlas: Atlas, view: View, lensOrDay: string | Lens, generatedAt: string | null): ExportMetaData {
  const d = atlas.dataset;
  const lens: Lens = typeof lensOrDay === 'string' ? { asOf: lensOrDay } : lensOrDay;
  const map = countyStatusView(d.sites, lens);
  const present = new Set<string>(map.statuses.values());
  const legend = Object.values(LEGEND)
    .filter((e) => e.status !== 'none' && (e.status === 'cursor' || present.has(e.status)))
    .map((e) => ({ label: e.status === 'cursor' ? 'County under the cursor' : e.label, colour: e.colour, glyph: e.glyph }));
  const months = lens.staleAfterMonths ?? DEFAULT_STALE_AFTER_MONTHS;
  if (map.stale.size > 0) legend.push({ label: `Stale: newest report older than ${months} months (dotted)`, colour: STALE_MARK.colour, glyph: STALE_MARK.glyph });
  let title = 'North Korea · Regional Development 20×10 Policy';
  let subtitle = 'National view: factory sites by status, state-media claims beside outside reports';
  const credits: string[] = [];
  if (view.kind === 'county') {
    const site = d.sites.find((s) => s.id === view.id);
    if (site) {
      title = `${site.name_en} ${site.name_ko} · ${d.registry.provinceById.get(site.province)?.name_en ?? site.province} · 20×10 ${site.year}`;
      subtitle = 'Status, facilities, prices, timeline and quotes, each with its source';
      credits.push(sourcesCredit(buildSiteReport(d, site, lens).sources));
    }
  } else if (view.kind === 'province') {
    const p = d.registry.provinceById.get(view.id);
    title = `${p?.name_en ?? view.id} ${p?.name_ko ?? ''} · Regional Development 20×10 Policy`;
    subtitle = 'Program sites in the province by status';
  }
  credits.push(...datasetCredits(atlas));
  return { title, subtitle, asOf: asOfText(atlas, lens), legend, credits, generatedAt };
}
