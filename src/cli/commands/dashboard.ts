/** `nk20x10` with no command: the dashboard (one frame when not on a terminal). */
import { resolve } from 'node:path';
import { openAtlas } from '../../atlas.js';
import { runDashboard } from '../../ui/run.js';
import { DATA_OPTIONS, parseCommandArgs } from '../args.js';
import { asOfDate } from '../as-of.js';
import { openDatasetCached } from '../context.js';
import type { Output } from '../output.js';

export const DASHBOARD_USAGE = `Usage: nk20x10 [--data DIR] [--geo FILE] [--as-of YYYY-MM-DD]

Opens the dashboard: the map coloured by status, the province list and the selected county's detail.
  --geo FILE   a county layer made by \`nk20x10 geo import\` (default: the bundled schematic layer)
Press ? in the app for the keys. Off a terminal (pipe, CI) it prints one frame and exits.`;

const OPTIONS = { ...DATA_OPTIONS, geo: { type: 'string' }, 'as-of': { type: 'string' } } as const;

export async function dashboardCommand(argv: string[], io: Output, version: string): Promise<number> {
  const { values } = parseCommandArgs(argv, OPTIONS, DASHBOARD_USAGE);
  if (values.help) {
    io.out(`${DASHBOARD_USAGE}\n`);
    return 0;
  }
  const asOf = asOfDate(values['as-of'], DASHBOARD_USAGE);
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
    // `e` in the app: the current screen, into the current directory, named after the view and date.
    onExport: async (format, state, size) => {
      const { exportCurrentScreen } = await import('./export.js');
      const file = await exportCurrentScreen(atlas, state, format, size, process.cwd());
      return `Exported ${format.toUpperCase()} to ${file}`;
    },
  });
}
