/** Checks parsed YAML against a schema and turns every issue into a located error. */
import type { z } from 'zod';
import { fieldPath, type LocatedError } from './errors.js';
import type { YamlFile } from './yaml-file.js';

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: LocatedError[] };

export function checkShape<S extends z.ZodType>(file: YamlFile, schema: S): Checked<z.infer<S>> {
  // Valid data takes the fast path; anything it is unsure of goes through zod, which also words the errors.
  const fast = fastParse(schema, file.data);
  if (fast !== FAIL) return { ok: true, value: fast as z.infer<S> };
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

// ---------------------------------------------------------------------------------------------
// Fast path for valid data.
//
// zod's safeParse costs about a microsecond per field, most of it generic machinery (a payload
// and an issue list per value, abort bookkeeping); on a large dataset that is most of the load
// time left once the YAML is parsed. For the schema node types the data files use (strict
// objects, arrays, strings, numbers, booleans, enums, optional), a schema is compiled once into
// plain functions that run the same checks (each check's own `_zod.check`, in order, so refinements,
// trims and regexes are zod's own) and build the same output: keys in shape order, absent
// optional keys left out, trimmed strings. They return FAIL at the first doubt (an unknown key,
// a failed check, a node type they do not know) and checkShape then runs zod itself, which is
// authoritative and describes the errors. So valid data is accepted with the value zod would
// return, and invalid data is never accepted here.

const FAIL: unique symbol = Symbol('fail');
type Fast = (value: unknown) => unknown;

interface CheckLike {
  _zod: { def: { when?: (payload: Payload) => boolean }; check: (payload: Payload) => unknown };
}
interface Payload {
  value: unknown;
  issues: unknown[];
}
interface Internals {
  _zod: {
    def: Record<string, unknown> & { type: string; checks?: CheckLike[] };
    optin?: string;
    optout?: string;
    values?: Set<unknown>;
  };
}

const compiled = new WeakMap<object, Fast | null>();

function fastParse(schema: z.ZodType, data: unknown): unknown {
  let fn = compiled.get(schema);
  if (fn === undefined) {
    try {
      fn = compile(schema as unknown as Internals);
    } catch {
      fn = null;
    }
    compiled.set(schema, fn);
  }
  if (!fn) return FAIL;
  // zod walks keys with for…in, which would also see enumerable properties added to Object.prototype.
  for (const _ in Object.prototype) return FAIL;
  try {
    return fn(data);
  } catch {
    return FAIL;
  }
}

/** The node's own checks (refinements, lengths, patterns, trims), run as zod runs them on a passing value. */
function withChecks(node: Internals, parse: Fast): Fast {
  const checks = node._zod.def.checks ?? [];
  if (checks.length === 0) return parse;
  return (input) => {
    let value = parse(input);
    if (value === FAIL) return FAIL;
    const payload: Payload = { value, issues: [] };
    for (const check of checks) {
      const when = check._zod.def.when;
      if (when && !when(payload)) continue;
      const r = check._zod.check(payload);
      if (r instanceof Promise || payload.issues.length > 0) return FAIL;
    }
    value = payload.value;
    return value;
  };
}

function compile(node: Internals): Fast | null {
  const def = node._zod.def;
  if (def.coerce || 'format' in def) return null;
  switch (def.type) {
    case 'string':
      return withChecks(node, (v) => (typeof v === 'string' ? v : FAIL));
    case 'number':
      return withChecks(node, (v) => (typeof v === 'number' && Number.isFinite(v) ? v : FAIL));
    case 'boolean':
      return withChecks(node, (v) => (typeof v === 'boolean' ? v : FAIL));
    case 'enum': {
      const values = node._zod.values;
      if (!values) return null;
      return withChecks(node, (v) => (values.has(v) ? v : FAIL));
    }
    case 'optional': {
      const inner = def.innerType as Internals | undefined;
      if (!inner || inner._zod.optin === 'defaulted') return null;
      const parse = compile(inner);
      // A present key holding undefined does not come out of YAML: leave it to zod.
      return parse && withChecks(node, (v) => (v === undefined ? FAIL : parse(v)));
    }
    case 'array': {
      const element = compile(def.element as Internals);
      if (!element) return null;
      return withChecks(node, (v) => {
        if (!Array.isArray(v)) return FAIL;
        const out = new Array<unknown>(v.length);
        for (let i = 0; i < v.length; i++) {
          const r = element(v[i]);
          if (r === FAIL) return FAIL;
          out[i] = r;
        }
        return out;
      });
    }
    case 'object': {
      // Strict objects only (a `never` catchall): unknown keys are errors, never stripped.
      const catchall = def.catchall as Internals | undefined;
      if (catchall?._zod.def.type !== 'never') return null;
      const shape = def.shape as Record<string, Internals>;
      if (Object.getOwnPropertySymbols(shape).length > 0) return null;
      const fields: { key: string; parse: Fast; optional: boolean }[] = [];
      for (const key of Object.keys(shape)) {
        const field = shape[key]!;
        const optional = field._zod.optin === 'optional' && field._zod.optout === 'optional';
        if (!optional && (field._zod.optin !== undefined || field._zod.optout !== undefined)) return null;
        const parse = compile(field);
        if (!parse || key in Object.prototype) return null;
        fields.push({ key, parse, optional });
      }
      return withChecks(node, (v) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return FAIL;
        const proto = Object.getPrototypeOf(v) as unknown;
        if (proto !== Object.prototype && proto !== null) return FAIL;
        const input = v as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        let present = 0;
        for (const { key, parse, optional } of fields) {
          const x = input[key];
          if (x === undefined) {
            // Absent (or present but undefined, which YAML never gives: zod's to judge).
            if (optional && !Object.hasOwn(input, key)) continue;
            return FAIL;
          }
          const r = parse(x);
          if (r === FAIL) return FAIL;
          out[key] = r;
          present++;
        }
        // Every own key was a known one (an unknown key is zod's to report). A value inherited from
        // the prototype would make the counts differ too.
        if (Object.keys(input).length !== present) return FAIL;
        return out;
      });
    }
    default:
      return null;
  }
}
