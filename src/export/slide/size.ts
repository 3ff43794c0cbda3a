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
  /** For a preset: the page laid out, in px at scale 1 (PNG scale 2 doubles it); `display`: the size it is drawn at, when smaller (16:9-small). */
  page?: { width: number; height: number; name: string; display?: { width: number; height: number } };
}

/**
 * The presets `--size` accepts besides COLSxROWS. 1920×1080 px is a full-HD 16:9 slide.
 * 16:9-small is the same slide (the 1920×1080 layout, the same text on the same number of pages)
 * drawn at 1280×720 px: laid out natively at 1280 px, the frame (title, legend, credits) left
 * about 19 text rows, and the gap slide ran to 20 pages.
 */
export const SIZE_PRESETS: Readonly<Record<string, { width: number; height: number; layout?: { width: number; height: number } }>> = {
  slide: { width: 1920, height: 1080 },
  '16:9': { width: 1920, height: 1080 },
  '16:9-small': { width: 1280, height: 720, layout: { width: 1920, height: 1080 } },
};

export const SIZE_HELP = `COLSxROWS (60x16 to 400x200 cells) or a 16:9 preset: slide or 16:9 (1920×1080 px), 16:9-small (1280×720 px)`;

/**
 * The size `--size` names, or an Error whose message says what is accepted. A preset's columns fill
 * its width exactly (cells of CELL_WIDTH px inside the frame's padding); its rows are a first guess.
 */
export function parseSlideSize(text: string): SlideSize {
  const preset = SIZE_PRESETS[text.toLowerCase()];
  if (preset) {
    const layout = preset.layout ?? preset;
    const cols = Math.floor((layout.width - 2 * FRAME.pad) / CELL_WIDTH);
    const name = text.toLowerCase();
    const page = preset.layout ? { ...layout, name, display: { width: preset.width, height: preset.height } } : { width: preset.width, height: preset.height, name };
    return { cols, rows: 30, page };
  }
  const m = /^(\d{2,3})x(\d{2,3})$/.exec(text);
  const cols = Number(m?.[1]);
  const rows = Number(m?.[2]);
  if (!m || cols < 60 || rows < 16 || cols > 400 || rows > 200) throw new RangeError(`--size must be ${SIZE_HELP} (got "${text}")`);
  return { cols, rows };
}
