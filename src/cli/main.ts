/** The `nk20x10` command: dispatches to a subcommand and maps failures to exit codes. */
import { DataError, formatError } from '../load/errors.js';
import { sanitizeInline } from '../text/sanitize.js';
import { UsageError } from './args.js';
import { LookupError } from './lookup-error.js';
import { processOutput, type Output } from './output.js';
import { version } from './version.js';

export const MAIN_USAGE = `Usage: nk20x10 [command] [options]

Tracks North Korea's Regional Development 20×10 Policy: state-media claims beside outside reports.

Commands:
  (none)      open the dashboard on the bundled data (--data DIR, --geo FILE, --as-of DATE)
  validate    check the data files; every error as FILE:LINE:COL field: message
  list        program sites with status as of a date (table, csv or json)
  show NAME   everything known about one site; NAME is any spelling or Hangul
  gap         state-media claims beside outside reports, per site (table, csv, json or md)
  export      write a screenshot of a view (PNG, SVG, HTML, text, ANSI), or a --pack of all
  geo import FILE   join real county boundaries to the registry; writes a layer for --geo

Options: --help (also after a command), --version
Exit codes: 0 success, 1 data error or name not found/ambiguous, 2 usage error.`;

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

export async function run(argv: string[], io: Output = processOutput): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === '--version' || first === '-v') {
      io.out(`${version()}\n`);
      return 0;
    }
    if (first === '--help' || first === '-h' || first === 'help') {
      io.out(`${MAIN_USAGE}\n`);
      return 0;
    }
    if (first === undefined || first.startsWith('-')) {
      const { dashboardCommand } = await import('./commands/dashboard.js');
      return await dashboardCommand(argv, io, version());
    }
    const load = COMMANDS[first];
    if (!load) throw new UsageError(`unknown command "${sanitizeInline(first)}"`, MAIN_USAGE);
    return await (await load())(rest, io);
  } catch (err) {
    if (err instanceof DataError) {
      io.err(`${err.errors.map((e) => sanitizeInline(formatError(e))).join('\n')}\n${err.errors.length} error${err.errors.length === 1 ? '' : 's'}\n`);
      return 1;
    }
    if (err instanceof LookupError) {
      io.err(`nk20x10: ${sanitizeInline(err.message)}\n`);
      return 1;
    }
    if (err instanceof UsageError) {
      io.err(`nk20x10: ${err.message}\n\n${err.usage}\n`);
      return 2;
    }
    throw err;
  }
}

export { version } from './version.js';
