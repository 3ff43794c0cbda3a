/**
 * Hostile strings, as analysts might paste them from web pages and messaging apps, placed into
 * quotes, site names, source titles, URLs and export file names, then looked for on every surface
 * a user sees: show, list (table and CSV), the dashboard frame and SVG/TXT/HTML exports.
 */
import assert from 'node:assert/strict';
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { renderToString } from 'ink';
import { createElement } from 'react';
import { openAtlas } from '../../src/atlas.js';
import { loadDataset } from '../../src/load/dataset.js';
import { DEFAULT_GEO_DIR } from '../../src/paths.js';
import { Dashboard } from '../../src/ui/Dashboard.js';
import { startState } from '../../src/ui/run.js';
import { siteKey } from '../../src/view/list-rows.js';
import { cli, copyOfData, edit } from '../helpers/cli.js';
import { scratchDir } from '../helpers/scratch.js';

export const HOSTILE: string[] = [
  '\u001b[31mred\u001b[0m',
  '\u001b[38;2;255;0;0mtruecolor',
  '\u001b]0;window title\u0007',
  '\u001b]0;title by ST\u001b\\',
  '\u001b]8;;https://evil.example/\u001b\\link text\u001b]8;;\u001b\\',
  '\u001b]52;c;SGVsbG8gY2xpcGJvYXJk\u0007',
  '\u001bP+q544e\u001b\\',
  '\u001b_application\u001b\\',
  '\u001b^privacy\u001b\\',
  '\u001bXstring\u001b\\',
  '\u009b31mC1 CSI',
  '\u009d0;C1 OSC\u009c',
  '\u001b[2J\u001b[H',
  '\u001b[?1049l',
  '\u001b[6n',
  '\u001b[21t',
  '\u001bc',
  '\u001b7saved\u001b8',
  'carriage\rreturn',
  'back\u0008space',
  '\u0007bell',
  'nul\u0000byte',
  'del\u007fete',
  '\u202eright-to-left override\u202c',
  '\u2066isolate\u2069 and \u2067rtl\u2069',
  '\u200fRLM\u200e LRM \u061c ALM',
  'tab\tseparated',
  'trailing escape \u001b',
  'unterminated OSC \u001b]0;forever',
  '\u001b[1;31;42;5m\u001b[8mhidden',
];

/** Control characters, escape sequences and bidi controls: none may reach a screen or file. */
const FORBIDDEN = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/;
const safe = (label: string, text: string) => {
  const m = FORBIDDEN.exec(text);
  assert.ok(!m, `${label}: U+${m?.[0].codePointAt(0)?.toString(16).padStart(4, '0')} at ${m?.index} in …${JSON.stringify(text.slice(Math.max(0, (m?.index ?? 0) - 30), (m?.index ?? 0) + 10))}`);
};
const yaml = (s: string) => JSON.stringify(s);

/** A copy of the data with every hostile string in a quote, a source title and URL, and a site name. */
function hostileData(): string {
  const dir = copyOfData();
  const sources = HOSTILE.map(
    (h, i) => `  - id: hostile-${i}
    outlet: ${yaml(`Outlet ${h} ${i}`)}
    title: ${yaml(`Title ${i} ${h} 김형직 金亨稷 👩‍🏭`)}
    date: 2025-08
    url: ${yaml(`https://example.org/${i}/${h.replace(/\s/g, '')}`)}
    kind: outside_report
`,
  );
  appendFileSync(join(dir, 'sources.yaml'), sources.join(''));
  const quotes = HOSTILE.map(
    // The · keeps a trailing ESC from forming a sequence with the marker (ESC SP > is one).
    (h, i) => `  - text: ${yaml(`Q${i}< ${h} · >Q${i} 김형직군 🇰🇵`)}
    speaker: ${yaml(`Speaker ${h}`)}
    stance: outside_report
    date: 2025-08
    source: hostile-${i}
`,
  );
  const file = join(dir, 'counties', 'kimhyongjik.yaml');
  edit(file, /^quotes:\n/m, `quotes:\n${quotes.join('')}`);
  // Hostile site names on ten other sites.
  const others = readdirSync(join(dir, 'counties')).filter((f) => f !== 'kimhyongjik.yaml').slice(0, 10);
  others.forEach((f, i) => {
    const p = join(dir, 'counties', f);
    const text = readFileSync(p, 'utf8');
    const named = /^site: .*$/m.test(text) ? text.replace(/^site: .*$/m, `site: ${yaml(`Site${i} ${HOSTILE[i]!}`)}`) : text.replace(/^county: (.*)$/m, `county: $1\nsite: ${yaml(`Site${i} ${HOSTILE[i]!}`)}`);
    writeFileSync(p, named);
  });
  return dir;
}

test('hostile strings never reach show, list, the dashboard or exports; the text around them survives', async () => {
  const data = hostileData();
  assert.equal((await cli('validate', '--data', data)).code, 0, 'the hostile data is valid data');

  const show = await cli('show', 'kimhyongjik', '--data', data, '--as-of', '2025-12-31');
  assert.equal(show.code, 0, show.err);
  safe('show', show.out);
  for (let i = 0; i < HOSTILE.length; i++) assert.ok(show.out.includes(`Q${i}<`) && show.out.includes(`>Q${i}`), `quote ${i} is shown`);
  assert.ok(show.out.includes('김형직군 🇰🇵') && show.out.includes('金亨稷') && show.out.includes('👩‍🏭'), 'Hangul, Hanja and emoji are kept');

  for (const format of ['table', 'csv', 'json']) {
    const list = await cli('list', '--data', data, '--format', format);
    assert.equal(list.code, 0);
    if (format !== 'json') safe(`list ${format}`, list.out);
    assert.match(list.out, /Site0/);
  }

  const atlas = openAtlas(loadDataset({ dataDir: data, geoDir: DEFAULT_GEO_DIR }));
  const { ctx, state } = startState(atlas, '2025-12-31');
  const frame = (cursor: string, detailScroll = 0) =>
    renderToString(createElement(Dashboard, { atlas, ctx, state: { ...state, cursor, detailScroll }, cols: 160, rows: 48, colorLevel: 3 }), { columns: 160 });
  const strip = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, ''); // our own colours, then look for anything else
  let seen = '';
  for (let scroll = 0; scroll < 400; scroll += 30) {
    const f = frame(siteKey('kimhyongjik'), scroll);
    safe(`dashboard (detail scrolled ${scroll})`, strip(f));
    seen += f;
  }
  assert.ok(seen.includes('Q0<') && seen.includes(`Q${HOSTILE.length - 1}<`), 'the quotes are on screen');
  for (const site of atlas.dataset.sites.filter((s) => s.name_en.startsWith('Site'))) safe(`dashboard (${site.id})`, strip(frame(siteKey(site.id))));

  const out = scratchDir();
  for (const format of ['svg', 'txt', 'html']) {
    const file = join(out, `k.${format}`);
    const r = await cli('export', '--data', data, '--view', 'county:kimhyongjik', '--format', format, '-o', file, '--as-of', '2025-12-31', '--no-timestamp');
    assert.equal(r.code, 0, r.err);
    safe(`export ${format}`, readFileSync(file, 'utf8'));
  }
  // A hostile export file name: written as given, echoed back clean.
  const named = await cli('export', '--data', data, '--format', 'txt', '-o', join(out, `shot\u001b]0;pwned\u0007\u202e.txt`));
  assert.equal(named.code, 0, named.err);
  safe('export message', named.out + named.err);
  const pack = await cli('export', '--data', data, '--pack', join(out, 'pack'), '--format', 'txt', '--size', '80x24');
  assert.equal(pack.code, 0, pack.err);
  safe('pack index', readFileSync(join(out, 'pack', 'index.html'), 'utf8'));
  console.log(`hostile corpus: ${HOSTILE.length} strings in quotes, speakers, source outlets, titles and URLs, 10 site names and an export file name; checked in show, list (table, csv), dashboard frames, SVG, TXT, HTML and the pack index`);
});
