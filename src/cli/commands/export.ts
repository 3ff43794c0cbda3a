import { lstatSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openAtlas, type Atlas } from '../../atlas.js';
import { ExportError, exportToFile, writeFileAtomic } from '../../export/index.js';
import { checkDirTarget, checkFileTarget } from '../../export/output-target.js';
import { resolvePlace } from '../../model/places.js';
import { describePlaceLookup } from '../../model/place-hints.js';
import { latestReport, siteStatusAt, type Lens } from '../../model/status.js';
import type { Site } from '../../model/types.js';
import { statusLabel } from '../../model/vocabulary.js';
import { DEFAULT_DATA_DIR, DEFAULT_GEO_DIR } from '../../paths.js';
import { findProvince } from '../../registry/provinces.js';
import { sanitizeInline } from '../../text/sanitize.js';
import { captureScreen } from '../../ui/capture.js';
import { exportMeta } from '../../view/export-meta.js';
import { viewContext, type ViewContext } from '../../view/reduce.js';
import type { ViewState } from '../../view/state.js';
import { stateForView, viewOfState, viewStem, type View } from '../../view/views.js';
import { DATA_OPTIONS, oneOf, parseCommandArgs, UsageError } from '../args.js';
import { LENS_HELP, LENS_OPTIONS, lensFromArgs } from '../as-of.js';
import { asOfLabel } from '../../view/chrome-lines.js';
import { lensOf } from '../../view/state.js';
import { openDatasetCached } from '../context.js';
import { LookupError } from '../lookup-error.js';
import type { Output } from '../output.js';

export const EXPORT_USAGE = `Usage: nk20x10 export [--view national|province:ID|county:ID] [--as-of YYYY-MM-DD] [--hindsight] [--stale-after N] [--size 160x48]
                      [--format png|svg|html|txt|ansi] [-o FILE] [--force] [--scale 1|2] [--no-timestamp]
       nk20x10 export --pack DIR [--format …] [--as-of …] [--size …] [--force]
                      [--data DIR] [--geo FILE]

Writes a screenshot of a dashboard view for briefings, exactly as the terminal shows it, framed with
the title, as-of date, legend, sources and boundary attribution.
  --view     national (default), province:ID or county:ID; ID is any spelling (county:김형직군)
  --format   png (default, or from -o's extension), svg, html, txt (plain text), ansi (raw frame)
  -o FILE    default: nk20x10-<view>-<as-of>.<format> in the current directory
  --pack DIR the national view, every province and every program site, plus index.html
  --scale    PNG pixel scale, default 2 (print); --no-timestamp omits the generation time
${LENS_HELP}
Files are written atomically, never over an existing file without --force, never inside data/.`;

const OPTIONS = {
  ...DATA_OPTIONS,
  geo: { type: 'string' },
  view: { type: 'string' },
  ...LENS_OPTIONS,
  size: { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
  pack: { type: 'string' },
  scale: { type: 'string' },
  'no-timestamp': { type: 'boolean' },
} as const;

const FORMATS = ['png', 'svg', 'html', 'txt', 'ansi'] as const;
type Format = (typeof FORMATS)[number];
const EXTENSION: Record<Format, string> = { png: 'png', svg: 'svg', html: 'html', txt: 'txt', ansi: 'ans' };

export async function exportCommand(argv: string[], io: Output): Promise<number> {
  const { values } = parseCommandArgs(argv, OPTIONS, EXPORT_USAGE);
  if (values.help) {
    io.out(`${EXPORT_USAGE}\n`);
    return 0;
  }
  const { asOf, hindsight, staleAfterMonths } = lensFromArgs(values, EXPORT_USAGE);
  const size = parseSize(values.size ?? '160x48');
  const scale = values.scale === undefined ? 2 : values.scale === '1' ? 1 : values.scale === '2' ? 2 : undefined;
  if (scale === undefined) throw new UsageError(`--scale must be 1 or 2 (got "${values.scale}")`, EXPORT_USAGE);
  const fromExtension = values.output?.match(/\.(png|svg|html?|txt|ansi?)$/i)?.[1]?.toLowerCase();
  const format: Format =
    oneOf('format', values.format, FORMATS, EXPORT_USAGE) ??
    (fromExtension === 'htm' ? 'html' : fromExtension === 'ans' ? 'ansi' : (fromExtension as Format | undefined)) ??
    'png';
  if (values.pack !== undefined && (values.output !== undefined || values.view !== undefined)) {
    throw new UsageError('--pack writes every view: it cannot be combined with --view or -o', EXPORT_USAGE);
  }

  const force = values.force ?? false;
  const forbidden = [values.data ? resolve(values.data) : DEFAULT_DATA_DIR, DEFAULT_DATA_DIR, DEFAULT_GEO_DIR];
  try {
    // The target is judged before the data is even read: a refused export does no work and creates nothing.
    if (values.pack !== undefined) checkDirTarget(resolve(values.pack), { forbiddenDirs: forbidden, force });
    if (values.output !== undefined) checkFileTarget(resolve(values.output), { forbiddenDirs: forbidden, force });
  } catch (err) {
    if (err instanceof ExportError) {
      io.err(`nk20x10: ${sanitizeInline(err.message)}\n`);
      return 1;
    }
    throw err;
  }
  const dataset = await openDatasetCached(values, io.err);
  const atlas = openAtlas(dataset, values.geo ? resolve(values.geo) : undefined);
  const ctx = viewContext(dataset);
  const generatedAt = values['no-timestamp'] ? null : new Date().toISOString();
  const settings = { asOf, hindsight, staleAfterMonths, size, format, scale: scale as 1 | 2, force, generatedAt, forbidden: [dataset.dataDir, ...forbidden] };

  try {
    if (values.pack !== undefined) return await writePack(resolve(values.pack), atlas, ctx, settings, io);
    const view = parseView(values.view ?? 'national', atlas);
    const file = resolve(values.output ?? `${viewStem(view, asOf, hindsight)}.${EXTENSION[format]}`);
    const { bytes } = await writeView(file, view, atlas, ctx, settings);
    io.out(`wrote ${sanitizeInline(file)} (${format.toUpperCase()}, ${size.cols}×${size.rows}, ${bytes.toLocaleString('en-US')} bytes)\n`);
    return 0;
  } catch (err) {
    if (err instanceof ExportError) {
      io.err(`nk20x10: ${sanitizeInline(err.message)}\n`);
      return 1;
    }
    throw err;
  }
}

export interface Settings {
  asOf: string;
  /** Today's knowledge of the day instead of what was known on it (default false). */
  hindsight?: boolean;
  staleAfterMonths?: number;
  size: { cols: number; rows: number };
  format: Format;
  scale: 1 | 2;
  force: boolean;
  generatedAt: string | null;
  forbidden: string[];
}

/**
 * The same screen the dashboard shows, through the export pipeline, written atomically. The app
 * passes its own state (filters, open provinces); the command uses the view's default state.
 */
export async function writeView(file: string, view: View, atlas: Atlas, ctx: ViewContext, s: Settings, state = stateForView(ctx, view, lensOfSettings(s))) {
  const capture = captureScreen(atlas, ctx, state, s.size.cols, s.size.rows);
  return exportToFile(file, capture, exportMeta(atlas, view, lensOf(state), s.generatedAt), { format: s.format, scale: s.scale, force: s.force, forbiddenDirs: s.forbidden });
}

/**
 * The `e` key: the screen as it is (filters, open provinces), written into `dir` under the view's
 * name and date, with -2, -3… rather than replacing an earlier export. Never inside data/ or geo/.
 */
export async function exportCurrentScreen(atlas: Atlas, state: ViewState, format: string, size: { cols: number; rows: number }, dir: string): Promise<string> {
  const fmt = FORMATS.find((f) => f === format) ?? 'png';
  const view = viewOfState(state);
  const stem = viewStem(view, state.asOf, state.hindsight);
  let file = join(dir, `${stem}.${EXTENSION[fmt]}`);
  // lstat, not exists: a dangling symlink is taken too (and would be refused as a target).
  const taken = (f: string) => lstatSync(f, { throwIfNoEntry: false }) !== undefined;
  for (let n = 2; taken(file); n++) file = join(dir, `${stem}-${n}.${EXTENSION[fmt]}`);
  const settings: Settings = {
    asOf: state.asOf,
    hindsight: state.hindsight,
    staleAfterMonths: state.staleAfterMonths,
    size: { cols: Math.max(size.cols, 60), rows: Math.max(size.rows, 16) },
    format: fmt,
    scale: 2,
    force: false,
    generatedAt: new Date().toISOString(),
    forbidden: [atlas.dataset.dataDir, DEFAULT_DATA_DIR, DEFAULT_GEO_DIR],
  };
  await writeView(file, view, atlas, viewContext(atlas.dataset), settings, state);
  return file;
}

async function writePack(dir: string, atlas: Atlas, ctx: ViewContext, s: Settings, io: Output): Promise<number> {
  const rules = { forbiddenDirs: s.forbidden, force: s.force };
  const realDir = checkDirTarget(dir, rules);
  const d = atlas.dataset;
  const provinces = d.registry.provinces.filter((p) => d.sites.some((site) => site.province === p.id));
  const views: { view: View; label: string }[] = [
    { view: { kind: 'national' }, label: 'National view' },
    ...provinces.map((p) => ({ view: { kind: 'province', id: p.id } as View, label: `${p.name_en} ${p.name_ko}` })),
    ...d.sites.map((site) => ({
      view: { kind: 'county', id: site.id } as View,
      label: `${site.name_en} ${site.name_ko} (${site.year}${site.role === 'batch' ? '' : `, ${site.role}`}): ${statusLabelAt(site, lensOfSettings(s))}`,
    })),
  ];
  // Every target is checked before the directory or any file is created: a refused pack creates nothing.
  const files = [...views.map(({ view }) => `${viewStem(view, s.asOf)}.${EXTENSION[s.format]}`), 'index.html'];
  for (const file of files) checkFileTarget(join(realDir, file), rules);
  try {
    mkdirSync(realDir, { recursive: true });
  } catch (err) {
    throw new ExportError('UNWRITABLE', `cannot create ${sanitizeInline(dir)}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, dir);
  }
  checkDirTarget(realDir, rules); // the same answer now that it exists (nothing was swapped in meanwhile)
  const links: { file: string; label: string; kind: View['kind'] }[] = [];
  for (const { view, label } of views) {
    const file = `${viewStem(view, s.asOf, s.hindsight)}.${EXTENSION[s.format]}`;
    await writeView(join(realDir, file), view, atlas, ctx, s);
    links.push({ file, label, kind: view.kind });
  }
  await writeFileAtomic(join(realDir, 'index.html'), packIndex(links, asOfLabel({ asOf: s.asOf, hindsight: s.hindsight ?? false }, latestReport(d.sites, lensOfSettings(s)), true).replace(/^as of /, '')), { force: s.force, forbiddenDirs: s.forbidden });
  io.out(`wrote ${links.length} views and index.html to ${sanitizeInline(dir)}\n`);
  return 0;
}

function lensOfSettings(s: Settings): Lens {
  return { asOf: s.asOf, hindsight: s.hindsight ?? false, ...(s.staleAfterMonths !== undefined ? { staleAfterMonths: s.staleAfterMonths } : {}) };
}

/** "operating (state claim, stale)", or "nothing known" before the first report. */
function statusLabelAt(site: Site, lens: Lens): string {
  const at = siteStatusAt(site, lens);
  return at ? statusLabel(at.status, at.strength, at.stale) : 'nothing known';
}

function packIndex(links: { file: string; label: string; kind: View['kind'] }[], asOf: string): string {
  const esc = (t: string) => sanitizeInline(t).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const section = (title: string, kind: View['kind']) =>
    `<h2>${title}</h2>\n<ul>\n${links
      .filter((l) => l.kind === kind)
      .map((l) => `  <li><a href="${esc(l.file)}">${esc(l.label)}</a></li>`)
      .join('\n')}\n</ul>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>nk20x10 briefing pack, as of ${esc(asOf)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;line-height:1.5}</style></head>
<body>
<h1>nk20x10 briefing pack</h1>
<p>Regional Development 20×10 Policy, as of ${esc(asOf)}. Each page is a dashboard screen with its sources and boundary attribution.</p>
${section('National', 'national')}
${section('Provinces', 'province')}
${section('Program sites', 'county')}
</body></html>
`;
}

function parseView(text: string, atlas: Atlas): View {
  if (text === 'national') return { kind: 'national' };
  const [kind, ...rest] = text.split(':');
  const id = rest.join(':');
  if (kind === 'province' && id) {
    const province = findProvince(id);
    if (!province) throw new UsageError(`--view: unknown province "${sanitizeInline(id)}"`, EXPORT_USAGE);
    return { kind: 'province', id: province.id };
  }
  if (kind === 'county' && id) {
    const r = resolvePlace(atlas.dataset, id);
    if (r.kind !== 'found') throw new LookupError(describePlaceLookup(atlas.dataset, id, r));
    if (r.target.kind !== 'site') throw new LookupError(`${r.target.label} is not a 20×10 program site in this dataset`);
    return { kind: 'county', id: r.target.id };
  }
  throw new UsageError(`--view must be national, province:ID or county:ID (got "${sanitizeInline(text)}")`, EXPORT_USAGE);
}

function parseSize(text: string): { cols: number; rows: number } {
  const m = /^(\d{2,3})x(\d{2,3})$/.exec(text);
  const cols = Number(m?.[1]);
  const rows = Number(m?.[2]);
  if (!m || cols < 60 || rows < 16 || cols > 400 || rows > 200) {
    throw new UsageError(`--size must be COLSxROWS between 60x16 and 400x200 (got "${sanitizeInline(text)}")`, EXPORT_USAGE);
  }
  return { cols, rows };
}
