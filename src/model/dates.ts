/**
 * Dates as sources give them: a day, a month, a year, or a range of days.
 * A fact "has happened" as of a date once its whole span has passed, so comparisons use `end`.
 */
export type Precision = 'day' | 'month' | 'year' | 'range';

export interface DateSpan {
  /** As written in the data, e.g. `2025-08` or `2024-03-06/2024-03-10`. */
  text: string;
  precision: Precision;
  /** First and last day covered, `YYYY-MM-DD`. */
  start: string;
  end: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const YEAR = /^(\d{4})$/;

export function parseDateSpan(text: string): DateSpan | string {
  const range = text.split('/');
  if (range.length === 2) {
    const [a, b] = range as [string, string];
    const start = parseDay(a);
    const end = parseDay(b);
    if (typeof start === 'string') return `range start: ${start}`;
    if (typeof end === 'string') return `range end: ${end}`;
    if (b < a) return `range ends (${b}) before it starts (${a})`;
    return { text, precision: 'range', start: a, end: b };
  }
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
  return `"${text}" is not a date; use YYYY-MM-DD, YYYY-MM, YYYY or YYYY-MM-DD/YYYY-MM-DD`;
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

/** Today's date as `YYYY-MM-DD` (UTC). */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Human form for screens: `11 Feb 2025`, `Aug 2025`, `2025`, `6–10 Mar 2024`. */
export function formatSpan(span: DateSpan): string {
  const [y, m, d] = span.start.split('-').map(Number) as [number, number, number];
  switch (span.precision) {
    case 'day':
      return `${d} ${monthName(m)} ${y}`;
    case 'month':
      return `${monthName(m)} ${y}`;
    case 'year':
      return String(y);
    case 'range': {
      const [y2, m2, d2] = span.end.split('-').map(Number) as [number, number, number];
      if (y === y2 && m === m2) return `${d}–${d2} ${monthName(m)} ${y}`;
      if (y === y2) return `${d} ${monthName(m)} – ${d2} ${monthName(m2)} ${y}`;
      return `${d} ${monthName(m)} ${y} – ${d2} ${monthName(m2)} ${y2}`;
    }
  }
}
