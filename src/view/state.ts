/** What the dashboard is showing: everything a keystroke can change, and nothing derivable. */
import type { Status } from '../model/vocabulary.js';

export type Overlay = 'help' | 'search' | 'filter' | 'export';
export type StatusFilter = Status | 'contested';

export interface ViewState {
  asOf: string;
  /** Key of the list row under the cursor: `site:<id>` or `province:<id>`. */
  cursor: string;
  collapsed: readonly string[];
  focus: 'list' | 'detail';
  overlay: Overlay | null;
  search: { query: string; index: number };
  filter: { statuses: readonly StatusFilter[]; years: readonly number[]; cursor: number };
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

export function initialState(asOf: string, cursor = ''): ViewState {
  return {
    asOf,
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
