/** Strict argument parsing: unknown flags and missing values are usage errors (exit 2). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { sanitizeInline } from '../text/sanitize.js';

export class UsageError extends Error {
  constructor(message: string, readonly usage: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type Options = NonNullable<ParseArgsConfig['options']>;

/** The last line of every command's usage: how to get it (test/cli/help-options.test.ts checks every option is named). */
export const HELP_LINE = '  -h, --help  this help. Exit codes: 0 done, 1 bad input file, 2 usage error, 3 output not written';

/** Flags every data-reading command takes. */
export const DATA_OPTIONS = {
  data: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

/**
 * Parses `argv` against `options` (node:util parseArgs, strict). Throws UsageError (exit 2) with
 * `usage` for an unknown option, an option without its value, or more than `positionals`
 * positional arguments. A value that starts with a dash but is not an option (`--stale-after -3`)
 * is taken as the value, so the option's own check names it; `--opt --other` is "needs a value".
 */
export function parseCommandArgs<O extends Options>(argv: string[], options: O, usage: string, positionals = 0) {
  let parsed;
  try {
    parsed = parseArgs({ args: glueDashValues(argv, options, usage), options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(cleanNodeMessage((err as Error).message), usage);
  }
  const values = parsed.values as Record<string, unknown>;
  if (!values.help && parsed.positionals.length > positionals) {
    throw new UsageError(`unexpected argument "${sanitizeInline(parsed.positionals[positionals] ?? '')}"`, usage);
  }
  return parsed;
}

/** `--opt -3` → `--opt=-3` for string options; `--opt --known` → UsageError. */
function glueDashValues(argv: string[], options: Options, usage: string): string[] {
  const names = new Set(Object.entries(options).flatMap(([name, o]) => [`--${name}`, ...(o.short ? [`-${o.short}`] : [])]));
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const name = arg.startsWith('--') ? arg.slice(2) : arg.length === 2 && arg.startsWith('-') ? Object.keys(options).find((k) => options[k]!.short === arg[1]) : undefined;
    const next = argv[i + 1];
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && next.startsWith('-')) {
      if (names.has(next.split('=')[0]!)) throw new UsageError(`${arg} needs a value`, usage);
      out.push(`--${name}=${next}`);
      i++;
      continue;
    }
    out.push(arg);
  }
  return out;
}

/** Accepts only a choice from `allowed`, naming the flag in the error. */
export function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], usage: string): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${flag} must be one of ${allowed.join(', ')} (got "${sanitizeInline(value)}")`, usage);
}

/** `--year`: a four-digit year (1000–9999), or undefined when not given. Throws UsageError naming the flag and the value. */
export function yearOption(value: string | undefined, usage: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{3}$/.test(value)) throw new UsageError(`--year must be a program year of four digits, like 2025 (got "${sanitizeInline(value)}")`, usage);
  return Number(value);
}

/**
 * A whole-number option from `min` to `max` (`what` names the unit, e.g. "counties"), or
 * `fallback` when not given. Throws UsageError naming the flag, the range and the value.
 */
export function wholeNumberOption(flag: string, value: string | undefined, range: { min: number; max: number; what: string; fallback: number }, usage: string): number {
  if (value === undefined) return range.fallback;
  const n = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (!(n >= range.min && n <= range.max)) {
    throw new UsageError(`${flag} must be a whole number of ${range.what} from ${range.min} to ${range.max}, like ${range.fallback} (got "${sanitizeInline(value)}")`, usage);
  }
  return n;
}

function cleanNodeMessage(message: string): string {
  // Node says "Unknown option '--x'. To specify a positional argument starting with a '-', …"
  return message
    .replace(/\. To specify a positional argument.*$/s, '')
    .replace(/^Unknown option/, 'unknown option')
    .replace(/^Option '(-\S+)(?:, (-\S+))? <value>' argument missing$/, (_, a: string, b?: string) => `${b ?? a} needs a value`);
}
