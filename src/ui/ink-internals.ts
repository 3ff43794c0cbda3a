/**
 * Two guarded adjustments to Ink 6.8's internals, reached by file path (ink exports only its
 * entry point). When the internals are not what this expects, each does nothing.
 *
 * 1. Keeps Ink's per-line output caches across frames.
 *
 * Ink 6.8 turns every line of every frame into styled characters (ANSI tokenizing, one regex per
 * character) in `Output.get`, with caches that live for one frame only. At 160×48 in colour that
 * is ~25 ms per keystroke although most lines (map rows, list rows) did not change. The cached
 * values are placed into the frame, never mutated (ink/build/output.js), so sharing them across
 * frames is safe.
 *
 * 2. A full redraw after any resize. Ink clears and redraws only when the width shrinks; when the
 * terminal reflows the old frame (height changes, resize storms) stale lines stay on screen, and
 * Ink's public clear() re-syncs its incremental renderer to the old frame, so unchanged lines are
 * never rewritten. Marking the instance's last width as infinite makes Ink take its own
 * width-shrink path: forget the last frame and write the next one in full.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

type Method = (this: unknown, key: string) => unknown;
let installed: boolean | undefined;

function inkBuildFile(name: string): string {
  return pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('ink')), name)).href;
}

export async function installInkOutputCache(limit = 50_000): Promise<boolean> {
  if (installed !== undefined) return installed;
  installed = false;
  try {
    const mod = (await import(inkBuildFile('output.js'))) as { default?: new (o: { width: number; height: number }) => { caches?: object } };
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

/**
 * Returns a function that prepares Ink for a full redraw of the frame on `stdout`; call it before
 * Ink handles a resize (register the listener before `render`). Undefined when not available.
 */
export async function inkFullRedraw(stdout: NodeJS.WriteStream): Promise<(() => void) | undefined> {
  try {
    const mod = (await import(inkBuildFile('instances.js'))) as { default?: WeakMap<object, Record<string, unknown>> };
    const instances = mod.default;
    if (!(instances instanceof WeakMap)) return undefined;
    return () => {
      const ink = instances.get(stdout);
      if (ink && typeof ink.lastTerminalWidth === 'number') ink.lastTerminalWidth = Number.POSITIVE_INFINITY;
    };
  } catch {
    return undefined;
  }
}
