/**
 * The slide composer: a view (national, a province, a county, the gap table, the timeline) laid out
 * as blocks on a cell grid for a briefing slide. Pure: atlas + view + lens + size in, a Slide out
 * (grid, blocks, vector overlays, provenance); no terminal, no key hints, no scroll indicators,
 * no footer, no cursor. The renderers (render.ts) turn it into SVG/PNG/HTML/TXT/ANSI.
 *
 * Layout: the grid is cut into equal text columns (at least `minColumn` cells wide, two cells
 * apart). The map, when the view has one, sits at the top of the first column; text flows under
 * it and on through the other columns. A county's detail is never cut: when it does not fit,
 * the slide grows taller. The national list becomes a compact table (one row per first-level
 * unit) when it does not fit.
 */
import type { Atlas } from '../../atlas.js';
import { countyStatusView } from '../../atlas.js';
import { gapRows } from '../../model/gap.js';
import { rolloutAt } from '../../model/rollout.js';
import { buildSiteReport } from '../../model/site-report.js';
import { DEFAULT_STALE_AFTER_MONTHS, type Lens } from '../../model/status.js';
import { sanitizeInline } from '../../text/sanitize.js';
import { siteDetailLines } from '../../view/detail-lines.js';
import { asOfText, datasetCredits, sourcesCredit } from '../../view/export-meta.js';
import { gapBlockKey, gapBlockLines } from '../../view/gap-blocks.js';
import { statusWord } from '../../view/status-words.js';
import { mapLines } from '../../view/map-lines.js';
import { plain, text, wrapLine, type Line } from '../../view/paint.js';
import { displayWidth } from '../../text/width.js';
import { MUTED, STANCE_MARK } from '../../view/theme.js';
import { STANCES, STANCE_LABELS } from '../../model/vocabulary.js';
import { timelineChartLines } from '../../view/timeline-chart.js';
import type { View } from '../../view/views.js';
import { timelineChartSvg } from '../timeline-svg.js';
import { CELL_HEIGHT, CELL_WIDTH } from '../geometry.js';
import { layoutFrame } from '../frame-layout.js';
import type { CellGrid, ExportMeta, LegendItem } from '../types.js';
import { linesToGrid, type Placed } from './lines-to-grid.js';
import { mapLegend } from './map-legend.js';
import { headingLine, nationalContestedLines, nationalListLines, nationalSiteNameLines, nationalTableLines, siteTableLines, summaries } from './content.js';
import type { SlideSize } from './size.js';
import { LEGEND, STALE_MARK } from '../../map/legend.js';

/** Slides wrap and cut nothing: gap quotes whole. */
const WHOLE = { quoteMax: Infinity } as const;

/** What a slide can show: a dashboard view, the gap table or the roll-out timeline. */
export type SlideView = View | { kind: 'gap' } | { kind: 'timeline' };

export interface SlideOptions {
  size: SlideSize;
  lens: Lens;
  /** Statuses as glyphs instead of colours (the TXT slide). */
  noColor: boolean;
  /** The timeline as a vector drawing (SVG, PNG) instead of text lines (HTML, TXT). */
  vectorChart: boolean;
  /** ISO time shown on the slide; null leaves it out (byte-identical output). */
  generatedAt: string | null;
}

export interface SlideBlock extends Placed {
  kind: 'map' | 'text' | 'chart';
}

/** A vector drawing (an SVG `<g>` fragment in px, origin at its top-left) placed over grid cells. */
export interface SlideVector {
  col: number;
  row: number;
  cols: number;
  rows: number;
  svg: string;
}

export interface Slide {
  view: SlideView;
  grid: CellGrid;
  blocks: SlideBlock[];
  vectors: SlideVector[];
  meta: ExportMeta;
  /** The map block's lines (empty without a map): the TXT slide prints them, then the legend. */
  map: Line[];
  /** The text in reading order, unsplit by columns: what the TXT slide prints after the map. */
  flow: Line[];
  /**
   * Continuation pages (only for a page preset such as 16:9, when the text does not fit one page):
   * each the same size, text only (no map, no legend); empty when one page holds everything.
   * The TXT slide ignores them (its `flow` has all the text).
   */
  continued: Slide[];
  /** Which page this is, of how many (1 of 1 without continuation pages); the paged renderers say so under the title. */
  page: { n: number; of: number };
}

const GAP = 2;

/** Column count and width for `cols` cells with columns at least `min` cells wide. */
function columns(cols: number, min: number): { n: number; width: number } {
  const n = Math.max(1, Math.min(3, Math.floor((cols + GAP) / (min + GAP))));
  return { n, width: Math.floor((cols - (n - 1) * GAP) / n) };
}

/**
 * Lays `lines` from `start` into `n` columns of `rows` (the first `firstTop` rows of column 0 are
 * taken); returns the blocks placed and the index of the first line left over (lines.length when
 * all fit). `keep`: a column ends only after a blank line (blocks such as a site's gap rows stay
 * whole) unless a block is taller than a column.
 */
function flowFrom(lines: readonly Line[], start: number, n: number, width: number, rows: number, firstTop: number, firstCol = 0, keep = false): { placed: Placed[]; next: number } {
  const out: Placed[] = [];
  let i = start;
  for (let c = 0; c < n && i < lines.length; c++) {
    const top = c === 0 ? firstTop : 0;
    const room = rows - top;
    // A column never starts with a blank line.
    while (i < lines.length && lines[i]!.length === 0 && (out.length > 0 || top === 0 || i > 0)) i++;
    let end = Math.min(lines.length, i + room);
    if (keep && end < lines.length && lines[end]!.length !== 0) {
      let k = end;
      while (k > i && lines[k - 1]!.length !== 0) k--;
      if (k > i) end = k;
    }
    // Nor ends with a heading (or a blank line before one) when more follows.
    while (end < lines.length && end > i + 1 && isHeading(lines[end - 1]!)) end--;
    if (room > 0 && end > i) out.push({ lines: lines.slice(i, end), col: (firstCol + c) * (width + GAP), row: top, width, height: end - i });
    if (room > 0) i = end;
  }
  while (i < lines.length && lines[i]!.length === 0) i++;
  return { placed: out, next: i };
}

/** Splits `lines` into columns of `rows` (the first `firstTop` rows of column 0 are taken); null if they do not fit. */
function flow(lines: readonly Line[], n: number, width: number, rows: number, firstTop: number, firstCol = 0, keep = false): Placed[] | null {
  const r = flowFrom(lines, 0, n, width, rows, firstTop, firstCol, keep);
  return r.next >= lines.length ? r.placed : null;
}

function isHeading(line: Line): boolean {
  return line.length === 0 || (line[0]?.text.startsWith('── ') ?? false);
}

/**
 * Grid rows that fill `page` once the frame around the grid (header, legend, credits) is laid out,
 * for the longest legend the map can have (every status, the stale mark, `highlight`) and the
 * subtitle with the longest page note ("Continued, page 99 of 99: "), so any page fits exactly.
 */
function rowsForPage(cols: number, meta: ExportMeta, page: { width: number; height: number }, highlight?: string): number {
  const worstLegend: LegendItem[] = [...Object.values(LEGEND).filter((e) => e.status !== 'none'), STALE_MARK].map((e) => ({ label: e.label, colour: e.colour, glyph: e.glyph }));
  if (highlight !== undefined) worstLegend.unshift({ label: highlight, colour: LEGEND.cursor.colour, glyph: LEGEND.cursor.glyph });
  const { pageHeight: _ignored, ...unpadded } = meta;
  const subtitle = `Continued, page 99 of 99: ${meta.subtitle ?? ''}`;
  const empty = layoutFrame({ cols, rows: 0, cells: [] }, { ...unpadded, subtitle, legend: worstLegend, pageWidth: page.width });
  return Math.max(12, Math.floor((page.height - empty.height) / CELL_HEIGHT));
}

/**
 * Composes one slide. Throws a RangeError for a county or province id the dataset does not have
 * (the CLI resolves names before it gets here).
 */
export function composeSlide(atlas: Atlas, view: SlideView, o: SlideOptions): Slide {
  const d = atlas.dataset;
  const lens = o.lens;
  const staleMonths = lens.staleAfterMonths ?? DEFAULT_STALE_AFTER_MONTHS;
  const cols = o.size.cols;
  const credits = datasetCredits(atlas);
  const meta: ExportMeta = { title: '', asOf: asOfText(atlas, lens), legend: [], credits, generatedAt: o.generatedAt };
  if (o.size.page) {
    meta.pageWidth = o.size.page.width;
    meta.pageHeight = o.size.page.height;
    if (o.size.page.display) {
      meta.displayWidth = o.size.page.display.width;
      meta.displayHeight = o.size.page.display.height;
    }
  }
  const { statuses, stale } = countyStatusView(d.sites, lens);
  const colorLevel = o.noColor ? 0 : 3;
  let rows = o.size.rows;

  let map: Line[] = [];
  /** The map rows alone (no titles): what the legend is read from. */
  let drawn: Line[] = [];
  let mapBlock: SlideBlock | undefined;
  let highlight: string | undefined;
  let body: Line[] = [];
  let min = 56;
  let grows = true;
  let national = false;
  /** Columns end between blocks (blank lines), not inside one. */
  let keep = false;
  const vectors: SlideVector[] = [];
  let continued: Slide[] = [];
  let pageOf = { n: 1, of: 1 };

  if (view.kind === 'county') {
    const site = d.sites.find((s) => s.id === view.id);
    if (!site) throw new RangeError(`no program site "${view.id}"`);
    const p = d.registry.provinceById.get(site.province);
    const report = buildSiteReport(d, site, lens);
    meta.title = `${site.name_en} ${site.name_ko} · ${p?.name_en ?? site.province} ${p?.name_ko ?? ''} · 20×10 ${site.year}${site.role === 'batch' ? ' batch' : ` ${site.role}`}`;
    meta.subtitle = 'What state media claim beside what outside sources report: status, facilities, prices, timeline, each with its source';
    credits.unshift(sourcesCredit(report.sources, 'Sources on this slide'));
    highlight = `${site.name_en} (this slide)`;
    if (o.size.page) rows = rowsForPage(cols, meta, o.size.page, highlight);
    const c = columns(cols, min);
    // The map titles wrap (a long site name never runs under the next column).
    const mapTitle = wrapLine([text(sanitizeInline(`${p?.name_en ?? site.province} ${p?.name_ko ?? ''}`), { bold: true }), text(` · ${sanitizeInline(site.name_en)} highlighted`, { fg: MUTED })], c.width, 2);
    // The locator names the county's own first-level unit in its caption and draws no unit names: a
    // neighbour's name beside the highlight (◂North Hamgyong by Kim Hyong Jik) placed it in the wrong unit.
    const locatorTitle = wrapLine([text(sanitizeInline(`Where it is: ${site.name_en}, ${p?.name_en ?? site.province}, North Korea`), { fg: MUTED })], c.width, 2);
    // The province map takes what the titles and the 12-row locator leave of the slide's height.
    const room = rows - mapTitle.length - locatorTitle.length - 12;
    const provinceMap = mapLines(atlas, c.width, Math.max(8, Math.min(mapHeight(c.width, rows) - 14, room)), { selected: site.county.id, statuses, stale, colorLevel, province: site.province, names: 'en' });
    // A locator: the whole country with the county highlighted, so the slide says where it is.
    const locator = mapLines(atlas, c.width, 12, { selected: site.county.id, statuses, stale, colorLevel, province: null, names: 'en', labels: false });
    drawn = [...provinceMap, ...locator];
    map = [...mapTitle, ...trimBlankRows(provinceMap), ...locatorTitle, ...trimBlankRows(locator)];
    const gap = gapRows(d, lens, { province: site.province }, WHOLE).filter((r) => r.site_id === site.id);
    const gapLines = gap.length > 0 ? gapBlockLines(gap, c.width, o.noColor) : [];
    // What the source tags mean, first: the slide has no help screen to look them up in.
    const key: Line = [text('Tags: ', { fg: MUTED })];
    for (const st of STANCES) key.push(text(STANCE_MARK[st].short, o.noColor ? { bold: true } : { fg: STANCE_MARK[st].colour, bold: true }), text(` ${STANCE_LABELS[st]}  `, { fg: MUTED }));
    body = [...wrapLine(key, c.width, 6), []];
    // The gap rows (state media beside outside sources) before the detail: the comparison a briefing is about.
    if (gapLines.length > 0) body.push(headingLine('State media | outside sources', c.width), ...gapLines, []);
    body.push(...briefingOrder(siteDetailLines(report, c.width, o.noColor)));
  } else if (view.kind === 'province') {
    const p = d.registry.provinceById.get(view.id);
    if (!p) throw new RangeError(`no first-level unit "${view.id}"`);
    meta.title = `${p.name_en} ${p.name_ko} · Regional Development 20×10 Policy`;
    meta.subtitle = 'Program sites in the first-level unit by status, state-media claims beside outside reports';
    min = 80;
    if (o.size.page) rows = rowsForPage(cols, meta, o.size.page);
    const c = columns(cols, min);
    drawn = mapLines(atlas, c.width, mapHeight(c.width, rows) - 1, { selected: undefined, statuses, stale, colorLevel, province: p.id, names: 'en' });
    map = [...wrapLine([text(sanitizeInline(`${p.name_en} ${p.name_ko}`), { bold: true }), text(' · program counties by status', { fg: MUTED })], c.width, 2), ...trimBlankRows(drawn)];
    const sites = summaries(d, lens, d.sites.filter((s) => s.province === p.id).map((s) => s.id));
    const all = d.sites.filter((s) => s.province === p.id).length;
    body = [headingLine(`Program sites in ${p.name_en}: ${all}${sites.length < all ? ` (${all - sites.length} not yet known on this day)` : ''}`, c.width), ...siteTableLines(sites, c.width, o.noColor)];
    // Then each site's newest state-media claim beside its newest outside report, whole, when that
    // fits the slide without growing it (a province with many sites has the gap slide for that).
    // As many whole site blocks as fit, in the gap order (contested first); the rest are named as on the gap slide.
    const gap = gapRows(d, lens, { province: p.id }, WHOLE);
    const top = Math.min(rows, map.length + 1);
    for (let n = gap.length; n > 0; n--) {
      const more = gap.length - n;
      const withGap = [
        ...body,
        [],
        headingLine('State media | outside sources', c.width),
        ...gapBlockKey(c.width, o.noColor),
        [],
        ...gapBlockLines(gap.slice(0, n), c.width, o.noColor),
        ...(more > 0 ? [[], ...wrapLine([text(`${more} more site${more === 1 ? '' : 's'} (${gap.slice(n).map((r) => r.name_en).join(', ')}): on the gap slide`, { fg: MUTED })], c.width, 2)] : []),
      ];
      if (flow(withGap, c.n, c.width, rows, top, 0, true)) {
        body = withGap;
        break;
      }
    }
  } else if (view.kind === 'national') {
    meta.title = 'North Korea · Regional Development 20×10 Policy';
    // Counted as `list` counts: batch and pilot sites known on the as-of day; related sites apart.
    const known = summaries(d, lens, d.sites.map((s) => s.id));
    const program = known.filter((s) => s.role !== 'related');
    const related = known.length - program.length;
    meta.subtitle = `${program.length} program sites known on this day${related ? ` (and ${related} related)` : ''} in ${new Set(program.map((s) => s.province)).size} of ${d.registry.provinces.length} first-level units, by status: state-media claims beside outside reports`;
    if (o.size.page) rows = rowsForPage(cols, meta, o.size.page);
    grows = false;
    national = true;
    const c = columns(cols, min);
    drawn = mapLines(atlas, c.width, mapHeight(c.width, rows) - 1, { selected: undefined, statuses, stale, colorLevel, province: null, names: 'en' });
    map = [[text('North Korea', { bold: true }), text(' · program counties by status', { fg: MUTED })], ...trimBlankRows(drawn)];
    body = [headingLine(`All ${d.registry.provinces.length} first-level units and their program sites`, c.width), ...nationalListLines(d, lens, c.width, o.noColor)];
  } else if (view.kind === 'gap') {
    meta.title = 'The gap: what state media claim, what outside sources report';
    meta.subtitle = 'One row per program site: the newest state-media statement beside the newest outside one; contested first';
    if (o.size.page) rows = rowsForPage(cols, meta, o.size.page);
    // Two columns of site blocks from 180 cells (each block's two sides side by side), else one.
    min = Math.min(cols, 88);
    keep = true;
    const w = columns(cols, min).width;
    body = [...gapBlockKey(w, o.noColor), [], ...gapBlockLines(gapRows(d, lens, {}, WHOLE), w, o.noColor)];
  } else {
    meta.title = 'The roll-out: inaugurations against the 200-site target';
    meta.subtitle = 'Cumulative inaugurations by month, one series per batch; outside reports of disruption marked on the time axis';
    if (o.size.page) rows = rowsForPage(cols, meta, o.size.page);
    min = cols;
    const rollout = rolloutAt(d, lens);
    const markers: Line[] = rollout.markers.length
      ? [[], headingLine('Outside reports of disruption (markers on the time axis)', cols), ...rollout.markers.map((m): Line => [text(`  ${m.date}  `, { fg: MUTED }), text(sanitizeInline(m.name_en), { bold: true }), text(sanitizeInline(` · ${statusWord(m.status)} · ${m.outlet} [${m.source_ids.join(', ')}]`))])]
      : [];
    const chartRows = Math.max(12, rows - markers.length);
    const chart = o.vectorChart ? Array.from({ length: chartRows }, (): Line => [text(' ')]) : timelineChartLines(rollout, cols, chartRows, o.noColor);
    if (o.vectorChart) vectors.push({ col: 0, row: 0, cols, rows: chartRows, svg: timelineChartSvg(rollout, { width: cols * CELL_WIDTH, height: chartRows * CELL_HEIGHT }) });
    body = [...chart, ...markers];
  }

  const c = columns(cols, min);
  // Lines wider than a column (a facility's status bar and label) wrap rather than lose their end.
  body = body.flatMap((l) => (lineWidth(l) > c.width ? wrapLine(l, c.width, 4) : [l]));
  let placed: Placed[] | null = null;
  rows = Math.max(rows, map.length);
  const mapTop = map.length > 0 ? Math.min(rows, map.length + 1) : 0;
  if (national) {
    // The list keeps to the columns beside the map (a table split under the map reads badly).
    placed = c.n > 1 ? flow(body, c.n - 1, c.width, rows, 0, 1) : flow(body, 1, c.width, rows, mapTop);
    if (!placed) {
      // The compact table; beside it (a column of its own when there is one) the contested sites and
      // the sites by name, as much of that as fits whole (the columns would stand half empty).
      const table = [headingLine(`All ${d.registry.provinces.length} first-level units: program sites by status`, c.width), ...nationalTableLines(d, lens, c.width, o.noColor)];
      const contested = nationalContestedLines(d, lens, c.width, o.noColor);
      const names = nationalSiteNameLines(d, lens, c.width);
      const extras: Line[][] = [
        [...contested, ...(contested.length > 0 ? [[]] : []), ...names],
        ...(contested.length > 0 ? [contested] : []),
        [],
      ];
      for (const extra of extras) {
        if (c.n >= 3 && extra.length > 0) {
          const a = flow(table, 1, c.width, rows, 0, 1);
          const b = flow(extra, 1, c.width, rows, 0, 2);
          if (a && b) {
            body = [...table, [], ...extra];
            placed = [...a, ...b];
            break;
          }
        }
        body = extra.length > 0 ? [...table, [], ...extra] : table;
        placed = c.n > 1 ? flow(body, c.n - 1, c.width, rows, 0, 1) : flow(body, 1, c.width, rows, mapTop);
        if (placed) break;
      }
    }
  }
  if (grows || !placed) {
    if (o.size.page) {
      // A preset is a page of fixed size: what does not fit goes on continuation pages of the same size.
      const first = flowFrom(body, 0, c.n, c.width, rows, mapTop, 0, keep);
      placed = first.placed;
      let next = first.next;
      const pages: { placed: Placed[] }[] = [];
      const contRows = rows;
      while (next < body.length) {
        const before = next;
        const r = flowFrom(body, next, c.n, c.width, contRows, 0, 0, keep);
        pages.push({ placed: r.placed });
        next = r.next;
        if (next === before) break; // never loops: a column always takes a line
      }
      const total = pages.length + 1;
      continued = pages.map((pg, k) => {
        const b: SlideBlock[] = pg.placed.map((p) => ({ kind: 'text', ...p }));
        return { view, grid: linesToGrid(b, cols, contRows), blocks: b, vectors: [], meta: { ...meta, legend: [] }, map: [], flow: [], continued: [], page: { n: k + 2, of: total } };
      });
      pageOf = { n: 1, of: total };
    } else {
      while (!(placed = flow(body, c.n, c.width, rows, mapTop, 0, keep))) rows++;
    }
  }
  const blocks: SlideBlock[] = [];
  if (map.length > 0) blocks.push((mapBlock = { kind: 'map', lines: map, col: 0, row: 0, width: c.width, height: map.length }));
  for (const p of placed!) blocks.push({ kind: view.kind === 'timeline' ? 'chart' : 'text', ...p });
  meta.legend = mapBlock ? mapLegend(drawn, o.noColor, staleMonths, highlight) : [];
  return { view, grid: linesToGrid(blocks, cols, rows), blocks, vectors, meta, map, flow: body, continued, page: pageOf };
}

/** Detail sections a briefing reads first, in this order, right after the status and contested summary. */
const FIRST_SECTIONS = ['Prices', 'Products', 'Facilities'];

/**
 * The county detail (detail-lines.ts, sections under "── Title" headings) reordered for a slide:
 * the lines before the first heading (status, contested summary), then the prices, products and
 * facilities, then every other section in its own order. Nothing is dropped, and a section's
 * lines stay together: on a 16:9 page the prices stay on the first page rather than the third.
 */
function briefingOrder(lines: readonly Line[]): Line[] {
  const sections: Line[][] = [[]];
  for (const l of lines) {
    if (plain(l).startsWith('── ')) sections.push([]);
    sections[sections.length - 1]!.push(l);
  }
  const rank = (sec: Line[]) => {
    const title = plain(sec[0] ?? []).replace(/^── /, '');
    const i = FIRST_SECTIONS.findIndex((t) => title.startsWith(t));
    return i < 0 ? FIRST_SECTIONS.length : i;
  };
  const [head, ...rest] = sections;
  // A stable sort: sections not named keep their order after the named ones.
  return [...head!, ...rest.map((sec, i) => ({ sec, i })).sort((a, b) => rank(a.sec) - rank(b.sec) || a.i - b.i).flatMap((x) => x.sec)];
}

function lineWidth(line: Line): number {
  return line.reduce((n, seg) => n + displayWidth(seg.text), 0);
}

/** The map without its blank top and bottom rows (the raster centres the area in its box). */
function trimBlankRows(lines: Line[]): Line[] {
  const blank = (l: Line) => l.every((seg) => seg.text.trim() === '' && !seg.bg);
  let a = 0;
  let b = lines.length;
  while (a < b && blank(lines[a]!)) a++;
  while (b > a && blank(lines[b - 1]!)) b--;
  return lines.slice(a, b);
}

/** Map rows for a column `width` cells wide: about square on the page (cells are 10×22 px), at most the slide's height. */
function mapHeight(width: number, rows: number): number {
  const square = Math.round((width * CELL_WIDTH) / CELL_HEIGHT) + 2;
  return rows - square < 6 ? rows : Math.min(rows, square);
}

/** The file-name stem of a slide: nk20x10-county-kusong-2025-12-31. */
export function slideStem(view: SlideView, asOf: string, hindsight = false): string {
  const name = view.kind === 'national' || view.kind === 'gap' || view.kind === 'timeline' ? view.kind : `${view.kind}-${view.id}`;
  return `nk20x10-${name}-${asOf}${hindsight ? '-hindsight' : ''}`;
}
