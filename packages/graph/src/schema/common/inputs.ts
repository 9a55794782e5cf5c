import { z } from 'zod';

/** Field rules shared by every mutation input, so that one name means one rule. */
export const rules = {
  code: z.string().trim().min(2, 'must be at least 2 characters').max(40, 'must be at most 40 characters').regex(/^[A-Za-z0-9][A-Za-z0-9-_.]*$/, 'may hold letters, digits, "-", "_" and "." only'),
  nameZh: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  nameEn: z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters'),
  text: z.string().trim().max(5000, 'must be at most 5000 characters'),
  note: z.string().trim().max(2000, 'must be at most 2000 characters'),
  unit: z.string().trim().min(1, 'must not be empty').max(40, 'must be at most 40 characters'),
  version: z.number().int().min(1, 'must be a version the record had (from 1)'),
  /** Yuan: not negative, at most a trillion, two decimal places. */
  money: z
    .string()
    .regex(/^\d{1,13}(\.\d{1,2})?$/, 'must be an amount in yuan with at most 2 decimal places, e.g. "1250000.50", not negative'),
  /** Any decimal measure with up to 4 places. */
  measure: z.string().regex(/^-?\d{1,16}(\.\d{1,4})?$/, 'must be a number with at most 4 decimal places, e.g. "12.5"'),
  day: z.date().refine((d) => d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100, 'must be a day between 2000 and 2100'),
  codes: z.array(z.string().trim().min(1)).max(100, 'may list at most 100 codes'),
};

export const VersionField = {
  description: 'The version you read. The change is refused with ConflictError when the record has changed since.',
};
