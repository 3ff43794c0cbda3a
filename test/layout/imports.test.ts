/**
 * Layout rules of src/: no import cycles anywhere, and the drawing code (src/map) never reads
 * files. Reads the TypeScript sources (relative imports only).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const src = join(root, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) {
    const base = normalize(join(dirname(file), m[1]!)).replace(/\.js$/, '');
    for (const ext of ['.ts', '.tsx']) if (existsSync(base + ext)) out.push(base + ext);
  }
  return out;
}

const files = sources(src);
const graph = new Map(files.map((f) => [f, importsOf(f)]));

test('src/ has no import cycles (type-only imports included)', () => {
  const state = new Map<string, 1 | 2>();
  const cycles: string[] = [];
  const visit = (f: string, stack: string[]) => {
    state.set(f, 1);
    stack.push(f);
    for (const d of graph.get(f) ?? []) {
      if (state.get(d) === 1) cycles.push([...stack.slice(stack.indexOf(d)), d].map((x) => relative(root, x)).join(' → '));
      else if (!state.has(d)) visit(d, stack);
    }
    stack.pop();
    state.set(f, 2);
  };
  for (const f of files) if (!state.has(f)) visit(f, []);
  assert.deepEqual(cycles, []);
});

test('src/map (drawing) does no file I/O and imports nothing from the CLI or UI', () => {
  const offenders = files
    .filter((f) => relative(src, f).startsWith('map'))
    .filter((f) => /from 'node:fs'|from '\.\.\/(cli|ui)\//.test(readFileSync(f, 'utf8')))
    .map((f) => relative(root, f));
  assert.deepEqual(offenders, []);
});
