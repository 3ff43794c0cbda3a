/** Strict argument parsing: unknown flags and missing values are usage errors (exit 2). */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {
  constructor(message: string, readonly usage: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type Options = NonNullable<ParseArgsConfig['options']>;

/** Flags every data-reading command takes. */
export const DATA_OPTIONS = {
  data: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

export function parseCommandArgs<O extends Options>(argv: string[], options: O, usage: string, positionals = 0) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(cleanNodeMessage((err as Error).message), usage);
  }
  const values = parsed.values as Record<string, unknown>;
  if (!values.help && parsed.positionals.length > positionals) {
    throw new UsageError(`unexpected argument "${parsed.positionals[positionals]}"`, usage);
  }
  return parsed;
}

/** Accepts only a choice from `allowed`, naming the flag in the error. */
export function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], usage: string): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${flag} must be one of ${allowed.join(', ')} (got "${value}")`, usage);
}

function cleanNodeMessage(message: string): string {
  // Node says "Unknown option '--x'. To specify a positional argument starting with a '-', …"
  return message.replace(/\. To specify a positional argument.*$/s, '').replace(/^Unknown option/, 'unknown option');
}
