/**
 * Reads one YAML file into plain data plus a way to locate any path in it.
 *
 * Refuses, each with a located error that says which limit was hit: files over MAX_FILE_BYTES;
 * anything but a regular file (opening a FIFO blocks, /dev/zero never ends); invalid UTF-8;
 * YAML tags; values longer than MAX_SCALAR_CHARS, more than MAX_ENTRIES entries and nesting
 * deeper than MAX_DEPTH (these three while lexing, before the yaml library's recursive composer
 * runs); more than one document; duplicate keys (also `1` and `"1"`, which would collide as
 * property names) and keys that are not scalars; alias bombs (MAX_ALIASES); and data that
 * aliases make deeper than MAX_DEPTH or make contain itself. Data returned is therefore finite
 * and at most MAX_DEPTH deep, so the recursive walks that follow (schema checks) cannot overflow.
 */
import { readFileSync, statSync } from 'node:fs';
import {
  Composer,
  CST,
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  Lexer,
  LineCounter,
  Parser,
  type Document,
  type Node,
  type Pair,
  type Scalar,
  type YAMLMap,
} from 'yaml';
import type { LocatedError } from './errors.js';

export const MAX_FILE_BYTES = 16 * 1024 * 1024;
/** Alias expansions allowed per document (the yaml library's `maxAliasCount`). */
export const MAX_ALIASES = 100;
/** Nesting levels of mappings and lists; the data files need 6. */
export const MAX_DEPTH = 64;
/**
 * List items plus mapping entries per file. sources.yaml has about 1,000 (95,000 in the synthetic
 * 100× dataset of scripts/gen-large.ts). The yaml library needs roughly 10 µs and 1 kB per entry,
 * so this bounds one file to a few seconds and a few hundred MB, where the byte limit alone lets
 * 4 million tiny entries through (a minute and gigabytes).
 */
export const MAX_ENTRIES = 250_000;
/**
 * Characters in one scalar as written (a value or key; comments are free). The longest line in
 * the data is under 600 characters; names are matched with regexes and edit distances that
 * are slow or overflow on megabyte strings, and no message or screen can show one.
 */
export const MAX_SCALAR_CHARS = 10_000;
/**
 * Lexical tokens per file (about 7 per entry: sources.yaml has 7,000, the 100× dataset's 690,000).
 * Bounds the work on text that is not entries, such as a file of a million `]` or `&a `.
 */
export const MAX_TOKENS = 2_000_000;
/** YAML syntax errors reported per file; the rest are counted, not built (a million would take a minute). */
export const MAX_REPORTED = 100;

export interface YamlFile {
  file: string;
  data: unknown;
  /**
   * Line and column (1-based) of the value at `path`, or of its nearest existing parent.
   * With `key: true`, the position of the mapping key itself (for "unknown field" errors).
   */
  locate(path: readonly PropertyKey[], options?: { key?: boolean }): { line: number; col: number };
}

export type YamlResult = { ok: true; value: YamlFile } | { ok: false; errors: LocatedError[] };

export function readYamlFile(file: string): YamlResult {
  const fail = (message: string, line = 1, col = 1): YamlResult => ({
    ok: false,
    errors: [{ file, line, col, field: '(file)', message }],
  });
  let bytes: Buffer;
  try {
    // stat before opening: opening a FIFO blocks, and a device such as /dev/zero never ends.
    const stat = statSync(file);
    if (!stat.isFile()) return fail(`not a regular file (${stat.isDirectory() ? 'a directory' : 'a special file'})`);
    if (stat.size > MAX_FILE_BYTES) return fail(`file is ${stat.size} bytes; the limit is ${MAX_FILE_BYTES}`);
    bytes = readFileSync(file);
  } catch (err) {
    return fail(`cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  // The file may have grown since it was measured.
  if (bytes.length > MAX_FILE_BYTES) return fail(`file is ${bytes.length} bytes; the limit is ${MAX_FILE_BYTES}`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    return fail('invalid UTF-8', at.line, at.col);
  }
  return parseYamlText(file, text);
}

export function parseYamlText(file: string, text: string): YamlResult {
  const lineCounter = new LineCounter();
  const pos = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: Math.max(1, p.line), col: Math.max(1, p.col) };
  };
  const located = (offset: number, message: string): LocatedError => ({ file, ...pos(offset), field: '(yaml)', message });
  const fail = (offset: number, message: string): YamlResult => ({ ok: false, errors: [located(offset, message)] });

  // Lex and parse to a concrete syntax tree, stopping at the first lexeme past a limit: the
  // yaml library composes documents recursively and its costs grow with the number of entries
  // (and worse), so both must be bounded before composing.
  const parser = new Parser(lineCounter.addNewLine);
  const tokens: CST.Token[] = [];
  let lexemes = 0;
  let entries = 0;
  let syntaxErrors = 0;
  let unreported = 0;
  let scalarNext = false;
  lineCounter.addNewLine(0);
  try {
    for (const lexeme of new Lexer().lex(text)) {
      const offset = parser.offset;
      if (++lexemes > MAX_TOKENS) return fail(offset, `more than ${MAX_TOKENS} YAML tokens (the limit)`);
      // Plain and block scalars follow a SCALAR marker; quoted ones start with their quote.
      if (scalarNext || lexeme.startsWith('"') || lexeme.startsWith("'")) {
        scalarNext = false;
        if (lexeme.length > MAX_SCALAR_CHARS) return fail(offset, `a value ${lexeme.length} characters long; the limit is ${MAX_SCALAR_CHARS}`);
      } else if (lexeme === CST.SCALAR) scalarNext = true;
      else if (lexeme === '-' || lexeme === ':' || lexeme === '?' || lexeme === ',') {
        if (++entries > MAX_ENTRIES) return fail(offset, `more than ${MAX_ENTRIES} list items and mapping entries (the limit)`);
      } else if (lexeme.startsWith('!')) {
        return fail(offset, `YAML tags such as ${JSON.stringify(lexeme.slice(0, 40))} are not allowed; write the plain value`);
      }
      for (const token of parser.next(lexeme)) {
        if (token.type === 'error' && ++syntaxErrors > MAX_REPORTED) unreported++;
        else tokens.push(token);
      }
      // The stack holds the document, the open collections and at most one scalar.
      if (parser.stack.length > MAX_DEPTH + 1) {
        const open = parser.stack.filter((t) => t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection');
        const first = open[MAX_DEPTH];
        if (first) return fail(first.offset, `nested deeper than ${MAX_DEPTH} levels of mappings and lists (the limit)`);
      }
    }
    for (const token of parser.end()) {
      if (token.type === 'error' && ++syntaxErrors > MAX_REPORTED) unreported++;
      else tokens.push(token);
    }
  } catch (err) {
    if (err instanceof RangeError) return fail(parser.offset, `too complex to parse (${err.message})`);
    throw err;
  }

  // Keys are checked for uniqueness below, in linear time (the library's check is quadratic).
  const composer = new Composer({ uniqueKeys: false, schema: 'core', strict: true });
  // The composer reports each problem through this (internal) callback: beyond MAX_REPORTED,
  // count them instead of building an Error each. Without the callback, nothing is capped.
  const internal = composer as unknown as { onError?: (...args: unknown[]) => void };
  const report = internal.onError;
  let composeErrors = 0;
  if (typeof report === 'function') {
    internal.onError = (...args: unknown[]) => {
      if (++composeErrors > MAX_REPORTED) unreported++;
      else report(...args);
    };
  }
  let doc: Document.Parsed | undefined;
  let second: Document.Parsed | undefined;
  for (const next of composer.compose(tokens, true, text.length)) {
    if (!doc) doc = next;
    else {
      second = next;
      break;
    }
  }
  if (!doc) return fail(0, 'no YAML document');
  const errors: LocatedError[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    errors.push(located(e.pos[0], e.code === 'RESOURCE_EXHAUSTION' ? `too complex to parse (${e.message})` : e.message.split('\n')[0]!));
  }
  if (second) errors.push(located(second.range[0], 'more than one YAML document (a second "---")'));
  if (errors.length === 0) {
    const keys = checkKeys(doc, located, (offset) => pos(offset).line);
    unreported += Math.max(0, keys.length - MAX_REPORTED);
    errors.push(...keys.slice(0, MAX_REPORTED));
  }
  if (unreported > 0 && errors.length > 0) {
    const last = errors[errors.length - 1]!;
    errors.push({ ...last, message: `and ${unreported} more YAML errors (only the first ${MAX_REPORTED} of each kind are listed)` });
  }
  if (errors.length > 0) return { ok: false, errors };

  const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();
  const pairOf = (map: YAMLMap, key: PropertyKey): Pair | undefined => {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      for (const pair of map.items) if (isScalar(pair.key)) index.set(keyString(pair.key.value), pair);
      indexes.set(map, index);
    }
    return index.get(String(key));
  };
  const find = (path: readonly PropertyKey[], options?: { key?: boolean }) => {
    let node: Node | null | undefined = doc.contents as Node | null;
    let offset = node?.range?.[0] ?? 0;
    for (const [i, seg] of path.entries()) {
      if (isMap(node)) {
        const pair = pairOf(node, seg);
        if (!pair) break;
        const key = pair.key as Node;
        node = pair.value as Node | null;
        const wantKey = options?.key === true && i === path.length - 1;
        offset = (wantKey ? key.range?.[0] : undefined) ?? node?.range?.[0] ?? key.range?.[0] ?? offset;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg] as Node | undefined;
        if (!item) break;
        node = item;
        offset = item.range?.[0] ?? offset;
      } else break;
    }
    return { node, offset };
  };
  const locate = (path: readonly PropertyKey[], options?: { key?: boolean }) => pos(find(path, options).offset);

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/alias count/i.test(message)) {
      return fail(firstAlias(doc), `aliases expand to too much data (the limit is ${MAX_ALIASES} alias expansions per file)`);
    }
    if (err instanceof RangeError) return fail(0, `too complex to convert (${message})`);
    return fail(0, message);
  }

  // Aliases can nest a collection inside another (deeper than the text shows) or inside itself.
  const bad = checkDataDepth(data);
  if (bad) {
    const { node, offset } = find(bad.path);
    const alias = isAlias(node) ? `alias *${node.source}` : 'an alias';
    return fail(
      offset,
      bad.cycle
        ? `${alias} makes the data contain itself`
        : `${alias} nests the data deeper than ${MAX_DEPTH} levels of mappings and lists (the limit)`,
    );
  }
  return { ok: true, value: { file, data, locate } };
}

/** The property name a scalar key becomes in plain data (as the yaml library converts it). */
function keyString(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/**
 * Every mapping key must be a plain scalar (a list, mapping or alias as a key would be turned
 * into text) and unique once converted to a property name: `1` and `"1"` would collide.
 */
function checkKeys(
  doc: Document.Parsed,
  located: (offset: number, message: string) => LocatedError,
  lineAt: (offset: number) => number,
): LocatedError[] {
  const errors: LocatedError[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Map<string, Scalar>();
      for (const pair of node.items) {
        const key = pair.key;
        const offset = (isNode(key) ? key.range?.[0] : undefined) ?? node.range?.[0] ?? 0;
        if (!isScalar(key)) {
          errors.push(located(offset, 'a key must be plain text, not a list, a mapping or an alias'));
          continue;
        }
        const name = keyString(key.value);
        const first = seen.get(name);
        if (first) {
          const where = first.range ? ` (first at line ${lineAt(first.range[0])})` : '';
          errors.push(located(offset, `duplicate key ${JSON.stringify(name.slice(0, 80))}: keys must be unique${where}`));
        } else seen.set(name, key);
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return errors;
}

/** Offset of the first alias in the document: where an alias bomb starts going off. */
function firstAlias(doc: Document.Parsed): number {
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) return node.range?.[0] ?? 0;
    if (isMap(node) || isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const item = node.items[i];
        if (isPair(item)) stack.push(item.value, item.key);
        else stack.push(item);
      }
    }
  }
  return 0;
}

/**
 * Walks converted data without recursion and reports the first path that goes deeper than
 * MAX_DEPTH or back into one of its own parents. Shared (aliased) collections are walked again
 * only when met deeper than before, so the work stays within MAX_DEPTH × the data's size.
 */
function checkDataDepth(data: unknown): { path: PropertyKey[]; cycle: boolean } | undefined {
  interface Frame {
    keys: PropertyKey[];
    values: unknown[];
    next: number;
  }
  const frames: Frame[] = [];
  const path: PropertyKey[] = [];
  const onPath: object[] = [];
  const walkedAt = new Map<object, number>();
  const open = (value: unknown): 'cycle' | 'deep' | undefined => {
    if (value === null || typeof value !== 'object') return undefined;
    if (onPath.includes(value)) return 'cycle';
    const depth = frames.length + 1;
    if (depth > MAX_DEPTH) return 'deep';
    if ((walkedAt.get(value) ?? 0) >= depth) return undefined;
    walkedAt.set(value, depth);
    const keys: PropertyKey[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
    const values: unknown[] = Array.isArray(value) ? value : Object.values(value);
    frames.push({ keys, values, next: 0 });
    onPath.push(value);
    return undefined;
  };
  if (open(data)) return { path: [], cycle: false };
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!;
    if (frame.next >= frame.values.length) {
      frames.pop();
      onPath.pop();
      path.pop();
      continue;
    }
    const i = frame.next++;
    const key = frame.keys[i]!;
    const problem = open(frame.values[i]);
    if (problem) return { path: [...path, key], cycle: problem === 'cycle' };
    if (frames[frames.length - 1] !== frame) path.push(key);
  }
  return undefined;
}

/** Line and column of the first byte that is not valid UTF-8 (overlong forms and surrogates included). */
export function firstInvalidUtf8(bytes: Uint8Array): { line: number; col: number } {
  let line = 1;
  let col = 1;
  // A byte-order mark is not part of the text the parser sees.
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let length = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b < 0x80) length = 1;
    else if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    }
    if (length === 0) return { line, col };
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return { line, col };
    }
    if (b === 0x0a) {
      line++;
      col = 1;
    } else col += length === 4 ? 2 : 1;
    i += length;
  }
  return { line, col };
}
