/** `--as-of`, `--hindsight` and `--stale-after`: the day a command looks at, and how. */
import { parseDay, today } from '../model/dates.js';
import { DEFAULT_STALE_AFTER_MONTHS, type Lens } from '../model/status.js';
import { sanitizeInline } from '../text/sanitize.js';
import { UsageError } from './args.js';

/** The options every command that shows status accepts (spread into parseCommandArgs options). */
export const LENS_OPTIONS = {
  'as-of': { type: 'string' },
  hindsight: { type: 'boolean' },
  'stale-after': { type: 'string' },
} as const;

export const LENS_HELP = `  --as-of     a past day YYYY-MM-DD (default today); a day after today is refused
  --hindsight today's knowledge of that day (all reports, also those published later);
              default: only what was published on or before it
  --stale-after N   months after which a status with no newer evidence is stale (default ${DEFAULT_STALE_AFTER_MONTHS}; 0 never)`;

/**
 * `--as-of`: a real calendar day, default today (UTC). A day after today is refused: nothing
 * can have been known on it. Throws UsageError (exit 2) naming the option.
 */
export function asOfDate(value: string | undefined, usage: string, now?: Date): string {
  const current = today(now);
  if (value === undefined) return current;
  const day = parseDay(value);
  if (typeof day === 'string') throw new UsageError(`--as-of: ${sanitizeInline(day)}`, usage);
  if (day.day > current) throw new UsageError(`--as-of: ${day.day} is after today (${current}); nothing is known about the future`, usage);
  return day.day;
}

/** `--stale-after`: whole months 0–120 (`6`, or `6m`). Throws UsageError otherwise. */
export function staleAfter(value: string | undefined, usage: string): number {
  if (value === undefined) return DEFAULT_STALE_AFTER_MONTHS;
  const m = /^(\d{1,3})m?$/.exec(value);
  const n = m ? Number(m[1]) : NaN;
  if (!m || n > 120) throw new UsageError(`--stale-after must be a whole number of months from 0 to 120, like 6 (got "${sanitizeInline(value)}")`, usage);
  return n;
}

/** The Lens the three options describe. */
export function lensFromArgs(
  values: { 'as-of'?: string | undefined; hindsight?: boolean | undefined; 'stale-after'?: string | undefined },
  usage: string,
  now?: Date,
): Required<Lens> {
  return { asOf: asOfDate(values['as-of'], usage, now), hindsight: values.hindsight ?? false, staleAfterMonths: staleAfter(values['stale-after'], usage) };
}
