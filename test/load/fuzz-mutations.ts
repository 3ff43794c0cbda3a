/**
 * Deterministic mutations of the data files for the loader fuzz test (fuzz.test.ts).
 *
 * Everything random comes from a seeded mulberry32 generator, never Math.random: mutant `i` of
 * seed `s` is always the same file content, so a failure reproduces from the pair (s, i) alone.
 * A mutant replaces ONE path in a data directory with new bytes (or with a directory, a FIFO, a
 * symlink, nothing, …); fuzz.test.ts applies it, loads the directory and puts the original back.
 */

import { mulberry32 } from '../../scripts/gen-large.js';

export { mulberry32 };

/** The generator for mutant `index` of `seed`: independent of every other mutant. */
export function mutantRng(seed: number, index: number): () => number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return mulberry32(h ^ (h >>> 16));
}

export class Dice {
  constructor(readonly next: () => number) {}
  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** Integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  one<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Pick.one: no items');
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Mutation kinds with how many mutants of each a run makes (the schedule is shuffled by seed). */
export const KIND_COUNTS = {
  truncation: 230,
  'line-delete': 110,
  'line-duplicate': 110,
  'wrong-type': 290,
  'deep-nesting': 140,
  'huge-string': 30,
  oversized: 2,
  'invalid-utf8': 180,
  'duplicate-keys': 150,
  'alias-bomb': 150,
  tag: 110,
  'byte-flip': 260,
  'bom-crlf': 80,
  empty: 40,
  documents: 36,
  'control-chars': 50,
  wide: 10,
  'not-a-file': 36,
  unreadable: 12,
} as const;
export type Kind = keyof typeof KIND_COUNTS;
export const KINDS = Object.keys(KIND_COUNTS) as Kind[];

/** The kind of every mutant of a run, in a seed-dependent order. */
export function schedule(seed: number, counts: Readonly<Record<Kind, number>> = KIND_COUNTS): Kind[] {
  const kinds: Kind[] = [];
  for (const kind of KINDS) for (let i = 0; i < counts[kind]; i++) kinds.push(kind);
  const pick = new Dice(mulberry32(seed ^ 0x5eed));
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = pick.int(i + 1);
    [kinds[i], kinds[j]] = [kinds[j]!, kinds[i]!];
  }
  return kinds;
}

export type Special = 'directory' | 'fifo' | 'device' | 'missing' | 'dangling-symlink' | 'symlink-loop';
/** New bytes; something other than a regular file; or the original with its mode changed. */
export type Content = { bytes: Uint8Array } | { special: Special } | { chmod: number };

export interface Mutant {
  index: number;
  kind: Kind;
  /** The path replaced, relative to the data directory (`counties/kimhwa.yaml`, `sources.yaml`, `counties`). */
  target: string;
  /** What was done, short enough for a failure message. */
  note: string;
  content: Content;
  /** Checks beyond "a Dataset or located errors" that this mutant must also pass. */
  expect?: {
    /** Loading must fail with at least one error in the target file… */
    errorInTarget: true;
    /** …whose message matches this… */
    message?: RegExp;
    /** …at this line. */
    line?: number;
  };
}

/** The files a mutant may replace: relative path → original bytes. */
export interface Corpus {
  files: ReadonlyMap<string, Buffer>;
  counties: readonly string[];
  /** The loader's file size limit, so mutants can aim just past it. */
  maxFileBytes: number;
}

const MB = 1024 * 1024;

export function makeMutant(seed: number, index: number, kind: Kind, corpus: Corpus): Mutant {
  const pick = new Dice(mutantRng(seed, index));
  // Mostly the small county files; policy.yaml and sources.yaml now and then.
  const roll = pick.next();
  const target = roll < 0.8 ? pick.one(corpus.counties) : roll < 0.92 ? 'policy.yaml' : 'sources.yaml';
  const original = corpus.files.get(target);
  if (!original) throw new Error(`fuzz corpus has no ${target}`);
  const made = GENERATORS[kind](pick, original, target, corpus);
  return { index, kind, target: made.target ?? target, note: made.note, content: made.content, ...(made.expect ? { expect: made.expect } : {}) };
}

type Made = Pick2<Mutant, 'note' | 'content'> & { target?: string; expect?: Mutant['expect'] };
type Pick2<T, K extends keyof T> = { [P in K]: T[P] };
type Generator = (pick: Dice, original: Buffer, target: string, corpus: Corpus) => Made;

const text = (s: string): Content => ({ bytes: Buffer.from(s, 'utf8') });
const inTarget = (extra: { message?: RegExp; line?: number } = {}): Mutant['expect'] => ({ errorInTarget: true, ...extra });

// ---------------------------------------------------------------------------------------------
// Finding places to mutate in a YAML file, line by line (the data files are all block style).

/** A `key: value` or `- value` line whose value is a scalar or a one-line flow collection. */
interface Slot {
  line: number;
  /** Everything before the value, e.g. `  - id: ` */
  prefix: string;
  key: string | undefined;
  value: string;
}

const KEY_VALUE = /^(\s*(?:- )?)([A-Za-z_][\w-]*): +(\S.*)$/;
const ITEM = /^(\s*- )(\S.*)$/;
const BLOCK_KEY = /^(\s*(?:- )?)([A-Za-z_][\w-]*):\s*$/;

function linesOf(original: Buffer): string[] {
  return original.toString('utf8').split('\n');
}

function slots(lines: readonly string[]): Slot[] {
  const out: Slot[] = [];
  lines.forEach((l, line) => {
    const kv = KEY_VALUE.exec(l);
    if (kv) out.push({ line, prefix: `${kv[1]!}${kv[2]!}: `, key: kv[2]!, value: kv[3]! });
    else {
      const item = ITEM.exec(l);
      if (item) out.push({ line, prefix: item[1]!, key: undefined, value: item[2]! });
    }
  });
  return out;
}

/** Lines that hold a mapping key (with a scalar or a nested block after it). */
function keyLines(lines: readonly string[]): { line: number; indent: number; key: string }[] {
  const out: { line: number; indent: number; key: string }[] = [];
  lines.forEach((l, line) => {
    const m = KEY_VALUE.exec(l) ?? BLOCK_KEY.exec(l);
    if (m) out.push({ line, indent: m[1]!.length, key: m[2]! });
  });
  return out;
}

/** The line after the block nested under the key on `line` (more indented, or a `- ` list at its column). */
function blockEnd(lines: readonly string[], line: number, column: number): number {
  let end = line + 1;
  while (end < lines.length) {
    const l = lines[end]!;
    const indent = l.length - l.trimStart().length;
    if (l.trim() !== '' && indent < column) break;
    if (l.trim() !== '' && indent === column && !l.trimStart().startsWith('- ')) break;
    end++;
  }
  return end;
}

/** The line after the last entry of the mapping whose key at `column` is on `line`. */
function mappingEnd(lines: readonly string[], line: number, column: number): number {
  let end = line + 1;
  let last = line + 1;
  while (end < lines.length) {
    const l = lines[end]!;
    end++;
    if (l.trim() === '' || l.trimStart().startsWith('#')) continue;
    const indent = l.length - l.trimStart().length;
    if (indent < column || (indent === column && l.trimStart().startsWith('- '))) break;
    last = end;
  }
  return last;
}

function replaceSlot(lines: readonly string[], slot: Slot, value: string): string {
  const out = [...lines];
  out[slot.line] = slot.prefix + value;
  return out.join('\n');
}

function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

// ---------------------------------------------------------------------------------------------

const TYPE_VALUES = {
  number: ['0', '-1', '2024', '3.14', '1e400', '-.inf', '.nan', '0x1F', '0o17', '99999999999999999999999', '-0'],
  text: ['"2024"', 'some text', "''", '"  "', '"\\0"', '"2024-13-45"', 'UPPER-case id', '"kp-nowhere"'],
  list: ['[]', '[1, 2]', '[[a]]', '[a, {b: c}]', '[null]'],
  mapping: ['{}', '{a: 1}', '{id: x, source: y}', '{source: [1, 2]}'],
  null: ['~', 'null', ''],
  boolean: ['true', 'false'],
} as const;
type ValueType = keyof typeof TYPE_VALUES;

function typeOf(value: string): ValueType {
  const v = value.trim();
  if (/^[-+]?(\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|\.inf|\.nan|0x[\da-f]+|0o[0-7]+)$/i.test(v)) return 'number';
  if (v.startsWith('[')) return 'list';
  if (v.startsWith('{')) return 'mapping';
  if (v === '~' || v === 'null' || v === '') return 'null';
  if (v === 'true' || v === 'false') return 'boolean';
  return 'text';
}

const ALL_TYPES = Object.keys(TYPE_VALUES) as ValueType[];

const wrongType: Generator = (pick, original) => {
  const lines = linesOf(original);
  // A nested block (a list or mapping) replaced by a scalar, or a scalar by something else.
  if (pick.chance(0.25)) {
    const blocks = keyLines(lines).filter((k) => BLOCK_KEY.test(lines[k.line]!));
    if (blocks.length > 0) {
      const b = pick.one(blocks);
      const end = blockEnd(lines, b.line, b.indent);
      const value = pick.one(TYPE_VALUES[pick.one(['number', 'text', 'null', 'boolean', 'mapping'] as const)]);
      const out = [...lines.slice(0, b.line), `${lines[b.line]!.replace(/:\s*$/, ':')} ${value}`, ...lines.slice(end)];
      return { note: `block ${b.key} (line ${b.line + 1}) → ${JSON.stringify(value)}`, content: text(out.join('\n')) };
    }
  }
  const slot = pick.one(slots(lines));
  const from = typeOf(slot.value);
  const to = pick.one(ALL_TYPES.filter((t) => t !== from));
  let value: string = pick.one(TYPE_VALUES[to]);
  // Sometimes a block form instead of a flow one.
  if ((to === 'list' || to === 'mapping') && pick.chance(0.3)) {
    const pad = ' '.repeat(slot.prefix.length);
    value = to === 'list' ? `\n${pad}- a\n${pad}- 2` : `\n${pad}a: 1\n${pad}b: [x]`;
  }
  return { note: `${slot.key ?? 'item'} (line ${slot.line + 1}): ${from} → ${to} ${JSON.stringify(value)}`, content: text(replaceSlot(lines, slot, value)) };
};

const truncation: Generator = (pick, original) => {
  let at = pick.int(original.length);
  let where = '';
  // Often inside a multi-byte UTF-8 character (Hangul names, en dashes, ×).
  const inside: number[] = [];
  original.forEach((b, i) => {
    if (b >= 0x80 && b <= 0xbf) inside.push(i);
  });
  if (inside.length > 0 && pick.chance(0.35)) {
    at = pick.one(inside);
    where = ' (mid UTF-8)';
  } else if (pick.chance(0.05)) at = original.length - 1;
  return { note: `truncated at byte ${at} of ${original.length}${where}`, content: { bytes: original.subarray(0, at) } };
};

const lineDelete: Generator = (pick, original) => {
  const lines = linesOf(original);
  const n = pick.chance(0.8) ? 1 : pick.range(2, 5);
  const at = pick.int(lines.length);
  const out = [...lines];
  out.splice(at, n);
  return { note: `deleted ${n} line(s) at line ${at + 1}`, content: text(out.join('\n')) };
};

const lineDuplicate: Generator = (pick, original) => {
  const lines = linesOf(original);
  const from = pick.int(lines.length);
  const to = pick.chance(0.6) ? from + 1 : pick.int(lines.length + 1);
  const out = [...lines];
  out.splice(to, 0, lines[from]!);
  return { note: `line ${from + 1} copied to line ${to + 1}`, content: text(out.join('\n')) };
};

function deepValue(pick: Dice, column: number): { value: string; form: string; depth: number } {
  const depth = pick.one([65, 100, 1000, 10_000, 10_000, 10_000, 10_000, 100_000]);
  const pad = (n: number) => ' '.repeat(n);
  switch (pick.int(8)) {
    case 0:
      return { value: '['.repeat(depth) + ']'.repeat(depth), form: 'flow list', depth };
    case 1:
      return { value: '{a: '.repeat(depth) + '1' + '}'.repeat(depth), form: 'flow mapping', depth };
    case 2: {
      const half = Math.ceil(depth / 2);
      return { value: '[{a: '.repeat(half) + 'x' + '}]'.repeat(half), form: 'flow list/mapping', depth: half * 2 };
    }
    case 3:
      return { value: '['.repeat(depth), form: 'unclosed flow list', depth };
    case 4: {
      const d = Math.min(depth, 2000);
      const lines: string[] = [];
      for (let i = 0; i < d; i++) lines.push(`${pad(column + i)}a:`);
      return { value: `\n${lines.join('\n')} 1`, form: 'block mapping', depth: d };
    }
    case 5:
      return { value: `\n${pad(column)}${'- '.repeat(depth)}x`, form: 'compact block list', depth };
    case 6: {
      const d = Math.min(depth, 1000);
      const lines: string[] = [];
      for (let i = 0; i < d; i++) lines.push(`${pad(column + 2 * i)}-`);
      return { value: `\n${lines.join('\n')} x`, form: 'indented block list', depth: d };
    }
    default: {
      // Deep but within the loader's limit (the file adds a few levels): must parse.
      const d = pick.range(30, 50);
      return { value: '['.repeat(d) + '"x"' + ']'.repeat(d), form: 'flow list under the limit', depth: d };
    }
  }
}

const deepNesting: Generator = (pick, original) => {
  const lines = linesOf(original);
  const slot = pick.one(slots(lines));
  const deep = deepValue(pick, slot.prefix.length);
  return {
    note: `${deep.form}, ${deep.depth} levels, as ${slot.key ?? 'item'} (line ${slot.line + 1})`,
    content: text(replaceSlot(lines, slot, deep.value)),
    ...(deep.depth > 64 ? { expect: inTarget() } : {}),
  };
};

const hugeString: Generator = (pick, original) => {
  const lines = linesOf(original);
  const slot = pick.one(slots(lines));
  const size = 5 * MB;
  const pad = ' '.repeat(slot.prefix.length);
  const style = pick.int(9);
  let value: string;
  let form: string;
  switch (style) {
    case 0:
      value = 'x'.repeat(size);
      form = 'plain';
      break;
    case 1:
      value = `"${'ab\\"\\u00e9 '.repeat(size / 10)}"`;
      form = 'double-quoted with escapes';
      break;
    case 2:
      value = `'${"it''s ".repeat(size / 7)}'`;
      form = 'single-quoted';
      break;
    case 3:
      value = `|\n${`${pad}${'y'.repeat(79)}\n`.repeat(size / 80)}`;
      form = 'literal block';
      break;
    case 4:
      value = `>\n${`${pad}${'z'.repeat(79)}\n`.repeat(size / 80)}`;
      form = 'folded block';
      break;
    case 5:
      value = '김'.repeat(size / 3);
      form = 'Hangul (multi-byte)';
      break;
    case 6:
      value = `${'word '.repeat(16)}\n${pad}`.repeat(size / 90) + 'end';
      form = 'multi-line plain';
      break;
    case 7:
      // A huge key: YAML limits implicit keys to 1024 characters.
      return {
        note: `5 MB key before line ${slot.line + 1}`,
        content: text([...lines.slice(0, slot.line), `${'k'.repeat(size)}: 1`, ...lines.slice(slot.line)].join('\n')),
      };
    default:
      return {
        note: `5 MB comment after line ${slot.line + 1}`,
        content: text([...lines.slice(0, slot.line + 1), `# ${'c'.repeat(size)}`, ...lines.slice(slot.line + 1)].join('\n')),
      };
  }
  return { note: `5 MB ${form} scalar as ${slot.key ?? 'item'} (line ${slot.line + 1})`, content: text(replaceSlot(lines, slot, value)) };
};

const oversized: Generator = (pick, original, _target, corpus) => {
  // The original content, then one long comment line: one byte over the limit.
  const total = corpus.maxFileBytes + 1;
  const bytes = Buffer.alloc(total, 0x63); // 'c'
  Buffer.concat([original, Buffer.from('\n# ')]).copy(bytes, 0);
  bytes[total - 1] = 0x0a;
  void pick;
  return { note: `${total} bytes (one over the ${corpus.maxFileBytes}-byte limit)`, content: { bytes }, expect: inTarget({ message: /limit/ }) };
};

const INVALID_UTF8: readonly (readonly number[])[] = [
  [0xff],
  [0xfe],
  [0xc0, 0x80], // overlong NUL
  [0xc1, 0xbf], // overlong
  [0xc3], // lead byte without continuation
  [0x80], // lone continuation
  [0xbf, 0xbf],
  [0xe2, 0x82], // truncated 3-byte sequence
  [0xed, 0xa0, 0x80], // UTF-16 surrogate
  [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
  [0xf8, 0x88, 0x80, 0x80, 0x80], // 5-byte form
  [0xe0, 0x80, 0xaf], // overlong '/'
];

const invalidUtf8: Generator = (pick, original) => {
  const seq = pick.one(INVALID_UTF8);
  const at = pick.int(original.length + 1);
  const bytes = Buffer.concat([original.subarray(0, at), Buffer.from(seq), original.subarray(at)]);
  const hex = seq.map((b) => b.toString(16).padStart(2, '0')).join(' ');
  // The first invalid byte is on the line of the insertion (UTF-8 sequences never span a newline).
  return { note: `bytes ${hex} inserted at ${at}`, content: { bytes }, expect: inTarget({ message: /^invalid UTF-8$/, line: lineAtByte(bytes, at) }) };
};

const duplicateKeys: Generator = (pick, original, target) => {
  const lines = linesOf(original);
  const form = pick.int(5);
  if (form === 0 && target.startsWith('counties/')) {
    // A second county file with the same content: every id is now defined twice.
    const name = `counties/${pick.one(['zz-copy.yaml', 'aa-copy.yml'])}`;
    return { target: name, note: `copy of ${target} as ${name}`, content: { bytes: original } };
  }
  if (form === 1) {
    const slot = pick.one(slots(lines));
    const value = pick.one(['{a: 1, a: 2}', '{1: x, "1": y}', '{~: x, "": y}', '{id: x, id: x}']);
    return { note: `${value} as ${slot.key ?? 'item'} (line ${slot.line + 1})`, content: text(replaceSlot(lines, slot, value)), expect: inTarget({ message: /unique/ }) };
  }
  // A key repeated in its own mapping, right after itself or a few lines later.
  const keys = keyLines(lines).filter((k) => KEY_VALUE.test(lines[k.line]!));
  const k = pick.one(keys);
  const l = lines[k.line]!;
  const column = k.indent;
  const copy = `${' '.repeat(column)}${k.key}: ${pick.one(['dup', '2', '[x]', '~', KEY_VALUE.exec(l)![3]!])}`;
  const at = pick.chance(0.5) ? k.line + 1 : mappingEnd(lines, k.line, column);
  const out = [...lines];
  out.splice(at, 0, copy);
  return { note: `key ${k.key} (line ${k.line + 1}) repeated at line ${at + 1}`, content: text(out.join('\n')), expect: inTarget({ message: /unique/ }) };
};

function billionLaughs(pick: Dice): { top: string; flow: string; levels: number; width: number } {
  const levels = pick.range(5, 12);
  const width = pick.range(5, 10);
  const top: string[] = [`lol0: &a0 [${Array(width).fill('lol').join(', ')}]`];
  const flow: string[] = [`&a0 [${Array(width).fill('lol').join(', ')}]`];
  for (let i = 1; i < levels; i++) {
    top.push(`lol${i}: &a${i} [${Array(width).fill(`*a${i - 1}`).join(', ')}]`);
    flow.push(`&a${i} [${Array(width).fill(`*a${i - 1}`).join(', ')}]`);
  }
  return { top: top.join('\n'), flow: `[${flow.join(', ')}]`, levels, width };
}

const aliasBomb: Generator = (pick, original) => {
  const lines = linesOf(original);
  const slot = pick.one(slots(lines));
  const asValue = (value: string, note: string, expect?: Mutant['expect']): Made => ({
    note: `${note} as ${slot.key ?? 'item'} (line ${slot.line + 1})`,
    content: text(replaceSlot(lines, slot, value)),
    ...(expect ? { expect } : {}),
  });
  switch (pick.int(8)) {
    case 0:
    case 1: {
      const b = billionLaughs(pick);
      return { note: `billion laughs (${b.width}^${b.levels}) appended`, content: text(`${original.toString('utf8').trimEnd()}\n${b.top}\n`), expect: inTarget() };
    }
    case 2: {
      const b = billionLaughs(pick);
      return asValue(b.flow, `billion laughs (${b.width}^${b.levels}) in one flow list`, inTarget());
    }
    case 3:
      return asValue(pick.one(['&s [*s]', '&s {a: *s}', '&s [a, [b, {c: *s}]]', '&s {source: x, more: [*s]}']), 'self-referencing alias', inTarget());
    case 4: {
      // Each anchor nests the previous one 30 levels down: shallow text, deep data.
      const parts: string[] = [`&d0 ${'['.repeat(30)}x${']'.repeat(30)}`];
      const n = pick.range(3, 6);
      for (let i = 1; i < n; i++) parts.push(`&d${i} ${'['.repeat(30)}*d${i - 1}${']'.repeat(30)}`);
      return asValue(`[${parts.join(', ')}]`, `${parts.length} anchors nested 30 levels each`, inTarget());
    }
    case 5:
      return asValue(pick.one(['*nope', '[*nope]', '{a: *nope}']), 'undefined alias', inTarget());
    case 6:
      return {
        note: 'alias used as a key',
        content: text(`${original.toString('utf8').trimEnd()}\nfuzz_anchor: &k ${pick.one(['x', '[a]', '{b: 1}'])}\n*k : y\n`),
        expect: inTarget(),
      };
    default: {
      // Harmless aliases: repeat a value through an anchor.
      const value = slot.value;
      const out = [...lines];
      out[slot.line] = `${slot.prefix}&v ${value}`;
      const other = pick.one(slots(lines).filter((s) => s.line > slot.line).concat([slot]));
      if (other.line !== slot.line) out[other.line] = `${other.prefix}*v`;
      return { note: `anchor at line ${slot.line + 1}, alias at line ${other.line + 1}`, content: text(out.join('\n')) };
    }
  }
};

const TAGGED = [
  '!!binary aGVsbG8=',
  '!foo x',
  '!!str 2024',
  '!!int "x"',
  '!!map {a: 1}',
  '!!seq [1]',
  '!<tag:yaml.org,2002:str> x',
  '!!set {a, b}',
  '!!omap [a: 1]',
  '!!timestamp 2024-01-01',
  '! x',
  '!!float .nan',
  '!!null ~',
  '!!bool yes',
  '!foo {a: [1]}',
];

const tag: Generator = (pick, original) => {
  const lines = linesOf(original);
  if (pick.chance(0.15)) {
    const head = pick.one(['%TAG !e! tag:example.com,2000:\n---\n', '--- !!map\n', '--- !foo\n']);
    const body = head.startsWith('%') ? `${original.toString('utf8')}\nfuzz: !e!thing 1\n` : original.toString('utf8');
    return { note: `document starts ${JSON.stringify(head)}`, content: text(head + body), expect: inTarget() };
  }
  const slot = pick.one(slots(lines));
  const value = pick.chance(0.5) ? pick.one(TAGGED) : `${pick.one(['!!str', '!foo', '!!binary', '!bar!baz', '!<!x>'])} ${slot.value}`;
  return { note: `${JSON.stringify(value.slice(0, 40))} as ${slot.key ?? 'item'} (line ${slot.line + 1})`, content: text(replaceSlot(lines, slot, value)), expect: inTarget({ message: /tag/i }) };
};

const INTERESTING_BYTES = [0x00, 0x09, 0x0a, 0x0d, 0x1b, 0x20, 0x21, 0x22, 0x23, 0x25, 0x26, 0x27, 0x2a, 0x2c, 0x2d, 0x3a, 0x3e, 0x3f, 0x40, 0x5b, 0x5d, 0x60, 0x7b, 0x7c, 0x7d, 0x7f, 0x80, 0xc3, 0xff];

const byteFlip: Generator = (pick, original) => {
  const bytes = Buffer.from(original);
  const n = pick.range(1, 8);
  const done: string[] = [];
  for (let i = 0; i < n; i++) {
    const at = pick.int(bytes.length);
    const mode = pick.int(3);
    if (mode === 0) bytes[at] = bytes[at]! ^ (1 << pick.int(8));
    else if (mode === 1) bytes[at] = pick.int(256);
    else bytes[at] = pick.one(INTERESTING_BYTES);
    done.push(`${at}=${bytes[at]!.toString(16)}`);
  }
  return { note: `bytes ${done.join(' ')}`, content: { bytes } };
};

const bomCrlf: Generator = (pick, original) => {
  const s = original.toString('utf8');
  const BOM = '\ufeff';
  const forms: [string, () => string][] = [
    ['BOM', () => BOM + s],
    ['CRLF', () => s.replace(/\n/g, '\r\n')],
    ['BOM + CRLF', () => BOM + s.replace(/\n/g, '\r\n')],
    ['CR only', () => s.replace(/\n/g, '\r')],
    ['some lines CRLF', () => s.split('\n').map((l) => (pick.chance(0.3) ? `${l}\r` : l)).join('\n')],
    ['two BOMs', () => BOM + BOM + s],
    ['BOM mid-file', () => {
      const lines = s.split('\n');
      const at = pick.int(lines.length);
      lines[at] = BOM + lines[at]!;
      return lines.join('\n');
    }],
    ['CRLF, no final newline', () => s.trimEnd().replace(/\n/g, '\r\n')],
    ['CR inside a line', () => {
      const at = pick.int(s.length);
      return `${s.slice(0, at)}\r${s.slice(at)}`;
    }],
  ];
  const [name, make] = pick.one(forms);
  return { note: name, content: text(make()) };
};

const empty: Generator = (pick) => {
  const content = pick.one(['', '\n', '   \n\n\t\n', '# only a comment\n', '---\n', '...\n', '---\n...\n', '~\n', 'null\n', '[]\n', '{}\n', '""\n', '- x\n', 'just text\n', '0\n', '\ufeff']);
  return { note: `content ${JSON.stringify(content)}`, content: text(content), expect: inTarget() };
};

const documents: Generator = (pick, original) => {
  const s = original.toString('utf8');
  const lines = s.split('\n');
  const at = pick.int(lines.length);
  const forms: [string, () => string, boolean][] = [
    ['a second document', () => `${s}---\nid: second\n`, true],
    ['"---" mid-file', () => [...lines.slice(0, at), '---', ...lines.slice(at)].join('\n'), false],
    ['"..." mid-file', () => [...lines.slice(0, at), '...', ...lines.slice(at)].join('\n'), false],
    ['%YAML 1.1 directive', () => `%YAML 1.1\n---\n${s}`, false],
    ['%YAML 9.9 directive', () => `%YAML 9.9\n---\n${s}`, false],
    ['explicit "---" and "..."', () => `---\n${s}...\n`, false],
    ['directive without "---"', () => `%YAML 1.2\n${s}`, true],
  ];
  const [name, make, rejected] = pick.one(forms);
  return { note: name, content: text(make()), ...(rejected ? { expect: inTarget() } : {}) };
};

const CONTROLS = ['\u0000', '\u0007', '\u001b[31m', '\u001b]0;pwned\u0007', '\u009b2J', '\u202e', '\u2028', '\u007f', '\u000c', '\u000b', '\u0008', '\u001b]8;;http://x\u001b\\'];

const controlChars: Generator = (pick, original) => {
  const lines = linesOf(original);
  const slot = pick.one(slots(lines));
  const c = pick.one(CONTROLS);
  const at = pick.int(slot.value.length + 1);
  const quoted = pick.chance(0.3);
  const value = quoted ? JSON.stringify(slot.value.slice(0, at) + c + slot.value.slice(at)) : slot.value.slice(0, at) + c + slot.value.slice(at);
  return { note: `${JSON.stringify(c)} in ${slot.key ?? 'item'} (line ${slot.line + 1})${quoted ? ', escaped' : ''}`, content: text(replaceSlot(lines, slot, value)) };
};

/**
 * Many entries (under MAX_ENTRIES) or many errors: costs must stay linear. The yaml library's own duplicate-key
 * check took 3 s for 20,000 keys in one mapping, and locating 20,000 unknown fields one by one
 * would be as slow again.
 */
const wide: Generator = (pick, original) => {
  const s = original.toString('utf8').trimEnd();
  const keys = (n: number, indent: string) => Array.from({ length: n }, (_, i) => `${indent}fuzz_key_${i}: ${i}`).join('\n');
  const forms: [string, () => string, Mutant['expect']?][] = [
    ['20000 keys in one mapping', () => `fuzz_map:\n${keys(20_000, '  ')}`],
    ['20000 block list items', () => `fuzz_list:\n${'  - x\n'.repeat(20_000)}`],
    ['20000 flow list items', () => `fuzz_flow: [${'a, '.repeat(20_000)}]`],
    ['20000 keys in one mapping, the last a duplicate', () => `fuzz_map:\n${keys(20_000, '  ')}\n  fuzz_key_0: again`, inTarget({ message: /unique/ })],
    ['5000 unknown fields in the root mapping', () => keys(5_000, '')],
    // Floods of syntax errors: the first are reported, the rest only counted.
    ['100000 stray "]"', () => ']'.repeat(100_000), inTarget({ message: /more YAML errors/ })],
    ['50000 anchors on nothing', () => `fuzz: ${'&a '.repeat(50_000)}x`, inTarget()],
  ];
  const [name, make, expect] = pick.one(forms);
  return { note: `${name} appended`, content: text(`${s}\n${make()}\n`), ...(expect ? { expect } : {}) };
};

const notAFile: Generator = (pick, _original, target) => {
  const special = pick.one<Special | 'counties-file'>(['directory', 'fifo', 'device', 'missing', 'dangling-symlink', 'symlink-loop', 'counties-file']);
  if (special === 'counties-file') {
    return { target: 'counties', note: 'counties/ is a regular file', content: text('id: not-a-directory\n'), expect: inTarget() };
  }
  if (special === 'missing' && pick.chance(0.3)) return { target: 'counties', note: 'counties/ is missing', content: { special }, expect: inTarget() };
  if (special === 'directory' && pick.chance(0.3)) {
    return { target: 'counties/zz-dir.yaml', note: 'a directory named counties/zz-dir.yaml', content: { special }, expect: inTarget() };
  }
  // A missing county file is not an error (the dataset just has one site fewer).
  const expect = special === 'missing' && target.startsWith('counties/') ? undefined : inTarget();
  return { note: `${special} instead of the file`, content: { special }, ...(expect ? { expect } : {}) };
};

const unreadable: Generator = (pick) => {
  if (pick.chance(0.25)) return { target: 'counties', note: 'counties/ chmod 000', content: { chmod: 0o000 }, expect: inTarget({ message: /cannot read/ }) };
  return { note: 'chmod 000', content: { chmod: 0o000 }, expect: inTarget({ message: /cannot read/ }) };
};

const GENERATORS: Record<Kind, Generator> = {
  truncation,
  'line-delete': lineDelete,
  'line-duplicate': lineDuplicate,
  'wrong-type': wrongType,
  'deep-nesting': deepNesting,
  'huge-string': hugeString,
  oversized,
  'invalid-utf8': invalidUtf8,
  'duplicate-keys': duplicateKeys,
  'alias-bomb': aliasBomb,
  tag,
  'byte-flip': byteFlip,
  'bom-crlf': bomCrlf,
  empty,
  documents,
  'control-chars': controlChars,
  wide,
  'not-a-file': notAFile,
  unreadable,
};
