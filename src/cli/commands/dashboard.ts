/** `nk20x10` with no command: the dashboard (one frame when not on a terminal). */
import { relative, resolve, sep } from 'node:path';
import { openAtlas } from '../../atlas.js';
import type { AppProps } from '../../ui/App.js';
import { runDashboard } from '../../ui/run.js';
import { DATA_OPTIONS, HELP_LINE, parseCommandArgs } from '../args.js';
import { LENS_HELP, LENS_OPTIONS, lensFromArgs } from '../as-of.js';
import { openDatasetCached } from '../context.js';
import type { Output } from '../output.js';

export const DASHBOARD_USAGE = `Usage: nk20x10 [--data DIR] [--geo FILE] [--as-of YYYY-MM-DD] [--hindsight] [--stale-after N]

Opens the dashboard: the map coloured by status, the province list and the selected county's detail.
  --geo FILE   a county layer made by \`nk20x10 geo import\` (default: the bundled OSM 2020 layer)
${LENS_HELP}
Press ? in the app for the keys. Off a terminal (pipe, CI) it prints one frame and exits.
${HELP_LINE}`;

/** The options this command accepts (its --help names every one: test/cli/help-options.test.ts). */
export const OPTIONS = { ...DATA_OPTIONS, ...LENS_OPTIONS, geo: { type: 'string' } } as const;

export async function dashboardCommand(argv: string[], io: Output, version: string): Promise<number> {
  const { values } = parseCommandArgs(argv, OPTIONS, DASHBOARD_USAGE);
  if (values.help) {
    io.out(`${DASHBOARD_USAGE}\n`);
    return 0;
  }
  const asOf = lensFromArgs(values, DASHBOARD_USAGE);
  // The validated model is cached between runs (keyed by the content of every input file and the
  // code), as for list, show and export; `nk20x10 validate` always checks everything.
  const dataset = await openDatasetCached(values, io.err);
  const atlas = openAtlas(dataset, values.geo ? resolve(values.geo) : undefined);
  return runDashboard({
    atlas,
    asOf,
    stdout: process.stdout,
    stdin: process.stdin,
    env: process.env,
    onExport: exportFromApp(atlas, process.cwd()),
  });
}

/**
 * The `e` key: exports the current screen into `dir`, named after the view and the as-of date
 * (never overwriting), and returns the footer message, which names the file relative to `dir`.
 */
export function exportFromApp(atlas: Parameters<typeof runDashboard>[0]['atlas'], dir: string): NonNullable<AppProps['onExport']> {
  return async (format, state, size) => {
    const { exportCurrentScreen } = await import('./export.js');
    const file = await exportCurrentScreen(atlas, state, format, size, dir);
    const shown = relative(dir, file);
    return `Exported ${format.toUpperCase()} to ${shown.startsWith('..') ? file : `.${sep}${shown}`}`;
  };
}
