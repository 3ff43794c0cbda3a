/**
 * Navigation as a pure function: (state, action) → state. The UI maps keys to actions
 * (view/keymap.ts) and draws the result; it never changes state itself.
 */
import { today as todayUtc } from '../model/dates.js';
import { evidenceDates } from '../model/status.js';
import type { Dataset } from '../model/types.js';
import { STATUSES } from '../model/vocabulary.js';
import { cursorIndex, listRows, provinceKey, siteKey, visibleSites, type ListRow } from './list-rows.js';
import { searchEntries, searchSites } from './search.js';
import { searchHint } from '../model/place-hints.js';
import { gapCursorIndex, gapRowsForView } from './gap-rows.js';
import { lensOf, VIEW_MODES, type StatusFilter, type ViewState } from './state.js';

export type Action =
  | { type: 'move'; delta: number }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'province'; delta: number }
  | { type: 'activate' }
  | { type: 'back' }
  | { type: 'scroll'; delta: number }
  | { type: 'scroll-overlay'; delta: number }
  | { type: 'step-date'; delta: number }
  | { type: 'toggle-hindsight' }
  | { type: 'toggle-map' }
  | { type: 'map-zoom' }
  | { type: 'map-national' }
  | { type: 'map-names' }
  | { type: 'open'; overlay: 'help' | 'search' | 'filter' | 'export' }
  | { type: 'close' }
  | { type: 'search-input'; text: string }
  | { type: 'search-backspace' }
  | { type: 'search-move'; delta: number }
  | { type: 'filter-move'; delta: number }
  | { type: 'filter-toggle' }
  | { type: 'filter-clear' }
  | { type: 'message'; text: string | null }
  | { type: 'cycle-mode' }
  | { type: 'quit' };

/** What the reducer needs besides the state; built once per dataset. */
export interface ViewContext {
  dataset: Dataset;
  /** Every date on which some status changes, up to and including today, ascending. */
  dates: string[];
  /** Today, `YYYY-MM-DD`: the last date `T` steps to; later dates are never offered. */
  today: string;
  search: ReturnType<typeof searchEntries>;
  filterOptions: FilterOption[];
}

export type FilterOption = { kind: 'status'; value: StatusFilter } | { kind: 'year'; value: number };

/** Built once per dataset; `today` (default: the clock's UTC day) bounds date stepping. */
export function viewContext(dataset: Dataset, today: string = todayUtc()): ViewContext {
  const years = [...new Set(dataset.sites.map((s) => s.year))].sort();
  return {
    dataset,
    dates: [...new Set([...evidenceDates(dataset.sites).filter((d) => d < today), today])],
    today,
    search: searchEntries(dataset),
    filterOptions: [
      ...[...STATUSES, 'contested' as const, 'stale' as const].map((value): FilterOption => ({ kind: 'status', value })),
      ...years.map((value): FilterOption => ({ kind: 'year', value })),
    ],
  };
}

/** Registry id of the first-level unit of a cursor key (`site:…` or `province:…`), or null. */
export function provinceOfCursor(ctx: ViewContext, cursor: string): string | null {
  const [kind, id] = cursor.split(':') as [string, string | undefined];
  if (kind === 'province' && id) return id;
  if (kind === 'site' && id) return ctx.dataset.sites.find((s) => s.id === id)?.province ?? null;
  return null;
}

/**
 * The map follows navigation: moving to another province (←/→, Tab, [ ], a search result) zooms
 * the map to it; moving within the list keeps a zoomed map on the cursor's province; `z` toggles
 * national / province zoom; `0` or Esc returns to the national view.
 */
export function reduce(state: ViewState, action: Action, ctx: ViewContext): ViewState {
  if (action.type === 'cycle-mode') return cycleMode(state);
  if (state.mode !== 'sites') {
    const handled = reduceMode(state, action, ctx);
    if (handled) return handled;
  }
  const next = reduceList(state, action, ctx);
  if (next === state) return next;
  if (action.type === 'province') return { ...next, mapProvince: provinceOfCursor(ctx, next.cursor) };
  if ((action.type === 'move' || action.type === 'first' || action.type === 'last') && next.mapProvince !== null) {
    return { ...next, mapProvince: provinceOfCursor(ctx, next.cursor) ?? next.mapProvince };
  }
  return next;
}

/**
 * `v`: Sites → Gap → Timeline → Sites. The Gap cursor stays where it was left (first row, a
 * contested one, on the first visit), so the table opens on its most disputed sites.
 */
function cycleMode(state: ViewState): ViewState {
  const mode = VIEW_MODES[(VIEW_MODES.indexOf(state.mode) + 1) % VIEW_MODES.length]!;
  return { ...state, mode, message: null };
}

/**
 * Keys in the Gap and Timeline modes. Gap: ↑↓ j k (PgUp PgDn by ten, g G) move the row cursor,
 * Enter opens the site (Sites mode, cursor on it, detail focused). Both: Esc returns to Sites;
 * province, map and detail keys do nothing. Returns undefined for actions that work as in Sites
 * (search, filter, date, hindsight, help, export, quit).
 */
function reduceMode(state: ViewState, action: Action, ctx: ViewContext): ViewState | undefined {
  const rows = () => (state.mode === 'gap' ? gapRowsForView(ctx.dataset, lensOf(state), visibleSites(ctx.dataset, state)) : []);
  const moveTo = (i: (current: number, count: number) => number): ViewState => {
    const list = rows();
    const row = list[Math.max(0, Math.min(list.length - 1, i(gapCursorIndex(list, state.gapCursor), list.length)))];
    return row ? { ...state, gapCursor: row.site_id, message: null } : state;
  };
  switch (action.type) {
    case 'move':
      return moveTo((c) => c + action.delta);
    case 'scroll':
      return moveTo((c) => c + action.delta * 10);
    case 'first':
      return moveTo(() => 0);
    case 'last':
      return moveTo((_c, n) => n - 1);
    case 'activate': {
      const list = rows();
      const row = list[gapCursorIndex(list, state.gapCursor)];
      if (!row) return state;
      return {
        ...state,
        mode: 'sites',
        cursor: siteKey(row.site_id),
        collapsed: state.collapsed.filter((p) => p !== row.province),
        focus: 'detail',
        detailScroll: 0,
        gapCursor: row.site_id,
        mapProvince: row.province,
        message: null,
      };
    }
    case 'back':
      return { ...state, mode: 'sites', message: null };
    case 'province':
    case 'toggle-map':
    case 'map-zoom':
    case 'map-national':
    case 'map-names':
      return state;
    default:
      return undefined;
  }
}

function reduceList(state: ViewState, action: Action, ctx: ViewContext): ViewState {
  const rows = () => listRows(ctx.dataset, state);
  const at = (list: ListRow[], i: number): ViewState => {
    const row = list[Math.max(0, Math.min(list.length - 1, i))];
    return row ? { ...state, cursor: row.key, detailScroll: 0, message: null } : state;
  };
  switch (action.type) {
    case 'move': {
      const list = rows();
      return at(list, cursorIndex(list, state.cursor) + action.delta);
    }
    case 'first':
      return at(rows(), 0);
    case 'last': {
      const list = rows();
      return at(list, list.length - 1);
    }
    case 'province': {
      const list = rows();
      const headers = list.map((r, i) => (r.kind === 'province' ? i : -1)).filter((i) => i >= 0);
      if (headers.length === 0) return state;
      const here = cursorIndex(list, state.cursor);
      const current = headers.filter((h) => h <= here).length - 1;
      const target = headers[Math.max(0, Math.min(headers.length - 1, current + action.delta))]!;
      // Land on the province's first site when it is open, else on its header.
      const first = list[target + 1];
      return at(list, first?.kind === 'site' ? target + 1 : target);
    }
    case 'activate': {
      const list = rows();
      const row = list[cursorIndex(list, state.cursor)];
      if (!row) return state;
      if (row.kind === 'province') {
        const collapsed = row.collapsed ? state.collapsed.filter((p) => p !== row.id) : [...state.collapsed, row.id];
        return { ...state, collapsed, message: null };
      }
      return { ...state, focus: state.focus === 'detail' ? 'list' : 'detail', message: null };
    }
    case 'back':
      return state.focus === 'detail'
        ? { ...state, focus: 'list' }
        : state.message
          ? { ...state, message: null }
          : state.mapProvince !== null
            ? { ...state, mapProvince: null }
            : state;
    case 'map-zoom':
      return { ...state, mapProvince: state.mapProvince === null ? provinceOfCursor(ctx, state.cursor) : null, message: null };
    case 'map-national':
      return state.mapProvince === null ? state : { ...state, mapProvince: null };
    case 'map-names':
      return { ...state, mapNames: state.mapNames === 'en' ? 'ko' : 'en' };
    case 'scroll':
      return { ...state, detailScroll: Math.max(0, state.detailScroll + action.delta) };
    case 'scroll-overlay':
      return { ...state, overlayScroll: Math.max(0, state.overlayScroll + action.delta) };
    case 'step-date': {
      const i = action.delta < 0 ? lastIndexBefore(ctx.dates, state.asOf) : ctx.dates.findIndex((d) => d > state.asOf);
      const asOf = ctx.dates[i];
      if (i < 0 || asOf === undefined) return { ...state, message: action.delta < 0 ? 'No earlier milestone.' : `Already at today (${ctx.today}).` };
      return { ...state, asOf, message: null };
    }
    case 'toggle-hindsight':
      return {
        ...state,
        hindsight: !state.hindsight,
        message: state.hindsight ? `As known on ${state.asOf}.` : `Hindsight: today's knowledge of ${state.asOf}.`,
      };
    case 'toggle-map':
      return { ...state, showMap: !state.showMap };
    case 'open':
      return {
        ...state,
        overlay: action.overlay,
        overlayScroll: 0,
        search: action.overlay === 'search' ? { query: '', index: 0 } : state.search,
        message: null,
      };
    case 'close':
      return { ...state, overlay: null };
    case 'search-input':
      return { ...state, search: { query: state.search.query + action.text, index: 0 } };
    case 'search-backspace':
      return { ...state, search: { query: [...state.search.query].slice(0, -1).join(''), index: 0 } };
    case 'search-move': {
      const hits = searchSites(ctx.search, visibleSites(ctx.dataset, state), state.search.query);
      const index = Math.max(0, Math.min(hits.length - 1, state.search.index + action.delta));
      return { ...state, search: { ...state.search, index } };
    }
    case 'filter-move': {
      const n = ctx.filterOptions.length;
      return { ...state, filter: { ...state.filter, cursor: (state.filter.cursor + action.delta + n) % n } };
    }
    case 'filter-toggle': {
      const option = ctx.filterOptions[state.filter.cursor];
      if (!option) return state;
      const toggle = <T>(list: readonly T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
      const filter =
        option.kind === 'status'
          ? { ...state.filter, statuses: toggle(state.filter.statuses, option.value) }
          : { ...state.filter, years: toggle(state.filter.years, option.value) };
      return { ...state, filter };
    }
    case 'filter-clear':
      return { ...state, filter: { ...state.filter, statuses: [], years: [] } };
    case 'message':
      return { ...state, message: action.text };
    case 'quit':
      return { ...state, quit: true };
    case 'cycle-mode':
      return cycleMode(state);
  }
}

/** Accepting a search result: select it, open its province, leave search. */
export function acceptSearch(state: ViewState, ctx: ViewContext): ViewState {
  const hits = searchSites(ctx.search, visibleSites(ctx.dataset, state), state.search.query);
  const hit = hits[state.search.index];
  if (!hit) {
    const hint = searchHint(ctx.dataset, state.search.query);
    return { ...state, overlay: null, message: state.search.query ? `Nothing matches "${state.search.query}"${hint ? `; ${hint}` : '.'}` : null };
  }
  if (hit.kind === 'province') {
    // A first-level unit: the map zooms to it; the list goes to its header when it has sites shown.
    const list = listRows(ctx.dataset, { ...state, collapsed: state.collapsed.filter((p) => p !== hit.province.id) });
    const header = list.find((r) => r.kind === 'province' && r.id === hit.province.id);
    return {
      ...state,
      overlay: null,
      ...(header ? { cursor: header.key, collapsed: state.collapsed.filter((p) => p !== hit.province.id), detailScroll: 0 } : {}),
      message: header ? null : `${hit.province.name_en} ${hit.province.name_ko}: no program site shown (filters or as-of date).`,
      mapProvince: hit.province.id,
    };
  }
  return {
    ...state,
    overlay: null,
    cursor: siteKey(hit.site.id),
    gapCursor: hit.site.id,
    collapsed: state.collapsed.filter((p) => p !== hit.site.province),
    detailScroll: 0,
    message: null,
    mapProvince: hit.site.province,
  };
}

/** The first visible site, for the initial cursor. */
export function firstSiteKey(ctx: ViewContext, state: ViewState): string {
  const row = listRows(ctx.dataset, state).find((r) => r.kind === 'site');
  return row?.key ?? provinceKey('');
}

function lastIndexBefore(dates: readonly string[], day: string): number {
  for (let i = dates.length - 1; i >= 0; i--) if (dates[i]! < day) return i;
  return -1;
}
