/** The province list as styled lines, scrolled so the cursor row is visible. */
import type { Strength } from '../model/vocabulary.js';
import { statusWord } from './status-words.js';
import { sanitizeInline } from '../text/sanitize.js';
import { displayWidth, padCells, truncateCells, wrapCells } from '../text/width.js';
import type { ListRow } from './list-rows.js';
import { text, type Line } from './paint.js';
import { CONTESTED, MUTED, statusColour, statusGlyph } from './theme.js';


/**
 * Strength in a narrow list, one mark after the status word: `*` state claim (state media alone),
 * `✓` confirmed, nothing for reported; `°` stale; ` !` contested. The help, the detail and `list` say it in words.
 */
const LIST_STRENGTH: Record<Strength, string> = { claimed: '*', reported: '', confirmed: '✓' };

/** "Kangdong County" → "Kangdong": the list groups by province, the type adds nothing there. */
function shortName(name: string): string {
  return name.replace(/ (County|City)$/, '');
}

export function listLines(rows: readonly ListRow[], cursor: number, width: number, height: number, noColor: boolean, focused: boolean): Line[] {
  const top = Math.max(0, Math.min(cursor - Math.floor(height / 2), rows.length - height));
  const out: Line[] = [];
  for (let i = top; i < Math.min(rows.length, top + height); i++) {
    const row = rows[i]!;
    const here = i === cursor;
    const mark: Line = [text(here ? '▶' : ' ', { bold: true, ...(focused ? {} : { dim: true }) })];
    let line: Line;
    if (row.kind === 'province') {
      const label = `${row.collapsed ? '▸' : '▾'} ${row.name_en} ${row.name_ko}`;
      const count = ` ${row.count}`;
      line = [...mark, text(padCells(truncateCells(label, width - 1 - count.length), width - 1 - count.length), { bold: true }), text(count, { fg: MUTED })];
    } else {
      const s = row.site;
      const glyph = noColor ? statusGlyph(s.status).trim() || '·' : '●';
      // Short status words for a narrow list (status-words.ts); the detail pane and the legend use the full ones.
      const flag = s.contested ? ' !' : '';
      const status = statusWord(s.status, 'short') + LIST_STRENGTH[s.strength] + (s.stale ? '°' : '') + flag;
      // The name comes first: when "Kim Hyong Jik 김형직군" does not fit beside the status, the
      // Hangul goes, then the status words are shortened; the English name is cut only when even
      // it does not fit the row.
      let nameWidth = Math.max(6, width - 6 - Math.min(status.length, 20));
      const en = sanitizeInline(shortName(s.name_en));
      const full = sanitizeInline(`${shortName(s.name_en)} ${s.name_ko}`);
      const name = displayWidth(full) <= nameWidth ? full : en;
      if (displayWidth(name) > nameWidth) nameWidth = Math.max(nameWidth, Math.min(displayWidth(name), width - 12));
      line = [
        ...mark,
        text(' '),
        text(glyph, noColor ? {} : { fg: statusColour(s.status) }),
        text(' '),
        text(padCells(truncateCells(name, nameWidth), nameWidth)),
        text(' '),
        // The contested mark is never the part cut.
        text(truncateCells(status.slice(0, status.length - flag.length), width - 4 - nameWidth - flag.length) + flag, s.contested && !noColor ? { fg: CONTESTED, bold: true } : { fg: MUTED }),
      ];
    }
    out.push(here ? line.map((seg) => ({ ...seg, inverse: focused || seg.inverse })) : line);
  }
  // Wrapped, never cut: at 80×24 the list is 32 cells wide.
  if (rows.length === 0) for (const l of wrapCells('No site matches the filters (f to change, c to clear).', width)) out.push([text(l, { fg: MUTED })]);
  return out;
}
