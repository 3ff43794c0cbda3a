/**
 * The Gap view never cuts provenance: at every size users run, with the cursor on each row in
 * turn (the table scrolls), the row under the cursor shows whole its site (name, province, year,
 * CONTESTED), and for each side its status, period, age and outlet with the relay; only a quote may
 * be shortened with "…". The rule under the column names is as wide as the table.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderToString } from 'ink';
import { lineToCells } from '../../src/term/cells.js';
import { Dashboard } from '../../src/ui/Dashboard.js';
import { startState } from '../../src/ui/run.js';
import type { GapSide } from '../../src/model/gap.js';
import { gapColumns } from '../../src/view/gap-lines.js';
import { gapRowsForView } from '../../src/view/gap-rows.js';
import { visibleSites } from '../../src/view/list-rows.js';
import { reduce } from '../../src/view/reduce.js';
import { lensOf, type ViewState } from '../../src/view/state.js';
import { wrapCells } from '../../src/text/width.js';
import { bundledAtlas } from '../helpers/ui.js';

const SIZES = [[80, 24], [100, 30], [120, 40], [140, 45], [160, 48], [200, 60]] as const;
const atlas = bundledAtlas();
const squash = (s: string) => s.replace(/\s+/g, '');

for (const [asOf, sizes] of [['2026-11-30', SIZES], ['2025-12-31', [SIZES[0], SIZES[4]]]] as const) {
  test(`gap view, ${asOf}: every row, under the cursor, shows site, statuses, dates, ages and outlets whole at ${sizes.map(([c, r]) => `${c}×${r}`).join(', ')}`, () => {
    const { ctx, state: initial } = startState(atlas, asOf);
    const gap: ViewState = reduce(initial, { type: 'cycle-mode' }, ctx);
    const rows = gapRowsForView(ctx.dataset, lensOf(gap), visibleSites(ctx.dataset, gap));
    assert.ok(rows.length > 40);
    const failures: string[] = [];
    for (const [cols, height] of sizes) {
      const c = gapColumns(cols - 2);
      // Cell columns of each table column inside the pane (border at 0, cursor mark at 1).
      const at = { name: [2, 2 + c.name], state: [2 + c.name + 3, 2 + c.name + 3 + c.state], outside: [2 + c.name + 6 + c.state, 2 + c.name + 6 + c.state + c.outside] };
      rows.forEach((row, i) => {
        const where = `${cols}×${height} row ${i + 1} ${row.name_en}`;
        const lines = renderToString(<Dashboard atlas={atlas} ctx={ctx} state={{ ...gap, gapCursor: row.site_id }} cols={cols} rows={height} colorLevel={0} />, { columns: cols })
          .split('\n')
          .map((l) => lineToCells(l, cols).map((x) => x.ch));
        if (i === 0) {
          const rule = lines[5]!.join('');
          if (rule !== `│${'─'.repeat(cols - 2)}│`) failures.push(`${where}: the rule is not as wide as the table: "${rule}"`);
        }
        const start = lines.findIndex((l) => l[1] === '▶');
        if (start < 0) return void failures.push(`${where}: no cursor row`);
        const next = rows[i + 1];
        const nextFirst = next ? wrapCells(`${next.name_en.replace(/ (County|City)$/, '')} ${next.name_ko}${next.contested ? ' !' : ''}`, c.name)[0] : undefined;
        let end = start + 1;
        const colText = (k: number, [a, b]: number[]) => lines[k]!.slice(a, b).join('').trim();
        while (end < height - 2 && lines[end]![0] === '│' && lines[end]![1] !== '╰' && !(nextFirst && colText(end, at.name) === nextFirst)) end++;
        const column = (span: number[]) => lines.slice(start, end).map((_, k) => colText(start + k, span));
        const name = column(at.name).join(' ');
        for (const part of [`${row.name_en.replace(/ (County|City)$/, '')} ${row.name_ko}`, `${row.province_en} · ${row.year}`, ...(row.contested ? ['CONTESTED'] : [])]) {
          if (!squash(name).includes(squash(part))) failures.push(`${where}: site column lacks "${part}": "${name}"`);
        }
        for (const [side, span] of [[row.state, at.state], [row.outside, at.outside]] as [GapSide | null, number[]][]) {
          const lines = column(span).filter(Boolean);
          const all = squash(lines.join(''));
          if (!side) {
            if (!all.includes('nothingknown')) failures.push(`${where}: an empty side does not say "nothing known"`);
            continue;
          }
          for (const part of [`${side.label}${side.uncertain ? '?' : ''}`, side.date_label, `${side.age_months} mo`, side.outlet]) {
            if (!all.includes(squash(part))) failures.push(`${where}: "${part}" is not shown whole: ${JSON.stringify(lines)}`);
          }
          // Only the quote (the last lines of a side) may be shortened.
          const cut = lines.findIndex((l) => l.includes('…'));
          if (cut >= 0 && cut < lines.length - 1) failures.push(`${where}: a line other than the quote's last is cut: ${JSON.stringify(lines)}`);
        }
      });
    }
    assert.deepEqual(failures.slice(0, 12), []);
  });
}
