/**
 * Slide sizes: a cell grid given as COLSxROWS, or a 16:9 preset in pixels. A preset's grid is
 * chosen so that the framed slide (title, legend, credits around the grid; CELL_WIDTH × CELL_HEIGHT
 * px per cell at scale 1) fills the page: the composer asks `fitRows` for the rows once it knows
 * how tall the frame around the grid is.
 */
import { CELL_WIDTH, FRAME } from '../geometry.js';

export interface SlideSize {
  /** Grid width in cells. */
  cols: number;
  /** Grid height in cells (for a preset: a first guess; the composer fits it to `page.height`). */
  rows: number;
  /** For a preset: the page in px at scale 1 (PNG scale 2 doubles it). */
  page?: { width: number; height: number; name: string };
}

/** The presets `--size` accepts besides COLSxROWS. 1920×1080 px is a full-HD 16:9 slide. */
export const SIZE_PRESETS: Readonly<Record<string, { width: number; height: number }>> = {
  slide: { width: 1920, height: 1080 },
  '16:9': { width: 1920, height: 1080 },
  '16:9-small': { width: 1280, height: 720 },
};

export const SIZE_HELP = `COLSxROWS (60x16 to 400x200 cells) or a 16:9 preset: slide or 16:9 (1920×1080 px), 16:9-small (1280×720 px)`;

/**
 * The size `--size` names, or an Error whose message says what is accepted. A preset's columns fill
 * its width exactly (cells of CELL_WIDTH px inside the frame's padding); its rows are a first guess.
 */
export function parseSlideSize(text: string): SlideSize {
  const preset = SIZE_PRESETS[text.toLowerCase()];
  if (preset) {
    const cols = Math.floor((preset.width - 2 * FRAME.pad) / CELL_WIDTH);
    return { cols, rows: 30, page: { ...preset, name: text.toLowerCase() } };
  }
  const m = /^(\d{2,3})x(\d{2,3})$/.exec(text);
  const cols = Number(m?.[1]);
  const rows = Number(m?.[2]);
  if (!m || cols < 60 || rows < 16 || cols > 400 || rows > 200) throw new RangeError(`--size must be ${SIZE_HELP} (got "${text}")`);
  return { cols, rows };
}
