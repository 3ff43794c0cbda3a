/**
 * geo/unit-mappings.yaml: units state media name differently from the 2020 county layer, each
 * with the layer unit it is drawn as and the sources saying so. Reading validates the shape and
 * names the file, line and field of the first problem; every string is sanitised.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, parseDocument, LineCounter } from 'yaml';
import { z } from 'zod';
import { DEFAULT_GEO_DIR } from '../paths.js';
import { sanitizeInline } from '../text/sanitize.js';

const Source = z.object({
  outlet: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
  url: z.string().url().optional(),
  says: z.string().min(1),
}).strict();

const Mapping = z.object({
  site: z.string().min(1),
  name_en: z.string().min(1),
  name_ko: z.string().min(1),
  unit: z.string().regex(/^kp-[a-z0-9-]+$/),
  unit_name_ko: z.string().min(1),
  relation: z.enum(['renamed', 'part_of']),
  note: z.string().min(1),
  uncertain: z.boolean().optional(),
  sources: z.array(Source).min(1),
}).strict();

const File = z.object({ mappings: z.array(Mapping) }).strict();

/** One mapping: `site` (data/counties id) named `name_ko` by state media is drawn as layer unit `unit` (registry id). */
export type UnitMapping = z.infer<typeof Mapping>;

export const UNIT_MAPPINGS_FILE = 'unit-mappings.yaml';

/**
 * Parses the mappings text. Throws an Error "FILE:LINE field: message" on bad YAML or a bad
 * field; returns the mappings with every string sanitised.
 */
export function parseUnitMappings(text: string, file = `geo/${UNIT_MAPPINGS_FILE}`): UnitMapping[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new Error(`${file}:${e.linePos?.[0].line ?? 1} (file): ${e.message.split('\n')[0]}`);
  }
  const parsed = File.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const node = doc.getIn(issue.path as (string | number)[], true) as { range?: [number, number] } | undefined;
    const parent = issue.path.length > 0 ? (doc.getIn(issue.path.slice(0, -1) as (string | number)[], true) as unknown) : undefined;
    const offset = node?.range?.[0] ?? (isMap(parent) ? parent.range?.[0] : undefined) ?? 0;
    throw new Error(`${file}:${lines.linePos(offset).line} ${issue.path.join('.') || '(file)'}: ${issue.message}`);
  }
  const clean = (s: string) => sanitizeInline(s);
  return parsed.data.mappings.map((m) => ({
    ...m,
    site: clean(m.site),
    name_en: clean(m.name_en),
    name_ko: clean(m.name_ko),
    unit: clean(m.unit),
    unit_name_ko: clean(m.unit_name_ko),
    note: clean(m.note),
    sources: m.sources.map((s) => ({ ...s, outlet: clean(s.outlet), says: clean(s.says), ...(s.url ? { url: clean(s.url) } : {}) })),
  }));
}

/** Reads geo/unit-mappings.yaml from `geoDir` (default: the package's geo/). Throws like parseUnitMappings. */
export function readUnitMappings(geoDir = DEFAULT_GEO_DIR): UnitMapping[] {
  return parseUnitMappings(readFileSync(join(geoDir, UNIT_MAPPINGS_FILE), 'utf8'));
}
