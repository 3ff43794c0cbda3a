/** The `nk20x10` command: dispatches to a subcommand and maps failures to exit codes. */
import { ExportError } from '../export/errors.js';
import { DataError, formatError } from '../load/errors.js';
import { editDistance } from '../registry/normalize.js';
import { sanitizeInline } from '../text/sanitize.js';
import { UsageError } from './args.js';
import { LookupError } from './lookup-error.js';
import { EXIT } from './exit-codes.js';
import { guardStream, processOutput, type Output } from './output.js';
import { version } from './version.js';

export const MAIN_USAGE = `Usage: nk20x10 [command] [options]

Tracks North Korea's Regional Development 20×10 Policy: state-media claims beside outside reports.

Commands:
  (none)      open the dashboard on the bundled data [--data DIR] [--geo FILE] [--as-of DATE]
              [--hindsight] [--stale-after N]; nk20x10 help dashboard for more
  validate    check the data files; every error as FILE:LINE:COL field: message
  list        program sites with status as of a date (table, csv or json)
  show NAME   everything known about one site; NAME is any spelling or Hangul
  gap         state-media claims beside outside reports, per site (table, csv, json or md)
  export      write a briefing slide of a view (PNG, SVG, HTML, text, ANSI), or a --pack of all
  geo import FILE   join real county boundaries to the registry; writes a layer for --geo

Options: -h, --help (also after a command: list --help, or help list), -v, --version
Exit codes: 0 success (also when the reader stops early, as \`| head\` does), 1 bad or missing input
file, 2 usage error (unknown option, bad value, unknown or ambiguous name), 3 output not written.`;

type Command = (argv: string[], io: Output) => number | Promise<number>;

/** Loaded on demand, so the dashboard never loads the validator and `validate` never loads Ink. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  validate: async () => (await import('./commands/validate.js')).validateCommand,
  list: async () => (await import('./commands/list.js')).listCommand,
  show: async () => (await import('./commands/show.js')).showCommand,
  gap: async () => (await import('./commands/gap.js')).gapCommand,
  geo: async () => (await import('./commands/geo-import.js')).geoCommand,
  export: async () => (await import('./commands/export.js')).exportCommand,
};

/** The subcommands, in the order `--help` lists them. */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

/**
 * Runs `nk20x10 ARGV` with output on `io` (default: the process's stdout and stderr through the
 * guarded writers of output.ts) and returns the exit code (exit-codes.ts): errors thrown by a
 * command are printed on stderr, one message naming the option or file, and mapped to a code.
 */
export async function run(argv: string[], io: Output = processOutput): Promise<number> {
  if (io === processOutput) {
    // Also what the dashboard writes directly (its one frame off a terminal): a closed pipe is quiet.
    guardStream(process.stdout, 'stdout', io.err);
    guardStream(process.stderr, 'stderr');
  }
  const code = await dispatch(argv, io);
  const failure = io.failure?.();
  return failure === undefined ? code : EXIT.output;
}

async function dispatch(argv: string[], io: Output): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === '--version' || first === '-v') {
      io.out(`${version()}\n`);
      return EXIT.ok;
    }
    if (first === 'help' && rest[0] !== undefined) {
      // `help list` is `list --help`; `help dashboard` the dashboard's options.
      if (rest[0] === 'dashboard') return await (await import('./commands/dashboard.js')).dashboardCommand(['--help'], io, version());
      const load = COMMANDS[rest[0]];
      if (!load) throw new UsageError(`help: unknown command "${sanitizeInline(rest[0])}"; one of: dashboard, ${Object.keys(COMMANDS).join(', ')}`, MAIN_USAGE);
      return await (await load())(['--help'], io);
    }
    if (first === '--help' || first === '-h' || first === 'help') {
      io.out(`${MAIN_USAGE}\n`);
      return EXIT.ok;
    }
    if (first === undefined || first.startsWith('-')) {
      const { dashboardCommand } = await import('./commands/dashboard.js');
      return await dashboardCommand(argv, io, version());
    }
    const load = COMMANDS[first];
    if (!load) {
      const near = Object.keys(COMMANDS).filter((c) => editDistance(c, first.toLowerCase()) <= 2);
      const hint = near.length ? `did you mean ${near.map((c) => `"${c}"`).join(' or ')}? ` : '';
      throw new UsageError(`unknown command "${sanitizeInline(first)}"; ${hint}one of: ${Object.keys(COMMANDS).join(', ')}`, MAIN_USAGE);
    }
    return await (await load())(rest, io);
  } catch (err) {
    if (err instanceof DataError) {
      io.err(`${err.errors.map((e) => sanitizeInline(formatError(e))).join('\n')}\n${err.errors.length} error${err.errors.length === 1 ? '' : 's'}\n`);
      return EXIT.data;
    }
    if (err instanceof LookupError) {
      io.err(`nk20x10: ${sanitizeInline(err.message)}\n`);
      return EXIT.usage;
    }
    if (err instanceof UsageError) {
      io.err(`nk20x10: ${sanitizeInline(err.message)}\n\n${err.usage}\n`);
      return EXIT.usage;
    }
    if (err instanceof ExportError) {
      io.err(`nk20x10: ${sanitizeInline(err.message)}\n`);
      return EXIT.output;
    }
    throw err;
  }
}

export { version } from './version.js';
