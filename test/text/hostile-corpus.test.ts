/**
 * The hostile-text matrix: a corpus of hostile strings (escape sequences, C0/C1 controls, bidi
 * controls, lone surrogates), as analysts might paste them from web pages and messaging apps,
 * placed in every kind of input file — sources.yaml, policy.yaml, county files, the registry
 * (geo/counties.csv, geo/variants.yaml), a `--geo` layer (names, first-level units,
 * attribution), a `geo import` input (feature names and properties), and an export file name —
 * then looked for on every output path: dashboard frames (national, province, county),
 * list (table, csv, json), show (text, json), validate (success and errors), every export
 * format (svg, html, txt, ansi; PNG is drawn from the same SVG), the pack index, and the geo
 * import report (text, json). No output may carry a control, bidi or escape byte from the input;
 * ANSI outputs may carry only the colour sequences the same view has with clean data.
 */
import assert from 'node:assert/strict';
import { Chalk } from 'chalk';
import { LABEL_COLOUR, LEGEND, LEGEND_16, SEA_LINE_COLOUR } from '../../src/map/legend.js';
import { appendFileSync, readdirSync, readFileSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { renderToString } from 'ink';
import { createElement } from 'react';
import { openAtlas, type Atlas } from '../../src/atlas.js';
import { reportLines } from '../../src/cli/commands/show.js';
import { printJson, printLines } from '../../src/cli/output.js';
import { exportToFile } from '../../src/export/index.js';
import { loadDataset } from '../../src/load/dataset.js';
import { buildSiteReport } from '../../src/model/site-report.js';
import { DEFAULT_DATA_DIR, DEFAULT_GEO_DIR } from '../../src/paths.js';
import { safeJson, sanitizeInline } from '../../src/text/sanitize.js';
import { captureScreen } from '../../src/ui/capture.js';
import { Dashboard } from '../../src/ui/Dashboard.js';
import { exportMeta } from '../../src/view/export-meta.js';
import { viewContext } from '../../src/view/reduce.js';
import { stateForView, type View } from '../../src/view/views.js';
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
  '\u009b2J\u009bHAll sites operating normally.',
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
  'line\u2028separator\u2029para',
  'tab\tseparated',
  'lone \ud800 high and \udc00 low surrogates',
  'trailing escape \u001b',
  'unterminated OSC \u001b]0;forever',
  '\u001b[1;31;42;5m\u001b[8mhidden',
];

/** Control characters, escape sequences, bidi controls, line separators and lone surrogates. */
const FORBIDDEN = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const SGR = /\u001b\[[0-9;]*m/g;
let checked = 0;
const cells = new Map<string, Set<string>>();
/** `text` of output path `path` for input kind `kind`: no forbidden character (after removing `allowedSgr` colour sequences). */
function safe(kind: string, path: string, text: string, allowedSgr?: Set<string>) {
  let rest = text;
  if (allowedSgr) {
    const extra = [...new Set(text.match(SGR) ?? [])].filter((s) => !allowedSgr.has(s));
    assert.deepEqual(extra, [], `${kind} → ${path}: colour sequences the clean view does not have`);
    rest = text.replace(SGR, '');
  }
  const m = FORBIDDEN.exec(rest);
  const at = m?.index ?? 0;
  assert.ok(!m, `${kind} → ${path}: U+${m?.[0].codePointAt(0)?.toString(16).padStart(4, '0')} at ${at} in …${JSON.stringify(rest.slice(Math.max(0, at - 30), at + 10))}`);
  checked++;
  if (!cells.has(kind)) cells.set(kind, new Set());
  cells.get(kind)!.add(path);
}
const q = (s: string) => JSON.stringify(s);
const AS_OF = '2025-12-31';

/** Data files: sources.yaml (outlet, title, URL, via, note), policy.yaml (timeline, fact note), county files (names, quotes, speakers, facilities, prices, notes, aliases). */
function hostileData(): string {
  const dir = copyOfData();
  appendFileSync(
    join(dir, 'sources.yaml'),
    HOSTILE.map(
      (h, i) => `  - id: hostile-${i}
    outlet: ${q(`Outlet ${h} ${i}`)}
    title: ${q(`Title ${i} ${h} 김형직 金亨稷 👩‍🏭`)}
    date: 2025-08
    url: ${q(`https://example.org/${i}/${h.replace(/\s/g, '')}`)}
    via: ${q(`Via ${h}`)}
    note: ${q(`Source note ${h}`)}
    kind: outside_report
`,
    ).join(''),
  );
  edit(
    join(dir, 'policy.yaml'),
    /^timeline:\n/m,
    `timeline:\n${HOSTILE.map((h, i) => `  - id: hostile-event-${i}\n    date: 2025-0${(i % 9) + 1}\n    title: ${q(`Event ${h}`)}\n    people: [${q(`Person ${h}`)}]\n    sources: [hostile-${i}]\n    note: ${q(`Event note ${h}`)}\n`).join('')}`,
  );
  const file = join(dir, 'counties', 'kimhyongjik.yaml');
  // The · keeps a trailing ESC from forming a sequence with the marker (ESC SP > is one).
  edit(file, /^quotes:\n/m, `quotes:\n${HOSTILE.map((h, i) => `  - text: ${q(`Q${i}< ${h} · >Q${i} 김형직군 🇰🇵`)}\n    speaker: ${q(`Speaker ${h}`)}\n    stance: outside_report\n    date: 2025-08\n    source: hostile-${i}\n    note: ${q(`Quote note ${h}`)}\n`).join('')}`);
  edit(file, /^notes:\n/m, `notes:\n${HOSTILE.map((h, i) => `  - text: ${q(`Note ${h}`)}\n    source: hostile-${i}\n`).join('')}`);
  edit(file, /^prices:\n/m, `prices:\n${HOSTILE.map((h, i) => `  - item: ${q(`Item ${h}`)}\n    unit: ${q(`unit ${h}`)}\n    won: ${100 + i}\n    market: market\n    date: 2025-08\n    source: hostile-${i}\n`).join('')}`);
  edit(file, /^    name: Foodstuff factory$/m, `    name: ${q(`Foodstuff ${HOSTILE[4]!} factory`)}`);
  edit(file, /^site_ko: .*$/m, `site_ko: ${q(`김형직군 ${HOSTILE[12]!}`)}\naliases:\n${HOSTILE.map((h, i) => `  - name: ${q(`Alias${i} ${h}`)}\n    source: hostile-${i}\n`).join('')}`);
  const others = readdirSync(join(dir, 'counties')).filter((f) => f !== 'kimhyongjik.yaml').slice(0, 10);
  others.forEach((f, i) => {
    const p = join(dir, 'counties', f);
    const text = readFileSync(p, 'utf8');
    const named = /^site: .*$/m.test(text) ? text.replace(/^site: .*$/m, `site: ${q(`Site${i} ${HOSTILE[i]!}`)}`) : text.replace(/^county: (.*)$/m, `county: $1\nsite: ${q(`Site${i} ${HOSTILE[i]!}`)}`);
    writeFileSync(p, named.includes('\naliases:') ? named : named);
  });
  return dir;
}

/** A registry (geo/) whose county names, Hanja, notes and variant spellings carry the corpus. */
function hostileRegistry(): string {
  const dir = join(scratchDir('nk20x10-geo-'), 'geo');
  cpSync(DEFAULT_GEO_DIR, dir, { recursive: true });
  const lines = readFileSync(join(dir, 'counties.csv'), 'utf8').split('\n');
  const header = lines[0]!.split(',');
  const col = (name: string) => header.indexOf(name);
  const csvq = (s: string) => `"${s.replace(/"/g, '""')}"`;
  for (let i = 0; i < HOSTILE.length; i++) {
    const row = lines[i + 1]!.split(',');
    row[col('name_en')] = csvq(`${row[col('name_en')]} ${HOSTILE[i]!}`);
    row[col('name_hanja')] = csvq(`漢 ${HOSTILE[i]!}`);
    row[col('notes')] = csvq(`Registry note ${HOSTILE[i]!}`);
    lines[i + 1] = row.join(',');
  }
  writeFileSync(join(dir, 'counties.csv'), lines.join('\n'));
  edit(join(dir, 'variants.yaml'), /^variants:\n/m, `variants:\n  - county: kp-ryanggang-kimhyongjik\n    names:\n${HOSTILE.map((h, i) => `      - {name: ${q(`Variant${i} ${h}`)}, system: other}\n`).join('')}    note: ${q(`Variant note ${HOSTILE[2]!}`)}\n`);
  return dir;
}

/**
 * A --geo layer: county names and Hangul carry the corpus; every first-level unit is renamed to
 * `P<n>` plus a hostile string that leaves nothing visible once sanitised, so the map labels
 * (drawn from the layer's names) must show `P<n>` and nothing else; the attribution too.
 */
function hostileLayer(): string {
  const topo = JSON.parse(readFileSync(join(DEFAULT_GEO_DIR, 'counties.topo.json'), 'utf8')) as {
    objects: { counties: { geometries: { properties: Record<string, string> }[] } };
    meta?: Record<string, string>;
  };
  const invisible = HOSTILE.filter((h) => sanitizeInline(h).trim() === '');
  const provinces = [...new Set(topo.objects.counties.geometries.map((g) => g.properties.province!))];
  topo.objects.counties.geometries.forEach((g, i) => {
    const h = HOSTILE[i % HOSTILE.length]!;
    g.properties.name_en = `${g.properties.name_en} ${h}`;
    g.properties.name_ko = `${g.properties.name_ko} ${h}`;
    const p = provinces.indexOf(g.properties.province!);
    g.properties.province = `P${p}${invisible[p % invisible.length]!}`;
  });
  topo.meta = { ...(topo.meta ?? {}), attribution: `Boundaries ${HOSTILE.join(' ')} (hostile test layer)` };
  const file = join(scratchDir('nk20x10-layer-'), 'hostile.topo.json');
  writeFileSync(file, JSON.stringify(topo));
  return file;
}

/** A geo import input: feature names, ids and provinces carry the corpus (matched and unmatched). */
function hostileImportInput(): string {
  const csv = readFileSync(join(DEFAULT_GEO_DIR, 'counties.csv'), 'utf8').split('\n').slice(1, 11).map((l) => l.split(','));
  const square = (x: number, y: number) => [[[x - 0.03, y - 0.03], [x + 0.03, y - 0.03], [x + 0.03, y + 0.03], [x - 0.03, y + 0.03], [x - 0.03, y - 0.03]]];
  const features = HOSTILE.map((h, i) => {
    const row = csv[i % csv.length]!;
    return {
      type: 'Feature',
      properties: { shapeName: i < 5 ? row[1] : `Nowhere ${h}`, shapeISO: `KP-${h}`, [`field ${h}`]: h, ADM1_EN: `Province ${h}` },
      geometry: { type: 'Polygon', coordinates: square(Number(row[7]), Number(row[6])) },
    };
  });
  const file = join(scratchDir('nk20x10-import-'), `input.geojson`);
  writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', name: `Layer ${HOSTILE[2]!}`, features }));
  return file;
}

const VIEWS: View[] = [{ kind: 'national' }, { kind: 'province', id: 'ryanggang' }, { kind: 'county', id: 'kimhyongjik' }];

/** The map's own colours as SGR sequences (labels, sea lines, every legend entry), foreground and background. */
const PALETTE_SGR: string[] = (() => {
  const chalk = new Chalk({ level: 3 });
  const colours = [LABEL_COLOUR, SEA_LINE_COLOUR, ...[LEGEND, LEGEND_16].flatMap((l) => Object.values(l).flatMap((e) => [e.colour, e.text, e.line]))];
  return colours.flatMap((c) => [...(chalk.hex(c)('x').match(SGR) ?? []), ...(chalk.bgHex(c)('x').match(SGR) ?? [])]);
})();

/** Dashboard frames for every view, the detail scrolled through, with the colours the clean view uses. */
function frames(kind: string, atlas: Atlas, clean: Atlas) {
  const ctx = viewContext(atlas.dataset);
  const cleanCtx = viewContext(clean.dataset);
  for (const view of VIEWS) {
    // Which labels fit depends on the names' lengths: the map's own label colours are always allowed.
    const allowed = new Set<string>(PALETTE_SGR);
    for (let scroll = 0; scroll < 600; scroll += 40) {
      const f = renderToString(createElement(Dashboard, { atlas: clean, ctx: cleanCtx, state: { ...stateForView(cleanCtx, view, AS_OF), detailScroll: scroll }, cols: 160, rows: 48, colorLevel: 3 }), { columns: 160 });
      for (const s of f.match(SGR) ?? []) allowed.add(s);
    }
    for (let scroll = 0; scroll < 600; scroll += 40) {
      const f = renderToString(createElement(Dashboard, { atlas, ctx, state: { ...stateForView(ctx, view, AS_OF), detailScroll: scroll }, cols: 160, rows: 48, colorLevel: 3 }), { columns: 160 });
      safe(kind, `dashboard frame (${view.kind})`, f, allowed);
    }
  }
}

/** Every export format of every view, rendered from the atlas as the export command does. */
async function exportsOf(kind: string, atlas: Atlas, clean: Atlas) {
  const out = scratchDir();
  const ctx = viewContext(atlas.dataset);
  for (const view of VIEWS) {
    const cleanCapture = captureScreen(clean, viewContext(clean.dataset), stateForView(viewContext(clean.dataset), view, AS_OF), 160, 48);
    const allowed = new Set([...(cleanCapture.ansi.match(SGR) ?? []), ...PALETTE_SGR]);
    const capture = captureScreen(atlas, ctx, stateForView(ctx, view, AS_OF), 160, 48);
    for (const format of ['svg', 'html', 'txt', 'ansi'] as const) {
      const file = join(out, `${view.kind}.${format}`);
      await exportToFile(file, capture, exportMeta(atlas, view, AS_OF, null), { format });
      safe(kind, `export ${format}`, readFileSync(file, 'utf8'), format === 'ansi' ? allowed : undefined);
    }
  }
}

test('hostile text from any input file never reaches a terminal or an export; the text around it survives', async () => {
  const cleanAtlas = openAtlas(loadDataset({ dataDir: DEFAULT_DATA_DIR, geoDir: DEFAULT_GEO_DIR }));
  const out = scratchDir();

  // 1. Data files, through the commands a user runs.
  const data = hostileData();
  const validate = await cli('validate', '--data', data);
  assert.equal(validate.code, 0, `the hostile data is valid data: ${validate.err}`);
  safe('data files', 'validate', validate.out + validate.err);
  const show = await cli('show', 'kimhyongjik', '--data', data, '--as-of', AS_OF);
  assert.equal(show.code, 0, show.err);
  safe('data files', 'show text', show.out + show.err);
  for (let i = 0; i < HOSTILE.length; i++) assert.ok(show.out.includes(`Q${i}<`) && show.out.includes(`>Q${i}`), `quote ${i} is shown`);
  assert.ok(show.out.includes('김형직군 🇰🇵') && show.out.includes('金亨稷') && show.out.includes('👩'), 'Hangul, Hanja and emoji are kept (a ZWJ sequence drawn as its first emoji)');
  const showJson = await cli('show', 'kimhyongjik', '--data', data, '--as-of', AS_OF, '--format', 'json');
  safe('data files', 'show json', showJson.out);
  assert.ok((JSON.parse(showJson.out) as { quotes: unknown[] }).quotes.length >= HOSTILE.length);
  for (const format of ['table', 'csv', 'json']) {
    const list = await cli('list', '--data', data, '--format', format, '--role', 'all', '--as-of', AS_OF);
    assert.equal(list.code, 0, list.err);
    safe('data files', `list ${format}`, list.out + list.err);
    assert.match(list.out, /Site0/);
  }
  const dataAtlas = openAtlas(loadDataset({ dataDir: data, geoDir: DEFAULT_GEO_DIR }));
  frames('data files', dataAtlas, cleanAtlas);
  // The export is a composed slide: its colours are compared with the same slide of the clean data.
  const cleanSlide = join(out, 'clean-k.ans');
  assert.equal((await cli('export', '--view', 'county:kimhyongjik', '--format', 'ansi', '-o', cleanSlide, '--as-of', AS_OF, '--no-timestamp')).code, 0);
  const cleanSlideSgr = new Set(readFileSync(cleanSlide, 'utf8').match(SGR) ?? []);
  for (const format of ['svg', 'html', 'txt', 'ansi']) {
    const file = join(out, `data-k.${format}`);
    const r = await cli('export', '--data', data, '--view', 'county:kimhyongjik', '--format', format, '-o', file, '--as-of', AS_OF, '--no-timestamp');
    assert.equal(r.code, 0, r.err);
    safe('data files', `export ${format}`, readFileSync(file, 'utf8') + r.out + r.err, format === 'ansi' ? cleanSlideSgr : undefined);
  }
  const pack = await cli('export', '--data', data, '--pack', join(out, 'pack'), '--format', 'txt', '--size', '80x24', '--as-of', AS_OF);
  assert.equal(pack.code, 0, pack.err);
  safe('data files', 'pack index', readFileSync(join(out, 'pack', 'index.html'), 'utf8') + pack.out);

  // validate's error messages quote the offending text: a county name and a source id from the corpus.
  const broken = hostileData();
  edit(join(broken, 'counties', 'kimhyongjik.yaml'), /^county: .*$/m, `county: ${q(`Nowhere ${HOSTILE[5]!} ${HOSTILE[24]!}`)}`);
  edit(join(broken, 'counties', 'kimhyongjik.yaml'), /source: hostile-0\n/, `source: ${q(`hostile ${HOSTILE[2]!}`)}\n`);
  const invalid = await cli('validate', '--data', broken);
  assert.equal(invalid.code, 1);
  safe('data files', 'validate errors', invalid.out + invalid.err);
  const listInvalid = await cli('list', '--data', broken);
  safe('data files', 'list errors', listInvalid.out + listInvalid.err);

  // 2. The registry (geo/counties.csv, geo/variants.yaml): the loader boundary, in process.
  const registryDataset = loadDataset({ dataDir: DEFAULT_DATA_DIR, geoDir: hostileRegistry() });
  const registryAtlas = openAtlas(registryDataset);
  frames('registry', registryAtlas, cleanAtlas);
  await exportsOf('registry', registryAtlas, cleanAtlas);
  let text = '';
  printLines((t) => void (text += t), reportLines(buildSiteReport(registryDataset, registryDataset.sites.find((s) => s.id === 'kimhyongjik')!, AS_OF), 120));
  safe('registry', 'show text', text);
  text = '';
  printJson((t) => void (text += t), buildSiteReport(registryDataset, registryDataset.sites[0]!, AS_OF));
  safe('registry', 'show json', text);
  safe('registry', 'model (every string)', JSON.stringify(registryDataset.registry.counties, (_k, v: unknown) => v).replace(/\\u[0-9a-f]{4}/g, '?') + registryDataset.registry.counties.map((c) => c.name_en + c.name_hanja + (c.notes ?? '') + c.spellings.map((s) => s.name).join('')).join(''));

  // 3. A --geo layer: names, first-level units and attribution.
  const layer = hostileLayer();
  const layerAtlas = openAtlas(loadDataset({ dataDir: DEFAULT_DATA_DIR, geoDir: DEFAULT_GEO_DIR }), layer);
  frames('--geo layer', layerAtlas, cleanAtlas);
  const national = captureScreen(layerAtlas, viewContext(layerAtlas.dataset), stateForView(viewContext(layerAtlas.dataset), { kind: 'national' }, AS_OF), 160, 48).ansi.replace(SGR, '');
  const labels = national.match(/\bP\d+\b/g) ?? [];
  assert.ok(new Set(labels).size >= 5, `the layer's first-level labels are drawn, clean (${labels.join(' ')})`);
  await exportsOf('--geo layer', layerAtlas, cleanAtlas);
  for (const format of ['svg', 'ansi']) {
    const file = join(out, `layer.${format}`);
    const r = await cli('export', '--geo', layer, '--format', format, '-o', file, '--as-of', AS_OF, '--no-timestamp');
    assert.equal(r.code, 0, r.err);
    safe('--geo layer', `export ${format} (command)`, readFileSync(file, 'utf8').replace(SGR, '') + r.out + r.err);
  }
  const layerPack = await cli('export', '--geo', layer, '--pack', join(out, 'layer-pack'), '--format', 'txt', '--size', '80x24', '--as-of', AS_OF);
  assert.equal(layerPack.code, 0, layerPack.err);
  safe('--geo layer', 'pack index', readFileSync(join(out, 'layer-pack', 'index.html'), 'utf8') + layerPack.out);

  // 4. A geo import input: the report (text and json), and the written layer's attribution.
  const input = hostileImportInput();
  mkdirSync(join(out, 'imported'));
  for (const format of ['text', 'json']) {
    const r = await cli('geo', 'import', input, '--out', join(out, 'imported', `${format}.topo.json`), '--min-match', '0', '--format', format, '--attribution', `Attr ${HOSTILE[5]!}`);
    safe('geo import input', `geo import report ${format}`, r.out + r.err);
    if (format === 'json') JSON.parse(r.out);
  }

  // 5. An export file name, echoed back.
  const named = await cli('export', '--format', 'txt', '-o', join(out, `shot\u001b]0;pwned\u0007\u202e.txt`));
  assert.equal(named.code, 0, named.err);
  safe('export file name', 'export message', named.out + named.err);

  const kinds = [...cells.keys()];
  const paths = new Set([...cells.values()].flatMap((s) => [...s]));
  const applicable = [...cells.values()].reduce((n, s) => n + s.size, 0);
  console.log(
    `hostile matrix: ${HOSTILE.length} strings × ${kinds.length} input kinds (${kinds.join(', ')}) × ${paths.size} output paths; ` +
      `${applicable} applicable kind×path cells = ${HOSTILE.length * applicable} string×kind×path checks over ${checked} outputs; escape/control/bidi bytes found: 0`,
  );
});

test('JSON output escapes C1 controls, bidi controls, separators and lone surrogates, and parses back to the exact values', () => {
  const values = { all: HOSTILE, nested: { [HOSTILE[11]!]: HOSTILE[25]! } };
  const text = safeJson(values, 2);
  assert.equal(FORBIDDEN.exec(text), null, 'no raw control, bidi or surrogate character');
  assert.deepEqual(JSON.parse(text), values, 'the values are exactly the same after JSON.parse');
});
