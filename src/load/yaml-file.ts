/**
 * Reads one YAML file into plain data plus a way to locate any path in it.
 * Refuses oversized files, invalid UTF-8, duplicate keys, tags and alias bombs with located errors.
 */
import { readFileSync, statSync } from 'node:fs';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { LocatedError } from './errors.js';

export const MAX_FILE_BYTES = 16 * 1024 * 1024;
const MAX_ALIASES = 100;

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
    const size = statSync(file).size;
    if (size > MAX_FILE_BYTES) return fail(`file is ${size} bytes; the limit is ${MAX_FILE_BYTES}`);
    bytes = readFileSync(file);
  } catch (err) {
    return fail(`cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
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
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    schema: 'core',
    strict: true,
  });
  const pos = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, col: p.col };
  };
  const errors: LocatedError[] = [...doc.errors, ...doc.warnings].map((e) => ({
    file,
    ...pos(e.pos[0]),
    field: '(yaml)',
    message: e.message.split('\n')[0]!,
  }));
  if (errors.length > 0) return { ok: false, errors };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    return { ok: false, errors: [{ file, line: 1, col: 1, field: '(yaml)', message: (err as Error).message }] };
  }

  const locate = (path: readonly PropertyKey[], options?: { key?: boolean }) => {
    let node: Node | null | undefined = doc.contents as Node | null;
    let offset = node?.range?.[0] ?? 0;
    for (const [i, seg] of path.entries()) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
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
    return pos(offset);
  };
  return { ok: true, value: { file, data, locate } };
}

function firstInvalidUtf8(bytes: Buffer): { line: number; col: number } {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid));
      lo = mid;
    } catch {
      // An incomplete trailing sequence is not an error yet: only shrink on a hard failure.
      try {
        decoder.decode(bytes.subarray(0, mid), { stream: true });
        lo = mid;
      } catch {
        hi = mid;
      }
    }
  }
  const before = bytes.subarray(0, lo).toString('utf8');
  const lines = before.split('\n');
  return { line: lines.length, col: (lines[lines.length - 1]?.length ?? 0) + 1 };
}
