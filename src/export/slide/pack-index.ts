/**
 * The briefing pack's index.html: links to the overview slides (national, gap, timeline), every
 * first-level unit with program sites, and a table of every program site with its status,
 * strength, staleness, contested and uncertainty flags, linking its slide. Self-contained (inline
 * CSS, no scripts); every string sanitised and escaped.
 */
import { safeLine, xmlEscape } from '../escape.js';

export interface PackLink {
  /** File name inside the pack directory. */
  file: string;
  label: string;
}

export interface PackSiteRow extends PackLink {
  province: string;
  year: number;
  /** "operating", or "nothing known" before the first report. */
  status: string;
  /** "state claim", "reported", "confirmed"; "" when nothing is known. */
  strength: string;
  stale: boolean;
  contested: boolean;
  uncertain: boolean;
}

export interface PackIndex {
  /** The as-of label. */
  asOf: string;
  overview: PackLink[];
  provinces: PackLink[];
  sites: PackSiteRow[];
}

const yes = (b: boolean, word: string) => (b ? `<td class="flag">${word}</td>` : '<td class="no">–</td>');

/** The index page as HTML text. */
export function packIndexHtml(index: PackIndex): string {
  const link = (l: PackLink) => `<a href="${xmlEscape(encodeURI(l.file))}">${safeLine(l.label)}</a>`;
  const list = (links: PackLink[]) => `<ul>\n${links.map((l) => `  <li>${link(l)}</li>`).join('\n')}\n</ul>`;
  const rows = index.sites
    .map(
      (r) =>
        `<tr><td>${link(r)}</td><td>${safeLine(r.province)}</td><td>${r.year}</td><td>${safeLine(r.status)}</td><td>${safeLine(r.strength) || '–'}</td>` +
        `${yes(r.stale, 'stale')}${yes(r.contested, 'contested')}${yes(r.uncertain, 'uncertain')}</tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self'">
<title>nk20x10 briefing pack, as of ${safeLine(index.asOf)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;line-height:1.5;padding:0 1rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:2px 10px 2px 0;border-bottom:1px solid #ddd}
td.flag{font-weight:bold;color:#a33c00}td.no{color:#999}</style></head>
<body>
<h1>nk20x10 briefing pack</h1>
<p>Regional Development 20×10 Policy, as of ${safeLine(index.asOf)}. Each slide is composed for a briefing: map, detail, legend, sources and boundary attribution.</p>
<h2>Overview</h2>
${list(index.overview)}
<h2>First-level units</h2>
${list(index.provinces)}
<h2>Program sites (${index.sites.length})</h2>
<table>
<thead><tr><th>Site</th><th>First-level unit</th><th>Batch</th><th>Status</th><th>Strength</th><th>Stale</th><th>Contested</th><th>Uncertain</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body></html>
`;
}
