/**
 * The views an export can show: the national picture, one province, or one program site, each
 * as the view state the dashboard would be in, plus the file-name stem for it.
 */
import { listRows, provinceKey, siteKey } from './list-rows.js';
import type { ViewContext } from './reduce.js';
import type { Lens } from '../model/status.js';
import { initialState, type ViewState } from './state.js';

export type View = { kind: 'national' } | { kind: 'province'; id: string } | { kind: 'county'; id: string };

export function stateForView(ctx: ViewContext, view: View, asOf: string | Lens): ViewState {
  const base = initialState(asOf);
  if (view.kind === 'county') {
    const site = ctx.dataset.sites.find((s) => s.id === view.id);
    // Show the site's province open and the others closed, so the list frames the selection.
    const collapsed = ctx.dataset.registry.provinces.map((p) => p.id).filter((p) => p !== site?.province);
    return { ...base, cursor: siteKey(view.id), collapsed, mapProvince: site?.province ?? null };
  }
  if (view.kind === 'province') {
    const collapsed = ctx.dataset.registry.provinces.map((p) => p.id).filter((p) => p !== view.id);
    return { ...base, cursor: provinceKey(view.id), collapsed, mapProvince: view.id };
  }
  const first = listRows(ctx.dataset, base)[0];
  return { ...base, cursor: first?.key ?? '' };
}

export function viewStem(view: View, asOf: string, hindsight = false): string {
  const name = view.kind === 'national' ? 'national' : `${view.kind}-${view.id}`;
  return `nk20x10-${name}-${asOf}${hindsight ? '-hindsight' : ''}`;
}

/** The view the dashboard is showing now: the site or province under the cursor. */
export function viewOfState(state: ViewState): View {
  const [kind, id] = state.cursor.split(':') as [string, string | undefined];
  if (kind === 'site' && id) return { kind: 'county', id };
  if (kind === 'province' && id) return { kind: 'province', id };
  return { kind: 'national' };
}
