/** A first-level unit named on the command line (`--province P`, `--view province:P`). */
import { nearProvinces } from '../model/place-hints.js';
import { findProvince, PROVINCES } from '../registry/provinces.js';
import type { Province } from '../registry/types.js';
import { sanitizeInline } from '../text/sanitize.js';
import { UsageError } from './args.js';

/**
 * The province `value` names in any spelling (North Pyongan, N. Phyongan, 평안북도, north-pyongan),
 * or undefined when the option was not given. Throws UsageError (exit 2) naming `flag` and the
 * value, with "did you mean …?" for a near spelling, else the 13 first-level units.
 */
export function provinceOption(flag: string, value: string | undefined, usage: string): Province | undefined {
  if (value === undefined) return undefined;
  const province = findProvince(value);
  if (province) return province;
  const near = nearProvinces(value);
  const hint = near.length ? `did you mean ${near.map((p) => `"${p.name_en}" (${p.name_ko})`).join(', ')}?` : `one of: ${PROVINCES.map((p) => p.name_en).join(', ')}`;
  throw new UsageError(`${flag}: unknown first-level unit "${sanitizeInline(value)}"; ${hint}`, usage);
}
