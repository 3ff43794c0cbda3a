/**
 * Dates as sources give them: a day, a month, a year, a range (of days, months or years), or an
 * open period "since" a day, month or year. A span is always the range it is: a year-only date
 * covers 1 Jan–31 Dec and is never treated as its last day (see model/status.ts for ordering).
 */
export type Precision = 'day' | 'month' | 'year' | 'range' | 'since';

export interface DateSpan {
  /** As written in the data, e.g. `2025-08`, `2024-03-06/2024-03-10`, `since 2025-04`. */
  text: string;
  precision: Precision;
  /**
   * First and last day covered, `YYYY-MM-DD`. For `since X` the parser gives X's own last day;
   * the loader extends it to the publication date of the statement's source (the period a
   * report "since April" published in August describes is April to August).
   */
  start: string;
  end: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const YEAR = /^(\d{4})$/;

const FORMS = 'use YYYY-MM-DD, YYYY-MM, YYYY, a range FROM/TO of those, or "since FROM"';

/**
 * Parses a date as written in the data into the span of days it covers, or returns an error
 * message. Forms: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `FROM/TO` (each a day, month or year; TO not
 * before FROM), `since FROM`.
 */
export function parseDateSpan(text: string): DateSpan | string {
  if (text.startsWith('since ')) {
    const from = parseSimple(text.slice(6));
    if (typeof from === 'string') return `since: ${from}`;
    return { text, precision: 'since', start: from.start, end: from.end };
  }
  const range = text.split('/');
  if (range.length === 2) {
    const [a, b] = range as [string, string];
    const start = parseSimple(a);
    const end = parseSimple(b);
    if (typeof start === 'string') return `range start: ${start}`;
    if (typeof end === 'string') return `range end: ${end}`;
    if (end.end < start.start) return `range ends (${b}) before it starts (${a})`;
    return { text, precision: 'range', start: start.start, end: end.end };
  }
  return parseSimple(text);
}

function parseSimple(text: string): DateSpan | string {
  if (DAY.test(text)) {
    const day = parseDay(text);
    return typeof day === 'string' ? day : { text, precision: 'day', start: text, end: text };
  }
  const month = MONTH.exec(text);
  if (month) {
    const y = Number(month[1]);
    const m = Number(month[2]);
    if (m < 1 || m > 12) return `month ${month[2]} does not exist`;
    const mm = String(m).padStart(2, '0');
    return { text, precision: 'month', start: `${y}-${mm}-01`, end: `${y}-${mm}-${daysInMonth(y, m)}` };
  }
  if (YEAR.test(text)) return { text, precision: 'year', start: `${text}-01-01`, end: `${text}-12-31` };
  return `"${text}" is not a date; ${FORMS}`;
}

/** Validates one calendar day, returning it or an error message. */
export function parseDay(text: string): string | { day: string } {
  const m = DAY.exec(text);
  if (!m) return `"${text}" is not a day (YYYY-MM-DD)`;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12) return `month ${m[2]} does not exist in ${text}`;
  if (d < 1 || d > daysInMonth(y, mo)) return `${text} does not exist (${monthName(mo)} ${y} has ${daysInMonth(y, mo)} days)`;
  return { day: text };
}

export function isDay(text: string): boolean {
  return typeof parseDay(text) !== 'string';
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function monthName(m: number): string {
  return ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]!;
}

/**
 * Today's date as `YYYY-MM-DD` (UTC). Without `now`, the environment variable `NK20X10_TODAY`
 * (a valid day) stands in for the clock: tests and reproducible exports pin "today" with it.
 */
export function today(now?: Date): string {
  if (now === undefined) {
    const pinned = typeof process === 'undefined' ? undefined : process.env.NK20X10_TODAY;
    if (pinned !== undefined && isDay(pinned)) return pinned;
  }
  return (now ?? new Date()).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` shifted by whole months (day clamped to the month's length); negative goes back. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const nd = Math.min(d, daysInMonth(ny, nm));
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}`;
}

/** Human form for screens: `11 Feb 2025`, `Aug 2025`, `Jan–Dec 2025` (a year), `6–10 Mar 2024`, `Apr–Aug 2025`, `since Apr 2025`. */
export function formatSpan(span: DateSpan): string {
  if (span.precision === 'since') {
    const from = parseSimple(span.text.slice(6));
    return typeof from === 'string' ? span.text : `since ${formatSpan(from)}`;
  }
  if (span.precision === 'range' && !/^\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}$/.test(span.text)) {
    const [a, b] = span.text.split('/').map((t) => parseSimple(t)) as [DateSpan, DateSpan];
    if (a.precision === 'month' && b.precision === 'month' && a.start.slice(0, 4) === b.start.slice(0, 4)) {
      return `${formatSpan(a).slice(0, 3)}–${formatSpan(b)}`;
    }
    return `${formatSpan(a)} – ${formatSpan(b)}`;
  }
  return formatDaySpan(span);
}

function formatDaySpan(span: DateSpan): string {
  const [y, m, d] = span.start.split('-').map(Number) as [number, number, number];
  switch (span.precision) {
    case 'day':
      return `${d} ${monthName(m)} ${y}`;
    case 'month':
      return `${monthName(m)} ${y}`;
    case 'year':
      // Shown as the range it is, never as a point in the year.
      return `Jan–Dec ${y}`;
    case 'since':
    case 'range': {
      const [y2, m2, d2] = span.end.split('-').map(Number) as [number, number, number];
      if (y === y2 && m === m2) return `${d}–${d2} ${monthName(m)} ${y}`;
      if (y === y2) return `${d} ${monthName(m)} – ${d2} ${monthName(m2)} ${y}`;
      return `${d} ${monthName(m)} ${y} – ${d2} ${monthName(m2)} ${y2}`;
    }
  }
}
