/** Mounts the dashboard with ink-testing-library and drives it with keys. */
import { setTimeout as delay } from 'node:timers/promises';
import { openAtlas, type Atlas } from '../../src/atlas.js';
import { loadDataset } from '../../src/load/dataset.js';
import { DEFAULT_DATA_DIR, DEFAULT_GEO_DIR } from '../../src/paths.js';
import { App } from '../../src/ui/App.js';
import { startState } from '../../src/ui/run.js';
import { renderSized } from './ink-render.js';

let bundled: Atlas | undefined;

export function bundledAtlas(): Atlas {
  bundled ??= openAtlas(loadDataset({ dataDir: DEFAULT_DATA_DIR, geoDir: DEFAULT_GEO_DIR }));
  return bundled;
}

export const KEYS = {
  up: '\u001b[A',
  down: '\u001b[B',
  right: '\u001b[C',
  left: '\u001b[D',
  enter: '\r',
  escape: '\u001b',
  tab: '\t',
  pageDown: '\u001b[6~',
  backspace: '\u007f',
};

export async function mount(options: { asOf: string; cols?: number; rows?: number; atlas?: Atlas }) {
  const atlas = options.atlas ?? bundledAtlas();
  const { ctx, state } = startState(atlas, options.asOf);
  const cols = options.cols ?? 160;
  const rows = options.rows ?? 48;
  const app = renderSized(<App atlas={atlas} ctx={ctx} initial={state} colorLevel={0} size={{ cols, rows }} />, cols, rows);
  await delay(30);
  return {
    frame: () => app.lastFrame(),
    /** Sends each key and waits for the redraw (Ink reads escape keys after a short delay). */
    async press(...keys: string[]) {
      for (const key of keys) {
        app.stdin.write(key);
        await delay(key.startsWith('\u001b') ? 80 : 25);
        // On a busy machine a redraw (a new map zoom is rasterised) can lag: wait until the frame settles.
        for (let i = 0; i < 40; i++) {
          const before = app.lastFrame();
          await delay(20);
          if (app.lastFrame() === before) break;
        }
      }
    },
    async type(text: string) {
      for (const ch of text) await this.press(ch);
    },
    unmount: () => app.unmount(),
  };
}

/** The line of the frame holding the list cursor. */
export function cursorLine(frame: string): string {
  return frame.split('\n').find((l) => /│▶/.test(l)) ?? '';
}
