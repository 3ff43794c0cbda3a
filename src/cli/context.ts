/** Loads the dataset a command asked for (--data DIR) or the bundled one; the registry is always geo/. */
import { resolve } from 'node:path';
import { loadDataset } from '../load/dataset.js';
import { parseDay } from '../model/dates.js';
import type { Dataset } from '../model/types.js';
import { DEFAULT_DATA_DIR, DEFAULT_GEO_DIR } from '../paths.js';
import { UsageError } from './args.js';

export function openDataset(values: { data?: string | undefined }): Dataset {
  return loadDataset({
    dataDir: values.data ? resolve(values.data) : DEFAULT_DATA_DIR,
    geoDir: DEFAULT_GEO_DIR,
  });
}

/** `--as-of`: a real calendar day, default today. */
export function asOfDate(value: string | undefined, usage: string, now = new Date()): string {
  if (value === undefined) return now.toISOString().slice(0, 10);
  const day = parseDay(value);
  if (typeof day === 'string') throw new UsageError(`--as-of: ${day}`, usage);
  return day.day;
}
