/**
 * State media beside outside sources, as plain data: every dated statement about a site (its
 * milestones, status reports, batch-wide claims and quotes) tagged with its camp, its outlets
 * (relay kept) and the period row it belongs to, so a claim and the report that answers it can
 * be drawn at the same height. Pure; no styling.
 */
import { parseDateSpan, formatSpan, type DateSpan } from './dates.js';
import type { Source } from './types.js';
import { STANCE_LABELS, STATUS_LABELS, type Stance, type Status } from './vocabulary.js';

/** The two sides of the comparison: state media, and everyone else (outside reports, ROK government, analysts). */
export type Camp = 'state_media' | 'outside';

/** One dated statement, from one camp. */
export interface Statement {
  camp: Camp;
  stance: Stance;
  /** "quote", or the timeline kind: "groundbreaking", "inauguration", "status report", "batch claim"… */
  kind: string;
  /** The period it describes, as written (`2025-08`, `since 2025-04`), and as a phrase ("since Apr 2025"). */
  date: string;
  date_label: string;
  /** Row key: `YYYY-MM` of the period's first month, or `YYYY` for a date given only by year. */
  period: string;
  /** "Aug 2025", or "2025" for a year row. */
  period_label: string;
  /** A quote's words (without quotation marks), or the statement's title or summary. */
  text: string;
  /** Who is quoted (quotes only). */
  speaker: string | null;
  translated: boolean;
  status: Status | null;
  /** Outlet of each source, relay kept ("Daily NK via Business Insider Polska"), in citation order, unique. */
  outlets: string[];
  sources: string[];
  uncertain: boolean;
}

/** Statements of one period, split by camp; each side in date order. */
export interface StatementRow {
  period: string;
  period_label: string;
  state_media: Statement[];
  outside: Statement[];
}

/** "Daily NK via Business Insider Polska": the outlet, and the relay it was read through when there is one. */
export function sourceName(source: Pick<Source, 'outlet' | 'via'>): string {
  return source.via ? `${source.outlet} via ${source.via}` : source.outlet;
}

export function campOf(stance: Stance): Camp {
  return stance === 'state_media' ? 'state_media' : 'outside';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The row a date belongs to: its first month (`2025-04` for "since 2025-04", `2024-03` for
 * "2024-03-06/2024-03-10"), or its year when the date (or a range's or "since"'s start) is only a year.
 */
export function periodOf(dateText: string): { period: string; period_label: string; start: string } {
  const span = parseDateSpan(dateText);
  const from = dateText.replace(/^since /, '').split('/')[0] ?? dateText;
  const start = typeof span === 'string' ? dateText : span.start;
  if (/^\d{4}$/.test(from)) return { period: from, period_label: from, start };
  const [y, m] = start.split('-');
  return { period: `${y}-${m}`, period_label: `${MONTHS[Number(m) - 1] ?? m} ${y}`, start };
}

/** Input for one statement; `date` is the period as written. */
export interface StatementInput {
  stance: Stance;
  kind: string;
  date: string;
  text: string;
  speaker?: string | null;
  translated?: boolean;
  status?: Status | null;
  sources: string[];
  uncertain: boolean;
}

/**
 * Statements in date order (by the period's first day, then its end), each with its camp, row
 * key and outlets. `sourceById` names the outlets; an id it does not know is shown as the id.
 */
export function buildStatements(inputs: readonly StatementInput[], sourceById: (id: string) => Pick<Source, 'outlet' | 'via'> | undefined): Statement[] {
  const keyed = inputs.map((s) => {
    const span = parseDateSpan(s.date);
    const p = periodOf(s.date);
    return {
      end: typeof span === 'string' ? s.date : span.end,
      statement: {
        camp: campOf(s.stance),
        stance: s.stance,
        kind: s.kind,
        date: s.date,
        date_label: typeof span === 'string' ? s.date : formatSpan(span as DateSpan),
        period: p.period,
        period_label: p.period_label,
        text: s.text,
        speaker: s.speaker ?? null,
        translated: s.translated ?? false,
        status: s.status ?? null,
        outlets: [...new Set(s.sources.map((id) => { const src = sourceById(id); return src ? sourceName(src) : id; }))],
        sources: s.sources,
        uncertain: s.uncertain,
      } satisfies Statement,
      start: p.start,
    };
  });
  return keyed
    .map((k, i) => ({ ...k, i }))
    .sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end) || a.i - b.i)
    .map((k) => k.statement);
}

/**
 * Rows of the comparison: one per period (month, or year for year-only dates) that has a
 * statement, in date order; a year row comes before that year's months.
 */
export function statementRows(statements: readonly Statement[]): StatementRow[] {
  const rows = new Map<string, StatementRow>();
  for (const s of statements) {
    let row = rows.get(s.period);
    if (!row) rows.set(s.period, (row = { period: s.period, period_label: s.period_label, state_media: [], outside: [] }));
    row[s.camp].push(s);
  }
  return [...rows.values()].sort((a, b) => a.period.localeCompare(b.period));
}

/** One side of a contested site: the newest statement of a camp, with what it says and who said it. */
export interface ViewSummary {
  status: Status;
  /** The period as written. */
  date: string;
  date_label: string;
  claimed_by: Stance;
  outlets: string[];
  /** The statement's title, or a short summary from its facilities and note; null when it has neither. */
  what: string | null;
}

/**
 * The CONTESTED line's words: "state media: operating — <what> (Rodong Sinmun via Daily NK,
 * 18 Aug 2025) · outside report: under-producing — <what> (Daily NK, Aug 2025)". Never shortened:
 * the caller wraps it.
 */
export function contestedSummary(state: ViewSummary | null, outside: ViewSummary | null): string {
  const side = (label: string, v: ViewSummary | null) =>
    v ? `${label}: ${STATUS_LABELS[v.status]}${v.what ? ` — ${v.what}` : ''} (${[...v.outlets, v.date_label].join(', ')})` : `${label}: nothing known`;
  return `${side('state media', state)} · ${side(outside ? STANCE_LABELS[outside.claimed_by] : 'outside', outside)}`;
}

/** The first clause of a note (up to the first ";" or sentence end), for one-line summaries. */
export function firstClause(note: string): string {
  const m = /^(.*?)(?:;\s|\.\s|\.$|$)/.exec(note.trim());
  return (m?.[1] ?? note).trim();
}
