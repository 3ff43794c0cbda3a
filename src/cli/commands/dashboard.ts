/** Placeholder until the Ink dashboard lands: prints the national list. */
import type { Output } from '../output.js';
import { listCommand } from './list.js';

export function dashboardCommand(argv: string[], io: Output): number {
  return listCommand(argv, io);
}
