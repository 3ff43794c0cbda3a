import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDateSpan, type DateSpan } from '../../src/model/dates.js';
import { compareEvidence, facilityStatusAt, siteStatusAt } from '../../src/model/status.js';
import type { Site, StatusEvidence } from '../../src/model/types.js';
import type { Stance, Status } from '../../src/model/vocabulary.js';

const d = (t: string) => parseDateSpan(t) as DateSpan;
/** A statement published when its period ends (the old single-date behaviour), unless `published` says otherwise. */
const ev = (date: string, status: Status, claimedBy: Stance, facilities: string[] = [], published?: string): StatusEvidence => ({
  date: d(date),
  published: d(published ?? date),
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
    evidence: evidence.sort(compareEvidence),
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

test('status follows the dated evidence, counting a statement once it is published', () => {
  const s = history();
  assert.equal(siteStatusAt(s, '2024-03-01'), undefined, 'nothing known before groundbreaking');
  assert.equal(siteStatusAt(s, '2024-03-08'), undefined, 'a range published on its last day is not known before');
  assert.equal(siteStatusAt(s, '2024-03-10')?.status, 'under_construction');
  assert.equal(siteStatusAt(s, '2025-02-11')?.status, 'inaugurated');
  assert.equal(siteStatusAt(s, '2025-04-29')?.status, 'inaugurated', 'a month published on its last day is not known before');
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

test('two dates: a report published in August is not known in June, but hindsight applies it to its period', () => {
  const s = site([
    ev('2025-02-11', 'inaugurated', 'state_media'),
    ev('2025-03-24', 'operating', 'state_media'),
    ev('since 2025-04', 'disrupted', 'outside_report', [], '2025-08'),
  ]);
  // the loader extends a "since" period to its publication; here by hand
  s.evidence[2] = { ...s.evidence[2]!, date: { ...s.evidence[2]!.date, end: '2025-08-31' } };
  const june = siteStatusAt(s, '2025-06-30')!;
  assert.equal(june.status, 'operating', 'only the March claim was public in June');
  assert.equal(june.strength, 'claimed');
  const hindsight = siteStatusAt(s, { asOf: '2025-06-30', hindsight: true })!;
  assert.equal(hindsight.status, 'disrupted', 'today we know it was shut from April');
  assert.equal(hindsight.strength, 'reported');
  assert.equal(hindsight.contested, true);
});

test('a year-only report is the range it is: never ordered as its last day, and an overlap is uncertain', () => {
  const s = site([
    ev('2024-12-20', 'inaugurated', 'state_media'),
    ev('2025', 'disrupted', 'outside_report'),
    ev('2025-08-18', 'operating', 'state_media'),
  ]);
  const at = siteStatusAt(s, '2026-01-15')!;
  assert.equal(at.status, 'operating', 'the August claim starts later than 1 Jan 2025: the year report does not win by its 31 Dec');
  assert.equal(at.uncertain, true);
  assert.match(at.uncertainReasons.join(' '), /overlaps a disrupted report \(Jan–Dec 2025\)/);
  assert.equal(at.contested, true);
  const before = siteStatusAt(s, { asOf: '2025-06-30', hindsight: true })!;
  assert.equal(before.status, 'disrupted', 'in hindsight the 2025 report applies from 1 Jan');
});

test('strength: state claim alone, independent report alone, both agreeing', () => {
  const claimed = siteStatusAt(site([ev('2025-03-24', 'operating', 'state_media')]), '2025-04-01')!;
  assert.equal(claimed.strength, 'claimed');
  const reported = siteStatusAt(site([ev('2025-03-24', 'disrupted', 'outside_report')]), '2025-04-01')!;
  assert.equal(reported.strength, 'reported');
  const both = siteStatusAt(site([ev('2025-02-11', 'inaugurated', 'state_media'), ev('2025-03-24', 'operating', 'rok_government')]), '2025-04-01')!;
  assert.equal(both.strength, 'confirmed');
});

test('an outside report of production for show against a state operating claim is contested', () => {
  const s = site([ev('2025-03-24', 'operating', 'state_media'), ev('2025-04-04', 'operating_for_show', 'outside_report')]);
  const at = siteStatusAt(s, '2025-06-30')!;
  assert.equal(at.status, 'operating_for_show');
  assert.equal(at.contested, true);
});

test('stale: newest evidence older than the threshold, 6 months by default, 0 never', () => {
  const s = site([ev('2025-08-18', 'operating', 'state_media')]);
  assert.equal(siteStatusAt(s, '2026-02-18')!.stale, false, 'exactly six months is not older');
  assert.equal(siteStatusAt(s, '2026-02-19')!.stale, true);
  assert.equal(siteStatusAt(s, { asOf: '2026-11-30', staleAfterMonths: 24 })!.stale, false);
  assert.equal(siteStatusAt(s, { asOf: '2026-11-30', staleAfterMonths: 0 })!.stale, false);
  assert.equal(siteStatusAt(s, '2026-11-30')!.newest, '2025-08-18');
});
