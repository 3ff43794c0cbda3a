/**
 * The whole screen for one view state and terminal size. Computes nothing itself: every pane's
 * content comes from pure functions in src/view; this component only lays the panes out.
 */
import { useMemo } from 'react';
import type { Atlas } from '../atlas.js';
import { countyStatusView } from '../atlas.js';
import { buildSiteReport } from '../model/site-report.js';
import { cursorIndex, filterOptionCounts, groupRows, visibleSites } from '../view/list-rows.js';
import { FOOTER_ROWS, HEADER_ROWS, layout, MIN_COLS, MIN_ROWS } from '../view/layout.js';
import { exportLines, filterLines, footerLine, headerLines, helpLines, searchLines } from '../view/chrome-lines.js';
import { provinceDetailLines, siteDetailLines } from '../view/detail-lines.js';
import { listLines } from '../view/list-lines.js';
import { mapPaneLines } from '../view/map-lines.js';
import { composeFrame, placePanes } from '../view/frame.js';
import { painter, text, type ColorLevel, type Line } from '../view/paint.js';
import { progressAt } from '../view/progress.js';
import type { ViewContext } from '../view/reduce.js';
import { searchSites } from '../view/search.js';
import { searchHint } from '../model/place-hints.js';
import type { SiteSummary } from '../model/site-summary.js';
import { lensOf, type ViewState } from '../view/state.js';
import { gapRowsForView } from '../view/gap-rows.js';
import { modePane } from '../view/mode-panes.js';
import { rolloutAt } from '../model/rollout.js';
import { Frame } from './Frame.js';

export interface DashboardProps {
  atlas: Atlas;
  ctx: ViewContext;
  state: ViewState;
  cols: number;
  rows: number;
  colorLevel: ColorLevel;
}

export function Dashboard({ atlas, ctx, state, cols, rows, colorLevel }: DashboardProps) {
  const paint = useMemo(() => painter(colorLevel), [colorLevel]);
  const noColor = colorLevel === 0;
  const L = layout(cols, rows, state.showMap);
  const dataset = ctx.dataset;
  // Each pane is recomputed only when its own inputs change: a keystroke usually touches one or two.
  const lens = useMemo(() => lensOf(state), [state.asOf, state.hindsight, state.staleAfterMonths]);
  const visible = useMemo(() => visibleSites(dataset, state), [dataset, lens, state.filter]);
  const progress = useMemo(() => progressAt(dataset, lens), [dataset, lens]);
  // The map shows what the list shows: the sites passing the filters, as of the date.
  const { statuses, stale } = useMemo(() => {
    const ids = new Set(visible.map((s) => s.id));
    return countyStatusView(dataset.sites.filter((s) => ids.has(s.id)), lens);
  }, [dataset, visible, lens]);
  const list = useMemo(() => groupRows(dataset, visible, state.collapsed), [dataset, visible, state.collapsed]);
  const cursor = cursorIndex(list, state.cursor);
  const row = list[cursor];
  const site = row?.kind === 'site' ? dataset.sites.find((s) => s.id === row.site.id) : undefined;
  const detailWidth = L.kind === 'too-small' ? 0 : Math.max(1, L.detail.width - 2);
  const siteLines = useMemo(
    () => (site && state.mode === 'sites' ? siteDetailLines(buildSiteReport(dataset, site, lens), detailWidth, noColor) : undefined),
    [dataset, site, lens, detailWidth, noColor, state.mode],
  );
  const mapBox = L.kind === 'too-small' ? null : L.map;
  const mapContent = useMemo(() => {
    if (!mapBox || state.mode !== 'sites') return [];
    // Map, legend (wrapped, every status drawn) and credit: view/map-lines.ts mapPaneLines.
    return mapPaneLines(atlas, Math.max(1, mapBox.width - 2), Math.max(1, mapBox.height - 3), {
      selected: site?.county.id,
      statuses,
      colorLevel,
      province: state.mapProvince,
      names: state.mapNames,
      stale,
    });
  }, [atlas, mapBox?.width, mapBox?.height, site?.county.id, statuses, stale, colorLevel, noColor, state.mapProvince, state.mapNames, state.mode]);

  // Gap and Timeline modes: computed only while shown, and only when their inputs change.
  const gapRows = useMemo(() => (state.mode === 'gap' ? gapRowsForView(dataset, lens, visible) : []), [state.mode, dataset, lens, visible]);
  const rollout = useMemo(() => (state.mode === 'timeline' ? rolloutAt(dataset, lens) : null), [state.mode, dataset, lens]);

  if (L.kind === 'too-small') {
    // Short lines: the notice itself must fit in a tiny terminal.
    const lines = cols >= 44
      ? [`nk20x10 needs a terminal of at least ${MIN_COLS}×${MIN_ROWS}.`, `This one is ${cols}×${rows}.`, 'Enlarge it (the screen redraws), or press q.']
      : [`Needs ${MIN_COLS}×${MIN_ROWS}`, `This is ${cols}×${rows}`, 'Enlarge, or q'];
    const notice = lines.slice(0, Math.max(1, rows - 1)).map((l, i): Line => [text(l, { bold: i === 0 })]);
    return <Frame frame={composeFrame({ cols, rows, header: notice, panes: [], footer: [], paint, color: !noColor })} />;
  }
  const inner = (w: number) => Math.max(1, w - 2);
  const innerH = (h: number) => Math.max(1, h - 3);
  const header = headerLines(progress, state, visible.filter((s) => s.contested).length, cols);
  const footer = [footerLine(state, cols)];

  if (state.mode !== 'sites') {
    // One pane fills the area between header and footer (view/mode-panes.ts says what is in it).
    const [w, h] = [cols, rows - HEADER_ROWS - FOOTER_ROWS];
    const search = state.overlay === 'search' ? searchOverlay(ctx, visible, state, inner(w), innerH(h)) : [];
    const filterCounts = state.overlay === 'filter' ? filterOptionCounts(ctx.dataset, state, ctx.filterOptions) : undefined;
    const pane = modePane(state, { rows: gapRows, rollout, filterOptions: ctx.filterOptions, ...(filterCounts ? { filterCounts } : {}), search }, inner(w), innerH(h), noColor);
    const panes = [{ title: pane.title, lines: pane.lines, focused: true, x: 0, y: HEADER_ROWS, width: w, height: h }];
    return <Frame frame={composeFrame({ cols, rows, header, panes, footer, paint, color: !noColor })} />;
  }

  let detail: Line[];
  let detailTitle: string;
  const detailRows = innerH(L.detail.height);
  if (state.overlay === 'help') [detail, detailTitle] = scrolled(helpLines(inner(L.detail.width)), state.overlayScroll, detailRows, 'Help');
  else if (state.overlay === 'filter') {
    // The option under the cursor is always in view (two title lines precede the options).
    const options = filterLines(ctx.filterOptions, state, filterOptionCounts(ctx.dataset, state, ctx.filterOptions));
    [detail, detailTitle] = scrolled(options, Math.max(0, 2 + state.filter.cursor - detailRows + 1), detailRows, 'Filter');
  }
  else if (state.overlay === 'export') [detail, detailTitle] = [exportLines(), 'Export'];
  // PgUp/PgDn move the detail by a page (keeping one line of context), so no line is skipped.
  else if (siteLines) [detail, detailTitle] = scrolled(siteLines, state.detailScroll * Math.max(1, detailRows - 1), detailRows, 'Detail');
  else if (row?.kind === 'province') [detail, detailTitle] = [provinceDetailLines(row, list.filter((r) => r.kind === 'site' && r.site.province === row.id), noColor), 'Province'];
  else [detail, detailTitle] = [[], 'Detail'];

  const listContent =
    state.overlay === 'search'
      ? searchOverlay(ctx, visible, state, inner(L.list.width), innerH(L.list.height))
      : listLines(list, cursor, inner(L.list.width), innerH(L.list.height), noColor, state.focus === 'list');

  // The panes are placed by the layout and drawn as text in one pure step (src/view/frame.ts).
  const panes = placePanes(L, {
    ...(L.map ? { map: { title: `Map · ${mapTitle(atlas, state)}`, lines: mapContent } } : {}),
    list: { title: state.overlay === 'search' ? 'Search' : `Provinces · ${visible.length} sites`, lines: listContent, focused: state.focus === 'list' },
    detail: { title: detailTitle, lines: detail, focused: state.focus === 'detail' || state.overlay !== null },
  });
  return <Frame frame={composeFrame({ cols, rows, header, panes, footer, paint, color: !noColor })} />;
}

/** The lines from `scroll` (clamped) that fit in `height` rows, and a title saying which they are. */
function scrolled(lines: Line[], scroll: number, height: number, title: string): [Line[], string] {
  const maxScroll = Math.max(0, lines.length - height);
  const first = Math.min(scroll, maxScroll);
  const shown = `${title}${maxScroll > 0 ? ` (${first + 1}–${Math.min(lines.length, first + height)} of ${lines.length}, PgUp/PgDn)` : ''}`;
  return [lines.slice(first), shown];
}

/** The map pane's title: what the map shows (national or a province zoom) and whose boundaries. */
function mapTitle(atlas: Atlas, state: ViewState): string {
  const p = state.mapProvince === null ? undefined : atlas.dataset.registry.provinceById.get(state.mapProvince);
  const where = p ? `${p.name_en} ${p.name_ko} (z: national)` : 'national (z: zoom)';
  return `${where} · ${atlas.bundled ? 'OSM 2020 boundaries' : 'imported boundaries'}`;
}

/** The search overlay's lines: hits, or "no match" with the same "did you mean" as the command line. */
function searchOverlay(ctx: ViewContext, visible: readonly SiteSummary[], state: ViewState, width: number, height: number): Line[] {
  const hits = searchSites(ctx.search, visible, state.search.query);
  const hint = hits.length === 0 ? searchHint(ctx.dataset, state.search.query) : '';
  return searchLines(state.search.query, hits, state.search.index, width, height, hint);
}
