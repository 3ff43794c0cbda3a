/** Loads the dataset a command asked for (--data DIR) or the bundled one; the registry is always geo/. */
import { resolve } from 'node:path';
import { loadDatasetCached } from '../load/dataset-cache.js';
import { loadDataset } from '../load/dataset.js';
import type { Dataset } from '../model/types.js';
import { DEFAULT_DATA_DIR, DEFAULT_GEO_DIR } from '../paths.js';
import { sanitizeInline } from '../text/sanitize.js';
import { version } from './version.js';

/** The directory `--data` names (absolute), or the bundled data/. */
export function dataDirOf(values: { data?: string | undefined }): string {
  return values.data ? resolve(values.data) : DEFAULT_DATA_DIR;
}

/** A full, uncached load with every check: what `validate` uses. Throws DataError. */
export function openDataset(values: { data?: string | undefined }): Dataset {
  return loadDataset({ dataDir: dataDirOf(values), geoDir: DEFAULT_GEO_DIR });
}

/**
 * The same validated model through the model cache (load/dataset-cache.ts): what the dashboard,
 * `list`, `show` and `export` use, so they always agree. A refused cache directory is reported
 * on `warn` (stderr) once. Throws DataError on invalid data, exactly as an uncached load.
 */
export function openDatasetCached(values: { data?: string | undefined }, warn: (text: string) => void): Promise<Dataset> {
  return loadDatasetCached({
    dataDir: dataDirOf(values),
    geoDir: DEFAULT_GEO_DIR,
    version: version(),
    onWarning: (message) => warn(`nk20x10: ${sanitizeInline(message)}\n`),
  });
}
