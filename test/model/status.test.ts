import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDateSpan, type DateSpan } from '../../src/model/dates.js';
import { facilityStatusAt, siteStatusAt } from '../../src/model/status.js';
import type { Site, StatusEvidence } from '../../src/model/types.js';
import type { Stance, Status } from '../../src/model/vocabulary.js';

const d = (t: string) => parseDateSpan(t) as DateSpan;
const ev = (date: string, status: Status, claimedBy: Stance, facilities: string[] = []): StatusEvidence => ({
  date: d(date),
  status,
  claimedBy,
  sources: [`src-${date}`],
  facilities,
  origin: 'observation',
  uncertain: false,
});

function site(evidence: StatusEvidence[]): Site {
  return {
    id: 's',
    file: 's.yaml',
    county: {} as Site['county'],
    name_en: 'S',
    name_ko: '',
    year: 2024,
    role: 'batch',
    province: 'ryanggang',
    aliases: [],
    milestones: [],
    facilities: [{ id: 'food', kind: 'food', name: 'Food', sources: ['x'], uncertain: false }],
    evidence: evidence.sort((a, b) => a.date.end.localeCompare(b.date.end)),
    products: [],
    prices: [],
    quotes: [],
    notes: [],
  };
}

const history = () =>
  site([
    ev('2024-03-06/2024-03-10', 'under_construction', 'state_media'),
    ev('2025-02-11', 'inaugurated', 'state_media'),
    ev('2025-04', 'operating', 'outside_report'),
    ev('2025-08', 'disrupted', 'outside_report'),
    ev('2025-08-18', 'operating', 'state_media'),
  ]);

test('status follows the dated evidence, counting a fact once its whole date has passed', () => {
  const s = history();
  assert.equal(siteStatusAt(s, '2024-03-01'), undefined, 'nothing known before groundbreaking');
  assert.equal(siteStatusAt(s, '2024-03-08'), undefined, 'a range counts from its last day');
  assert.equal(siteStatusAt(s, '2024-03-10')?.status, 'under_construction');
  assert.equal(siteStatusAt(s, '2025-02-11')?.status, 'inaugurated');
  assert.equal(siteStatusAt(s, '2025-04-29')?.status, 'inaugurated', 'a month counts from its last day');
  assert.equal(siteStatusAt(s, '2025-04-30')?.status, 'operating');
});

test('who says so: the status carries the statement it rests on', () => {
  const at = siteStatusAt(history(), '2025-05-01')!;
  assert.equal(at.basis.claimedBy, 'outside_report');
  assert.deepEqual(at.basis.sources, ['src-2025-04']);
});

test('a site is contested when state media says it works and outside reports say it does not', () => {
  const s = history();
  assert.equal(siteStatusAt(s, '2025-05-01')?.contested, false);
  const sept = siteStatusAt(s, '2025-09-01')!;
  assert.equal(sept.contested, true);
  assert.equal(sept.stateView?.status, 'operating');
  assert.equal(sept.outsideView?.status, 'disrupted');
});

test('facility status includes site-wide statements and its own, not other facilities', () => {
  const s = site([
    ev('2025-02-11', 'inaugurated', 'state_media'),
    ev('2025-06-01', 'disrupted', 'outside_report', ['food']),
    ev('2025-07-01', 'disrupted', 'outside_report', ['garment']),
  ]);
  assert.equal(facilityStatusAt(s, s.facilities[0]!, '2025-12-31')?.status, 'disrupted');
  assert.equal(facilityStatusAt(s, s.facilities[0]!, '2025-05-31')?.status, 'inaugurated');
  assert.equal(siteStatusAt(s, '2025-12-31')?.status, 'inaugurated', 'facility reports do not set the site status');
  assert.equal(siteStatusAt(s, '2025-12-31')?.contested, true, 'but they do make it contested');
});

test('a site with only facility statements so far takes its status from them', () => {
  const s = site([ev('2025-02-06', 'under_construction', 'state_media', ['food']), ev('2025-12-15', 'inaugurated', 'state_media')]);
  assert.equal(siteStatusAt(s, '2025-06-01')?.status, 'under_construction');
  assert.equal(siteStatusAt(s, '2025-12-15')?.status, 'inaugurated');
});
