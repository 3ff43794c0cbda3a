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
 * 2. A full redraw after any resize. Ink clears and redraws only when the width shrinks, and
 * redraws the old-size tree first; after height changes and resize storms stale lines stay on
 * screen or the frame lands a line off, and Ink's public clear() re-syncs its incremental renderer
 * to the old frame. The app takes resizes over: clear the screen, make Ink forget its last frame,
 * and let the app's re-render for the new size be written in full.
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
 * Takes resizes over from Ink for the instance on `stdout` (call after `render`). Ink's own handler
 * redraws the old-size tree into the new terminal at once, which scrolls the screen when that
 * frame is now too tall and leaves every later incremental frame a line off. Instead, on resize the
 * returned function clears the (alternate) screen and makes Ink forget its last frame; the app's
 * own re-render for the new size is then written in full. Undefined when not available.
 */
export async function takeOverResize(stdout: NodeJS.WriteStream): Promise<(() => void) | undefined> {
  try {
    const mod = (await import(inkBuildFile('instances.js'))) as { default?: WeakMap<object, Record<string, unknown>> };
    const ink = mod.default instanceof WeakMap ? mod.default.get(stdout) : undefined;
    const log = ink?.log as { clear?: () => void } | undefined;
    if (!ink || typeof ink.resized !== 'function' || typeof log?.clear !== 'function') return undefined;
    stdout.off('resize', ink.resized as () => void);
    return () => {
      stdout.write('\u001b[2J\u001b[3J\u001b[H');
      log.clear!();
      ink.lastOutput = '';
      ink.lastOutputToRender = '';
    };
  } catch {
    return undefined;
  }
}
