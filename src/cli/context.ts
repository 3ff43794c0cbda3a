/** Loads the dataset a command asked for (--data DIR) or the bundled one; the registry is always geo/. */
import { resolve } from 'node:path';
import { loadDataset } from '../load/dataset.js';
import type { Dataset } from '../model/types.js';
import { DEFAULT_DATA_DIR, DEFAULT_GEO_DIR } from '../paths.js';

export function openDataset(values: { data?: string | undefined }): Dataset {
  return loadDataset({
    dataDir: values.data ? resolve(values.data) : DEFAULT_DATA_DIR,
    geoDir: DEFAULT_GEO_DIR,
  });
}
