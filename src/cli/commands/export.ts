import { lstatSync, mkdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { openAtlas, type Atlas } from '../../atlas.js';
import { ExportError, exportToFile, writeFileAtomic } from '../../export/index.js';
import { checkDirTarget, checkFileTarget } from '../../export/output-target.js';
import { resolvePlace } from '../../model/places.js';
import { describePlaceLookup } from '../../model/place-hints.js';
import { siteStatusAt, type Lens } from '../../model/status.js';
import { STATUS_LABELS, STRENGTH_LABELS } from '../../model/vocabulary.js';
import { DEFAULT_DATA_DIR, DEFAULT_GEO_DIR } from '../../paths.js';
import { sanitizeInline } from '../../text/sanitize.js';
import { captureScreen } from '../../ui/capture.js';
import { asOfText, exportMeta } from '../../view/export-meta.js';
import { composeSlide, slideStem, type SlideView } from '../../export/slide/compose.js';
import { packIndexHtml } from '../../export/slide/pack-index.js';
import { continuationFile, writeSlide } from '../../export/slide/render.js';
import { parseSlideSize, SIZE_HELP, type SlideSize } from '../../export/slide/size.js';
import { viewContext, type ViewContext } from '../../view/reduce.js';
import type { ViewState } from '../../view/state.js';
import { stateForView, viewOfState, viewStem, type View } from '../../view/views.js';
import { DATA_OPTIONS, HELP_LINE, oneOf, parseCommandArgs, UsageError } from '../args.js';
import { LENS_HELP, LENS_OPTIONS, lensFromArgs } from '../as-of.js';
import { lensOf } from '../../view/state.js';
import { openDatasetCached } from '../context.js';
import { provinceOption } from '../province-option.js';
import { LookupError } from '../lookup-error.js';
import type { Output } from '../output.js';

export const EXPORT_USAGE = `Usage: nk20x10 export [--view national|province:ID|county:ID|gap|timeline] [--as-of YYYY-MM-DD] [--hindsight] [--stale-after N]
                      [--size 160x48|slide|16:9|16:9-small] [--format png|svg|html|txt|ansi] [-o, --output FILE] [--force] [--scale 1|2] [--no-timestamp]
       nk20x10 export --pack DIR [--format …] [--as-of …] [--size …] [--force]
                      [--data DIR] [--geo FILE]

Writes a briefing slide of a view, composed for the page (no key hints, no scroll indicators):
the title, as-of date, map, detail, legend of what is drawn, sources and boundary attribution.
  --view     national (default), province:ID, county:ID (any spelling: county:김형직군), gap (state
             media | outside sources per site) or timeline (inaugurations against the target)
  --size     ${SIZE_HELP}; default 160x48. A county slide grows taller rather than cut its detail
  --format   png (default, or from -o's extension), svg, html, txt (plain text), ansi (terminal colours)
  -o, --output FILE  default: nk20x10-<view>-<as-of>.<format> in the current directory
  --pack DIR the national view, every province and every program site, the gap table and the
             timeline, plus index.html; progress on stderr when it is a terminal
  --scale    PNG pixel scale, default 2 (print); --no-timestamp omits the generation time
${LENS_HELP}
Files are written atomically, never over an existing file without --force, never inside data/.
${HELP_LINE}`;

/** The options this command accepts (its --help names every one: test/cli/help-options.test.ts). */
export const OPTIONS = {
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
  let size: SlideSize;
  try {
    size = parseSlideSize(values.size ?? '160x48');
  } catch (err) {
    throw new UsageError(sanitizeInline((err as Error).message), EXPORT_USAGE);
  }
  const scale = values.scale === undefined ? 2 : values.scale === '1' ? 1 : values.scale === '2' ? 2 : undefined;
  if (scale === undefined) throw new UsageError(`--scale must be 1 or 2 (got "${sanitizeInline(values.scale ?? '')}")`, EXPORT_USAGE);
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
  // The target is judged before the data is even read: a refused export does no work and creates
  // nothing. An ExportError is an output failure (exit 3, main.ts).
  if (values.pack !== undefined) checkDirTarget(resolve(values.pack), { forbiddenDirs: forbidden, force });
  if (values.output !== undefined) checkFileTarget(resolve(values.output), { forbiddenDirs: forbidden, force });
  const dataset = await openDatasetCached(values, io.err);
  const atlas = openAtlas(dataset, values.geo ? resolve(values.geo) : undefined);
  const ctx = viewContext(dataset);
  const generatedAt = values['no-timestamp'] ? null : new Date().toISOString();
  const settings = { asOf, hindsight, staleAfterMonths, size, format, scale: scale as 1 | 2, force, generatedAt, forbidden: [dataset.dataDir, ...forbidden] };

  if (values.pack !== undefined) return await writePack(resolve(values.pack), atlas, ctx, settings, io);
  const view = parseView(values.view ?? 'national', atlas);
  const file = resolve(values.output ?? `${slideStem(view, asOf, hindsight)}.${EXTENSION[format]}`);
  const { bytes, cols, rows, pages } = await writeSlideFile(file, view, atlas, settings);
  // A preset page that cannot hold everything continues on FILE-2, FILE-3… of the same size.
  const page = size.page ? `, ${size.page.name}${pages > 1 ? `, ${pages} pages: continued in ${sanitizeInline(basename(continuationFile(file, 2)))}…` : ''}` : '';
  io.out(`wrote ${sanitizeInline(file)} (${format.toUpperCase()}, ${cols}×${rows} cells${page}, ${bytes.toLocaleString('en-US')} bytes)\n`);
  return 0;
}

export interface Settings {
  asOf: string;
  /** Today's knowledge of the day instead of what was known on it (default false). */
  hindsight?: boolean;
  staleAfterMonths?: number;
  size: SlideSize;
  format: Format;
  scale: 1 | 2;
  force: boolean;
  generatedAt: string | null;
  forbidden: string[];
}

/**
 * A composed slide of `view` (slide/compose.ts), rendered in the settings' format and written
 * atomically. Returns the bytes written and the slide's grid size in cells (at COLSxROWS a county
 * or gap slide may be taller than asked, to hold everything; at a page preset it keeps the page
 * and continues on FILE-2, FILE-3…: `pages` files in all).
 */
export async function writeSlideFile(file: string, view: SlideView, atlas: Atlas, s: Settings): Promise<{ bytes: number; cols: number; rows: number; pages: number }> {
  const slide = composeSlide(atlas, view, {
    size: s.size,
    lens: lensOfSettings(s),
    noColor: s.format === 'txt',
    vectorChart: s.format === 'svg' || s.format === 'png',
    generatedAt: s.generatedAt,
  });
  const { bytes, files } = await writeSlide(file, slide, s.format, { scale: s.scale, force: s.force, forbiddenDirs: s.forbidden });
  return { bytes, cols: slide.grid.cols, rows: slide.grid.rows, pages: files.length };
}

/**
 * The screen the dashboard shows (a screenshot, for the app's `e` key) through the export
 * pipeline, without the footer's key hints, written atomically.
 */
export async function writeView(file: string, view: View, atlas: Atlas, ctx: ViewContext, s: Settings, state = stateForView(ctx, view, lensOfSettings(s))) {
  const capture = captureScreen(atlas, ctx, state, s.size.cols, s.size.rows);
  const meta = exportMeta(atlas, view, lensOf(state), s.generatedAt);
  const titled = state.mode === 'sites' ? meta : { ...meta, ...MODE_TITLES[state.mode] };
  return exportToFile(file, capture, titled, { format: s.format, scale: s.scale, force: s.force, forbiddenDirs: s.forbidden });
}

/** Titles of a screenshot taken in the Gap or Timeline view. */
const MODE_TITLES = {
  gap: { title: 'The gap: what state media claim, what outside sources report', subtitle: 'One row per program site: the newest state-media statement beside the newest outside one' },
  timeline: { title: 'Roll-out: inaugurations by month against the 200-site target', subtitle: 'Cumulative inaugurations per batch; outside reports of disruption marked on the time axis' },
} as const;

/**
 * The `e` key: the screen as it is (filters, open provinces), written into `dir` under the view's
 * name and date, with -2, -3… rather than replacing an earlier export. Never inside data/ or geo/.
 */
export async function exportCurrentScreen(atlas: Atlas, state: ViewState, format: string, size: { cols: number; rows: number }, dir: string): Promise<string> {
  const fmt = FORMATS.find((f) => f === format) ?? 'png';
  // In the Gap and Timeline views the screen is that view, not the site under the list's cursor.
  const view = state.mode === 'sites' ? viewOfState(state) : ({ kind: 'national' } as const);
  const stem = state.mode === 'sites' ? viewStem(view, state.asOf, state.hindsight) : slideStem({ kind: state.mode }, state.asOf, state.hindsight);
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
  void ctx;
  const started = performance.now();
  const rules = { forbiddenDirs: s.forbidden, force: s.force };
  const realDir = checkDirTarget(dir, rules);
  const d = atlas.dataset;
  const lens = lensOfSettings(s);
  const provinces = d.registry.provinces.filter((p) => d.sites.some((site) => site.province === p.id));
  const views: SlideView[] = [
    { kind: 'national' },
    { kind: 'gap' },
    { kind: 'timeline' },
    ...provinces.map((p): SlideView => ({ kind: 'province', id: p.id })),
    ...d.sites.map((site): SlideView => ({ kind: 'county', id: site.id })),
  ];
  const fileOf = (view: SlideView) => `${slideStem(view, s.asOf, s.hindsight)}.${EXTENSION[s.format]}`;
  // Every target is checked before the directory or any file is created: a refused pack creates nothing.
  for (const file of [...views.map(fileOf), 'index.html']) checkFileTarget(join(realDir, file), rules);
  try {
    mkdirSync(realDir, { recursive: true });
  } catch (err) {
    throw new ExportError('UNWRITABLE', `cannot create ${sanitizeInline(dir)}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, dir);
  }
  checkDirTarget(realDir, rules); // the same answer now that it exists (nothing was swapped in meanwhile)
  // Progress only on a terminal: "12/86 county-kusong…", rewritten in place, cleared at the end.
  const tty = io.errIsTTY === true;
  let total = 0;
  let done = 0;
  // Slides are composed one at a time on this thread; PNGs are drawn on resvg's thread pool, a few
  // at once (one per core, at most 4), so composing and drawing overlap.
  const lanes = Math.max(1, Math.min(4, availableParallelism()));
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (!failed && next < views.length) {
      const view = views[next++]!;
      try {
        // Awaited first, then added: `total += await …` would read `total` before the await and lose other lanes' bytes.
        const { bytes } = await writeSlideFile(join(realDir, fileOf(view)), view, atlas, s);
        total += bytes;
      } catch (err) {
        failed = true; // the other lanes stop after the slide they are writing
        throw err;
      }
      done++;
      if (tty) io.err(`\r\u001b[2K${done}/${views.length} ${slideStem(view, s.asOf, s.hindsight).replace(/^nk20x10-/, '').replace(/-\d{4}-\d{2}-\d{2}(-hindsight)?$/, '')}…`);
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  if (tty) io.err('\r\u001b[2K');
  const index = packIndexHtml({
    asOf: asOfText(atlas, lens),
    overview: [
      { file: fileOf({ kind: 'national' }), label: 'National: every first-level unit and its program sites' },
      { file: fileOf({ kind: 'gap' }), label: 'The gap: state media beside outside sources, site by site' },
      { file: fileOf({ kind: 'timeline' }), label: 'Timeline: inaugurations against the 200-site target' },
    ],
    provinces: provinces.map((p) => ({ file: fileOf({ kind: 'province', id: p.id }), label: `${p.name_en} ${p.name_ko}` })),
    sites: d.sites.map((site) => {
      const at = siteStatusAt(site, lens);
      return {
        file: fileOf({ kind: 'county', id: site.id }),
        label: `${site.name_en} ${site.name_ko}`,
        province: d.registry.provinceById.get(site.province)?.name_en ?? site.province,
        year: site.year,
        status: at ? STATUS_LABELS[at.status] : 'nothing known',
        strength: at ? STRENGTH_LABELS[at.strength] : '',
        stale: at?.stale ?? false,
        contested: at?.contested ?? false,
        uncertain: at?.uncertain ?? false,
      };
    }),
  });
  await writeFileAtomic(join(realDir, 'index.html'), index, { force: s.force, forbiddenDirs: s.forbidden });
  total += Buffer.byteLength(index);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  io.out(`wrote ${views.length} slides and index.html to ${sanitizeInline(dir)}: ${total.toLocaleString('en-US')} bytes in ${seconds} s\n`);
  return 0;
}

function lensOfSettings(s: Settings): Lens {
  return { asOf: s.asOf, hindsight: s.hindsight ?? false, ...(s.staleAfterMonths !== undefined ? { staleAfterMonths: s.staleAfterMonths } : {}) };
}

function parseView(text: string, atlas: Atlas): SlideView {
  if (text === 'national' || text === 'gap' || text === 'timeline') return { kind: text };
  const [kind, ...rest] = text.split(':');
  const id = rest.join(':');
  if (kind === 'province' && id) {
    return { kind: 'province', id: provinceOption(`--view ${kind}:${id}`, id, EXPORT_USAGE)!.id };
  }
  if (kind === 'county' && id) {
    const r = resolvePlace(atlas.dataset, id);
    if (r.kind !== 'found') throw new LookupError(`--view ${text}: ${describePlaceLookup(atlas.dataset, id, r)}`);
    if (r.target.kind !== 'site') throw new LookupError(`--view ${text}: ${r.target.label} is not a 20×10 program site in this dataset`);
    return { kind: 'county', id: r.target.id };
  }
  throw new UsageError(`--view must be national, province:ID, county:ID, gap or timeline (got "${sanitizeInline(text)}")`, EXPORT_USAGE);
}
