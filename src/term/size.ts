/**
 * Terminal sizes from the environment, clamped: COLUMNS and LINES are read only when the output
 * is not a terminal, and any value that is not a sane size (0, negative, 1e9, text) is replaced by
 * the nearest sane one, with a message saying so. Nothing is ever sized by an unchecked number.
 */

/** Largest frame drawn, in cells: bigger than any real terminal, small enough to allocate. */
export const MAX_COLS = 1000;
export const MAX_ROWS = 500;

export interface TerminalSize {
  cols: number;
  rows: number;
  /** Set when an environment value was out of range: say it on stderr. */
  notice?: string;
}

/**
 * The size to draw at: the terminal's own when it reports one, else COLUMNS×LINES, else the
 * fallback. Takes sizes in cells; returns cells in 1..MAX_COLS × 1..MAX_ROWS.
 */
export function terminalSize(
  stream: { columns?: number | undefined; rows?: number | undefined },
  env: NodeJS.ProcessEnv,
  fallback: { cols: number; rows: number },
): TerminalSize {
  const notices: string[] = [];
  const pick = (own: number | undefined, name: 'COLUMNS' | 'LINES', dflt: number, max: number): number => {
    if (own !== undefined && Number.isInteger(own) && own > 0) return Math.min(own, max);
    const raw = env[name];
    if (raw === undefined || raw === '') return dflt;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 1) {
      notices.push(`${name}=${JSON.stringify(raw.slice(0, 40))} is not a size; using ${dflt}`);
      return dflt;
    }
    if (n > max) {
      notices.push(`${name}=${JSON.stringify(raw.slice(0, 40))} is larger than ${max}; using ${max}`);
      return max;
    }
    return Math.floor(n);
  };
  const cols = pick(stream.columns, 'COLUMNS', fallback.cols, MAX_COLS);
  const rows = pick(stream.rows, 'LINES', fallback.rows, MAX_ROWS);
  return notices.length ? { cols, rows, notice: `nk20x10: ${notices.join('; ')}.` } : { cols, rows };
}
