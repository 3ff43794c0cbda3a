/** Provenance framed around an exported screen: title, legend, credits (boundary attribution included). */
import type { Atlas } from '../atlas.js';
import { countyStatuses } from '../atlas.js';
import { LEGEND } from '../map/legend.js';
import { buildSiteReport } from '../model/site-report.js';
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

export function exportMeta(atlas: Atlas, view: View, asOf: string, generatedAt: string | null): ExportMetaData {
  const d = atlas.dataset;
  const present = new Set<string>(countyStatuses(d.sites, asOf).values());
  const legend = Object.values(LEGEND)
    .filter((e) => e.status !== 'none' && (e.status === 'cursor' || present.has(e.status)))
    .map((e) => ({ label: e.label, colour: e.colour, glyph: e.glyph }));
  let title = 'North Korea · Regional Development 20×10 Policy';
  let subtitle = 'National view: factory sites by status, state-media claims beside outside reports';
  const credits: string[] = [];
  if (view.kind === 'county') {
    const site = d.sites.find((s) => s.id === view.id);
    if (site) {
      title = `${site.name_en} ${site.name_ko} · ${d.registry.provinceById.get(site.province)?.name_en ?? site.province} · 20×10 ${site.year}`;
      subtitle = 'Status, facilities, prices, timeline and quotes, each with its source';
      const report = buildSiteReport(d, site, asOf);
      credits.push(`Sources on this screen: ${report.sources.map((s) => `${s.outlet} (${s.date})${s.url ? ` ${s.url}` : ''}`).join('; ')}`);
    }
  } else if (view.kind === 'province') {
    const p = d.registry.provinceById.get(view.id);
    title = `${p?.name_en ?? view.id} ${p?.name_ko ?? ''} · Regional Development 20×10 Policy`;
    subtitle = 'Program sites in the province by status';
  }
  credits.push(
    `Data: nk20x10 dataset, ${d.sources.size} sources (KCNA, Rodong Sinmun, VOK, Chosun Sinbo, ROK Ministry of Unification, Daily NK, 38 North, Yonhap and others); every record cites outlet, date and URL.`,
    `Boundaries: ${atlas.layer.attribution}`,
    'County registry: © OpenStreetMap contributors (ODbL 1.0); open-admin-data (CC BY 4.0).',
  );
  return {
    title,
    subtitle,
    asOf,
    legend,
    credits,
    generatedAt,
  };
}
