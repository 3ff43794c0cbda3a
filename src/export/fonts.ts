/**
 * The fonts exports are drawn with, shipped as npm packages (both SIL OFL 1.1):
 * JetBrains Mono (Latin, Latin Extended incl. McCune–Reischauer ŏ/ŭ, Greek, arrows, punctuation;
 * regular/bold/italic) from @expo-google-fonts/jetbrains-mono, and Nanum Gothic Coding (Hangul and
 * the KS X 1001 symbols, designed for exactly two Latin cells per syllable; regular/bold) from
 * @expo-google-fonts/nanum-gothic-coding. Hanja are not covered by either (see the report).
 * Braille, box drawing and block elements never need a font: svg.ts draws them.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Family names as in the fonts' name tables. */
export const LATIN_FAMILY = 'JetBrains Mono';
export const HANGUL_FAMILY = 'NanumGothicCoding';
/**
 * CSS font-family list used for screen and frame text. The PNG renderer has only the bundled
 * fonts; an SVG or HTML viewer without them falls back to common monospace fonts (positions are
 * fixed per cell either way).
 */
export const DEFAULT_FONT_FAMILY = `'${LATIN_FAMILY}', '${HANGUL_FAMILY}', 'D2Coding', ui-monospace, Menlo, Consolas, 'DejaVu Sans Mono', monospace`;
/** For wide characters (Hangul first, so Nanum's two-cell design is used). */
export const WIDE_FONT_FAMILY = `'${HANGUL_FAMILY}', 'D2Coding', '${LATIN_FAMILY}', monospace`;

/** Font metrics (per em) that the cell geometry is derived from. */
export const LATIN_ADVANCE_EM = 0.6;
export const LATIN_ASCENT_EM = 1.02;
export const LATIN_DESCENT_EM = 0.3;

const FILES = [
  '@expo-google-fonts/jetbrains-mono/400Regular/JetBrainsMono_400Regular.ttf',
  '@expo-google-fonts/jetbrains-mono/700Bold/JetBrainsMono_700Bold.ttf',
  '@expo-google-fonts/jetbrains-mono/400Regular_Italic/JetBrainsMono_400Regular_Italic.ttf',
  '@expo-google-fonts/jetbrains-mono/700Bold_Italic/JetBrainsMono_700Bold_Italic.ttf',
  '@expo-google-fonts/nanum-gothic-coding/400Regular/NanumGothicCoding_400Regular.ttf',
  '@expo-google-fonts/nanum-gothic-coding/700Bold/NanumGothicCoding_700Bold.ttf',
] as const;

let resolved: string[] | undefined;

/** Absolute paths of the bundled font files (resolved from node_modules at run time). */
export function fontFiles(): string[] {
  resolved ??= FILES.map((f) => require.resolve(f));
  return [...resolved];
}
