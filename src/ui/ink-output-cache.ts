/**
 * Keeps Ink's per-line output caches across frames.
 *
 * Ink 6.8 turns every line of every frame into styled characters (ANSI tokenizing, one regex per
 * character) in `Output.get`, with caches that live for one frame only. At 160×48 in colour that
 * is ~25 ms per keystroke although most lines (map rows, list rows) did not change. The cached
 * values are placed into the frame, never mutated (ink/build/output.js), so sharing them across
 * frames is safe. This reaches into Ink's build by file path (ink exports only its entry point):
 * when the internals are not what this expects, it changes nothing and Ink works as before.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

type Method = (this: unknown, key: string) => unknown;
let installed: boolean | undefined;

export async function installInkOutputCache(limit = 50_000): Promise<boolean> {
  if (installed !== undefined) return installed;
  installed = false;
  try {
    const entry = createRequire(import.meta.url).resolve('ink');
    const mod = (await import(pathToFileURL(join(dirname(entry), 'output.js')).href)) as { default?: new (o: { width: number; height: number }) => { caches?: object } };
    const caches = mod.default ? new mod.default({ width: 1, height: 1 }).caches : undefined;
    const proto = caches ? (Object.getPrototypeOf(caches) as Record<string, unknown>) : undefined;
    if (!proto || typeof proto.getStyledChars !== 'function' || typeof proto.getStringWidth !== 'function') return false;
    share(proto, 'getStyledChars', limit);
    share(proto, 'getStringWidth', limit);
    installed = true;
  } catch {
    // Not the Ink build this was written for: leave it alone.
  }
  return installed;
}

function share(proto: Record<string, unknown>, name: string, limit: number): void {
  const original = proto[name] as Method;
  const cache = new Map<string, unknown>();
  proto[name] = function (this: unknown, key: string) {
    let value = cache.get(key);
    if (value === undefined) {
      value = original.call(this, key);
      if (cache.size >= limit) cache.clear();
      cache.set(key, value);
    }
    return value;
  };
}
