/**
 * The shape of every data file, as zod schemas. Shape only: references between files
 * (sources, counties, facilities) are checked afterwards in load/references.ts.
 */
import { z } from 'zod';
import { parseDateSpan } from './dates.js';
import { FACILITY_KINDS, MARKETS, MILESTONE_TYPES, ROLES, STANCES, STATUSES } from './vocabulary.js';

const text = z.string().trim().min(1, 'must not be empty');
const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single hyphens');
const date = z.string().superRefine((value, ctx) => {
  const problem = dateProblem(value);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
});

/**
 * Why a date string is not a date, or undefined. Remembered, because a large dataset repeats
 * the same few thousand dates (the 100× synthetic one: 118,000 dates, 11,000 distinct).
 */
const dateProblems = new Map<string, string | null>();
function dateProblem(value: string): string | undefined {
  const known = dateProblems.get(value);
  if (known !== undefined) return known ?? undefined;
  const span = parseDateSpan(value);
  const problem = typeof span === 'string' ? span : null;
  if (dateProblems.size >= 50_000) dateProblems.clear();
  if (value.length <= 32) dateProblems.set(value, problem);
  return problem ?? undefined;
}
const url = z.string().regex(/^https?:\/\/[^\s]+$/, 'must be an http(s) URL without spaces');
const year = z.number().int('must be a whole year').min(2000, 'must be 2000 or later').max(2100, 'must be 2100 or earlier');
/**
 * Largest plausible price in won: 100 million. Market prices in the sources run from about 1,000
 * won (a toothbrush) to tens of millions (an apartment would be more, and is not a product price).
 */
export const MAX_WON = 100_000_000;
const uncertainty = { uncertain: z.boolean().optional(), note: text.optional() };

export const sourceSchema = z.strictObject({
  id,
  outlet: text,
  title: text.optional(),
  date,
  url: url.optional(),
  kind: z.enum(STANCES),
  via: text.optional(),
  language: z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639 code like en, ko, ja').optional(),
  ...uncertainty,
});

export const sourcesFileSchema = z.strictObject({ sources: z.array(sourceSchema) });

const observation = z.strictObject({
  date,
  status: z.enum(STATUSES),
  claimed_by: z.enum(STANCES).optional(),
  source: id,
  ...uncertainty,
});

export const milestoneSchema = z.strictObject({
  id,
  date,
  type: z.enum(MILESTONE_TYPES),
  title: text,
  facilities: z.array(id).optional(),
  status: z.enum(STATUSES).optional(),
  claimed_by: z.enum(STANCES).optional(),
  people: z.array(text).optional(),
  sources: z.array(id).min(1, 'needs at least one source'),
  ...uncertainty,
});

export const facilitySchema = z.strictObject({
  id,
  kind: z.enum(FACILITY_KINDS),
  name: text,
  name_ko: text.optional(),
  sources: z.array(id).min(1, 'needs at least one source'),
  observations: z.array(observation).optional(),
  ...uncertainty,
});

export const productSchema = z.strictObject({
  name: text,
  name_ko: text.optional(),
  facility: id.optional(),
  source: id,
  ...uncertainty,
});

export const priceSchema = z.strictObject({
  item: text,
  item_ko: text.optional(),
  unit: text,
  won: z
    .number()
    .int('must be a whole number of won (no fractions or exponents like 1e-320)')
    .min(1, 'must be a positive whole number of won')
    .max(MAX_WON, `must be at most ${MAX_WON.toLocaleString('en-US')} won`),
  market: z.enum(MARKETS),
  date,
  source: id,
  ...uncertainty,
});

export const quoteSchema = z.strictObject({
  text,
  speaker: text,
  stance: z.enum(STANCES),
  date,
  source: id,
  language: z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639 code like en, ko').optional(),
  translated: z.boolean().optional(),
  original: text.optional(),
  ...uncertainty,
});

export const noteSchema = z.strictObject({ text, source: id, ...uncertainty, note: text.optional() });

export const aliasSchema = z.strictObject({ name: text, source: id, ...uncertainty });

export const countyFileSchema = z.strictObject({
  id,
  county: text,
  site: text.optional(),
  site_ko: text.optional(),
  year,
  role: z.enum(ROLES).optional(),
  province_note: text.optional(),
  aliases: z.array(aliasSchema).optional(),
  milestones: z.array(milestoneSchema).optional(),
  facilities: z.array(facilitySchema).optional(),
  observations: z.array(observation).optional(),
  products: z.array(productSchema).optional(),
  prices: z.array(priceSchema).optional(),
  quotes: z.array(quoteSchema).optional(),
  notes: z.array(noteSchema).optional(),
});

export const policyFileSchema = z.strictObject({
  name_en: text,
  name_ko: text,
  facts: z.array(
    z.strictObject({
      id,
      label: text,
      value: z.number(),
      unit: text.optional(),
      sources: z.array(id).min(1, 'needs at least one source'),
      ...uncertainty,
    }),
  ),
  timeline: z.array(
    z.strictObject({
      id,
      date,
      title: text,
      people: z.array(text).optional(),
      sources: z.array(id).min(1, 'needs at least one source'),
      ...uncertainty,
    }),
  ),
  claims: z
    .array(
      z.strictObject({
        id,
        date,
        title: text.optional(),
        applies_to: z.strictObject({ year }),
        status: z.enum(STATUSES),
        claimed_by: z.enum(STANCES).optional(),
        sources: z.array(id).min(1, 'needs at least one source'),
        ...uncertainty,
      }),
    )
    .optional(),
});

export const variantsFileSchema = z.strictObject({
  variants: z.array(
    z.strictObject({
      county: text,
      names: z.array(
        z.strictObject({
          name: text,
          system: z.enum(['dprk', 'mr', 'rr', 'rok', 'hangul', 'hanja', 'other']),
          source: id.optional(),
          /** The county's name before a renaming (e.g. Ŭndŏk for Kyŏnghŭng until 2010). */
          former: z.literal(true).optional(),
          ...uncertainty,
        }),
      ),
      source: id.optional(),
      ...uncertainty,
    }),
  ),
});

export type SourceFile = z.infer<typeof sourcesFileSchema>;
export type SourceRecord = z.infer<typeof sourceSchema>;
export type CountyFile = z.infer<typeof countyFileSchema>;
export type PolicyFile = z.infer<typeof policyFileSchema>;
export type VariantsFile = z.infer<typeof variantsFileSchema>;
export type MilestoneRecord = z.infer<typeof milestoneSchema>;
export type FacilityRecord = z.infer<typeof facilitySchema>;
export type ObservationRecord = z.infer<typeof observation>;
export type PriceRecord = z.infer<typeof priceSchema>;
export type QuoteRecord = z.infer<typeof quoteSchema>;
