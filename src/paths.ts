/** Where the bundled data and geography live, relative to the installed package. */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: this file is at src/paths.ts, compiled to dist/src/paths.js. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_DATA_DIR = join(PACKAGE_ROOT, 'data');
export const DEFAULT_GEO_DIR = join(PACKAGE_ROOT, 'geo');
