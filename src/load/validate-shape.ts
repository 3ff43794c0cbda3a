/** Checks parsed YAML against a schema and turns every issue into a located error. */
import type { z } from 'zod';
import { fieldPath, type LocatedError } from './errors.js';
import type { YamlFile } from './yaml-file.js';

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: LocatedError[] };

export function checkShape<S extends z.ZodType>(file: YamlFile, schema: S): Checked<z.infer<S>> {
  const result = schema.safeParse(file.data, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  const errors: LocatedError[] = [];
  for (const issue of result.error.issues) {
    const base = issue.path as PropertyKey[];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...base, key];
        errors.push({ file: file.file, ...file.locate(path, { key: true }), field: fieldPath(path), message: 'unknown field (see data/README.md)' });
      }
      continue;
    }
    errors.push({ file: file.file, ...file.locate(base), field: fieldPath(base), message: describeIssue(issue) });
  }
  return { ok: false, errors };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return `required (${issue.expected})`;
    return `expected ${issue.expected}, got ${typeName(issue.input)}`;
  }
  if (issue.code === 'invalid_value') return `must be one of: ${issue.values.map(String).join(', ')}`;
  return issue.message;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return `${typeof value} ${String(value)}`;
}
