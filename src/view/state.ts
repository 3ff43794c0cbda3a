/** What the dashboard is showing: everything a keystroke can change, and nothing derivable. */
import { DEFAULT_STALE_AFTER_MONTHS, type Lens } from '../model/status.js';
import type { Status } from '../model/vocabulary.js';

export type Overlay = 'help' | 'search' | 'filter' | 'export';
/** What fills the main area: the map, list and detail (`sites`), the gap table, or the roll-out chart. */
export type ViewMode = 'sites' | 'gap' | 'timeline';
/** The order `v` cycles through. */
export const VIEW_MODES: readonly ViewMode[] = ['sites', 'gap', 'timeline'];
/** Names shown in the header and footer. */
export const VIEW_MODE_LABELS: Record<ViewMode, string> = { sites: 'Sites', gap: 'Gap', timeline: 'Timeline' };
export type StatusFilter = Status | 'contested' | 'stale';

export interface ViewState {
  asOf: string;
  /** Today's knowledge of the as-of day (H), instead of what was known on it. */
  hindsight: boolean;
  /** A status whose newest evidence is older than this many months is stale (0: never). */
  staleAfterMonths: number;
  /** What the main area shows (v cycles Sites → Gap → Timeline). */
  mode: ViewMode;
  /** Site id of the gap table's cursor row (the first row when it is not shown), or null. */
  gapCursor: string | null;
  /** Key of the list row under the cursor: `site:<id>` or `province:<id>`. */
  cursor: string;
  collapsed: readonly string[];
  focus: 'list' | 'detail';
  overlay: Overlay | null;
  search: { query: string; index: number };
  filter: { statuses: readonly StatusFilter[]; years: readonly number[]; cursor: number };
  /** Pages the detail is scrolled by (PgUp/PgDn); a page is the pane's height less one line. */
  detailScroll: number;
  /** First line of the help overlay shown (it scrolls when the terminal is short). */
  overlayScroll: number;
  showMap: boolean;
  /** Registry id of the first-level unit the map is zoomed to; null for the national view. */
  mapProvince: string | null;
  /** Language of county names on a zoomed map. */
  mapNames: 'en' | 'ko';
  /** One-line notice in the footer (export written, filter cleared, …). */
  message: string | null;
  quit: boolean;
}

/** The model's view of a state: the day, hindsight and the stale threshold. */
export function lensOf(state: Pick<ViewState, 'asOf' | 'hindsight' | 'staleAfterMonths'>): Lens {
  return { asOf: state.asOf, hindsight: state.hindsight, staleAfterMonths: state.staleAfterMonths };
}

/** The starting state for a day (or a Lens from the command line), cursor on `cursor`. */
export function initialState(asOf: string | Lens, cursor = ''): ViewState {
  const l = typeof asOf === 'string' ? { asOf } : asOf;
  return {
    asOf: l.asOf,
    hindsight: l.hindsight ?? false,
    staleAfterMonths: l.staleAfterMonths ?? DEFAULT_STALE_AFTER_MONTHS,
    mode: 'sites',
    gapCursor: null,
    cursor,
    collapsed: [],
    focus: 'list',
    overlay: null,
    search: { query: '', index: 0 },
    filter: { statuses: [], years: [], cursor: 0 },
    detailScroll: 0,
    overlayScroll: 0,
    showMap: true,
    mapProvince: null,
    mapNames: 'en',
    message: null,
    quit: false,
  };
}
