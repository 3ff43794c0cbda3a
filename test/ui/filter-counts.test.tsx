/**
 * The filter menu says, beside each option, how many sites it alone shows on the as-of date, so an
 * option no site has that day (status: selected on 2026-11-30) reads "(0)" before it is ticked; the
 * counts are what ticking the option shows; and the list's "no site matches" message is wrapped,
 * never cut, at 80×24.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderToString } from 'ink';
import { Dashboard } from '../../src/ui/Dashboard.js';
import { startState } from '../../src/ui/run.js';
import { reduce } from '../../src/view/reduce.js';
import { filterLines } from '../../src/view/chrome-lines.js';
import { filterOptionCounts, visibleSites } from '../../src/view/list-rows.js';
import { plain } from '../../src/view/paint.js';
import { bundledAtlas } from '../helpers/ui.js';

const atlas = bundledAtlas();

for (const asOf of ['2025-06-30', '2026-11-30']) {
  test(`filter menu, ${asOf}: each option's count is the number of sites ticking it alone shows`, () => {
    const { ctx, state } = startState(atlas, asOf);
    const counts = filterOptionCounts(ctx.dataset, state, ctx.filterOptions);
    const lines = filterLines(ctx.filterOptions, state, counts).map(plain);
    ctx.filterOptions.forEach((o, i) => {
      const ticked = reduce({ ...state, overlay: 'filter', filter: { ...state.filter, cursor: i } }, { type: 'filter-toggle' }, ctx);
      const shown = visibleSites(ctx.dataset, ticked).length;
      assert.equal(counts[i], shown, `${o.kind} ${o.value}`);
      assert.match(lines[2 + i]!, new RegExp(`^\\[ \\] .* \\(${shown}\\)$`), `${o.kind} ${o.value}`);
    });
  });
}

test('2026-11-30 at 80×24: "status: selected (0)" in the menu; ticking it says so in whole words', () => {
  const { ctx, state } = startState(atlas, '2026-11-30');
  const open = { ...state, overlay: 'filter' as const };
  const frame = (s: typeof state) => renderToString(<Dashboard atlas={atlas} ctx={ctx} state={s} cols={80} rows={24} colorLevel={0} />, { columns: 80 });
  assert.match(frame(open), /\[ \] status: selected \(0\)/);
  const ticked = frame(reduce(open, { type: 'filter-toggle' }, ctx));
  const list = ticked.split('\n').map((l) => /^│([^│]*)│/.exec(l)?.[1]?.trim() ?? '').filter(Boolean);
  assert.ok(!ticked.includes('…(') && !/No site matches[^\n]*…/.test(ticked), ticked);
  assert.match(list.join(' '), /No site matches the filters \(f to change, c to clear\)\./);
});
