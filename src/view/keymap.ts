/**
 * Keys → actions, per mode, in one table that also generates the help overlay and the footer,
 * so what the help says is what the keys do.
 */
import type { Action } from './reduce.js';
import type { ViewState } from './state.js';

/** The subset of Ink's `Key` the dashboard reads. */
export interface KeyInfo {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  tab?: boolean;
  shift?: boolean;
  ctrl?: boolean;
  meta?: boolean;
  backspace?: boolean;
  delete?: boolean;
}

export type Command = Action | { type: 'accept-search' } | { type: 'export-format'; format: string } | { type: 'none' };

interface Binding {
  keys: string;
  help: string;
  match: (input: string, key: KeyInfo) => boolean;
  command: (state: ViewState) => Command;
}

const ch = (...chars: string[]) => (input: string, key: KeyInfo) => !key.ctrl && !key.meta && chars.includes(input);

/** The formats `e` offers, in the order of their number keys (1–5); each also has its first letter as a key. */
export const EXPORT_FORMATS = ['png', 'svg', 'html', 'txt', 'ansi'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What each export format is called in the help, the export overlay and the footer. */
export const EXPORT_FORMAT_NAMES: Record<ExportFormat, string> = { png: 'PNG', svg: 'SVG', html: 'HTML', txt: 'text', ansi: 'ANSI text' };

/** "PNG, SVG, HTML, text, ANSI text": every export format, from EXPORT_FORMATS, so the help cannot drift from the keys. */
export function exportFormatList(): string {
  return EXPORT_FORMATS.map((f) => EXPORT_FORMAT_NAMES[f]).join(', ');
}

/** "1–5 or p s h t a": the keys that choose an export format. */
export function exportFormatKeys(): string {
  return `1–${EXPORT_FORMATS.length} or ${EXPORT_FORMATS.map((f) => f[0]).join(' ')}`;
}

export const BROWSE_BINDINGS: Binding[] = [
  { keys: '↑ ↓  k j', help: 'previous / next county', match: (i, k) => !!k.upArrow || ch('k')(i, k), command: () => ({ type: 'move', delta: -1 }) },
  { keys: '', help: '', match: (i, k) => !!k.downArrow || ch('j')(i, k), command: () => ({ type: 'move', delta: 1 }) },
  { keys: '← →  h l  ⇧Tab Tab  [ ]', help: 'previous / next province', match: (i, k) => !!k.leftArrow || (!!k.tab && !!k.shift) || ch('h', '[')(i, k), command: () => ({ type: 'province', delta: -1 }) },
  { keys: '', help: '', match: (i, k) => !!k.rightArrow || (!!k.tab && !k.shift) || ch('l', ']')(i, k), command: () => ({ type: 'province', delta: 1 }) },
  { keys: 'g G  Home End', help: 'first / last', match: (i, k) => !!k.home || ch('g')(i, k), command: () => ({ type: 'first' }) },
  { keys: '', help: '', match: (i, k) => !!k.end || ch('G')(i, k), command: () => ({ type: 'last' }) },
  { keys: 'Enter Space', help: 'open/close a province; focus the detail', match: (i, k) => !!k.return || ch(' ')(i, k), command: () => ({ type: 'activate' }) },
  { keys: 'PgUp PgDn', help: 'scroll the detail', match: (_i, k) => !!k.pageUp, command: () => ({ type: 'scroll', delta: -1 }) },
  { keys: '', help: '', match: (_i, k) => !!k.pageDown, command: () => ({ type: 'scroll', delta: 1 }) },
  { keys: 'Esc', help: 'back to the list; then national map', match: (_i, k) => !!k.escape, command: () => ({ type: 'back' }) },
  { keys: '/', help: 'search by any spelling (English, Hangul, RR, MR)', match: ch('/'), command: () => ({ type: 'open', overlay: 'search' }) },
  { keys: 'f', help: 'filter by status and year', match: ch('f'), command: () => ({ type: 'open', overlay: 'filter' }) },
  { keys: 't T', help: 'as-of date: back / forward one report (T stops at today)', match: ch('t'), command: () => ({ type: 'step-date', delta: -1 }) },
  { keys: '', help: '', match: ch('T'), command: () => ({ type: 'step-date', delta: 1 }) },
  { keys: 'H', help: 'hindsight: today\'s knowledge of the as-of date / what was known then', match: ch('H'), command: () => ({ type: 'toggle-hindsight' }) },
  { keys: 'm', help: 'map on / off', match: ch('m'), command: () => ({ type: 'toggle-map' }) },
  { keys: 'z', help: 'map: zoom to the province / national view', match: ch('z'), command: () => ({ type: 'map-zoom' }) },
  { keys: '0', help: 'map: national view (Esc too, when nothing else to close)', match: ch('0'), command: () => ({ type: 'map-national' }) },
  { keys: 'n', help: 'map: county names in English / Hangul', match: ch('n'), command: () => ({ type: 'map-names' }) },
  { keys: 'v', help: 'view: Sites → Gap (claims | reports) → Timeline → Sites', match: ch('v'), command: () => ({ type: 'cycle-mode' }) },
  { keys: 'e', help: `export this screen (${exportFormatList()})`, match: ch('e'), command: () => ({ type: 'open', overlay: 'export' }) },
  { keys: '?', help: 'this help', match: ch('?'), command: () => ({ type: 'open', overlay: 'help' }) },
  { keys: 'q  Ctrl-C', help: 'quit', match: (i, k) => ch('q')(i, k) || (!!k.ctrl && i === 'c'), command: () => ({ type: 'quit' }) },
];


/** The command for a key press in the current mode. */
export function commandFor(state: ViewState, input: string, key: KeyInfo): Command {
  if (key.ctrl && input === 'c') return { type: 'quit' };
  switch (state.overlay) {
    case 'help':
      // The help scrolls on a short terminal; any other key closes it.
      if (key.pageDown) return { type: 'scroll-overlay', delta: 5 };
      if (key.pageUp) return { type: 'scroll-overlay', delta: -5 };
      if (key.downArrow || input === 'j') return { type: 'scroll-overlay', delta: 1 };
      if (key.upArrow || input === 'k') return { type: 'scroll-overlay', delta: -1 };
      return { type: 'close' };
    case 'search':
      if (key.escape) return { type: 'close' };
      if (key.return) return { type: 'accept-search' };
      if (key.upArrow) return { type: 'search-move', delta: -1 };
      if (key.downArrow || key.tab) return { type: 'search-move', delta: 1 };
      if (key.backspace || key.delete) return { type: 'search-backspace' };
      if (input && !key.ctrl && !key.meta) return { type: 'search-input', text: input };
      return { type: 'none' };
    case 'filter':
      if (key.escape || key.return || input === 'f' || input === 'q') return { type: 'close' };
      if (key.upArrow || input === 'k') return { type: 'filter-move', delta: -1 };
      if (key.downArrow || input === 'j') return { type: 'filter-move', delta: 1 };
      if (input === ' ' || input === 'x') return { type: 'filter-toggle' };
      if (input === 'c') return { type: 'filter-clear' };
      return { type: 'none' };
    case 'export': {
      if (key.escape || input === 'q') return { type: 'close' };
      if (key.return) return { type: 'export-format', format: 'png' };
      const n = Number(input);
      const format = EXPORT_FORMATS[n - 1];
      if (format) return { type: 'export-format', format };
      const byLetter = EXPORT_FORMATS.find((f) => f[0] === input);
      return byLetter ? { type: 'export-format', format: byLetter } : { type: 'none' };
    }
    case null:
      for (const b of BROWSE_BINDINGS) if (b.match(input, key)) return b.command(state);
      return { type: 'none' };
  }
}

/** Help rows: key column and description, in binding order. */
export function helpRows(): [keys: string, help: string][] {
  return [
    ...BROWSE_BINDINGS.filter((b) => b.keys).map((b): [string, string] => [b.keys, b.help]),
    ['', ''],
    ['In help', '↑ ↓ PgUp PgDn scroll; any other key closes'],
    ['In search', 'type to search; ↑ ↓ choose; Enter go; Esc cancel'],
    ['In filter', '↑ ↓ move; Space toggle; c clear; Enter or Esc close'],
    ['In export', `${exportFormatKeys()} choose a format; Enter ${EXPORT_FORMAT_NAMES.png}; Esc cancel`],
    ['In Gap', '↑ ↓ j k move; Enter open the site; Esc back to Sites; map keys do nothing'],
    ['In Timeline', 'Esc back to Sites; v next view'],
  ];
}
