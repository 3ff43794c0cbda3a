/** `--as-of`: a real calendar day, default today. */
import { parseDay } from '../model/dates.js';
import { UsageError } from './args.js';

export function asOfDate(value: string | undefined, usage: string, now = new Date()): string {
  if (value === undefined) return now.toISOString().slice(0, 10);
  const day = parseDay(value);
  if (typeof day === 'string') throw new UsageError(`--as-of: ${day}`, usage);
  return day.day;
}
