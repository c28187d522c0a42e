// Reusable zod field schemas whose messages state the expected value in words a scenario author reads. Every
// count takes its upper bound with the reason (field-bounds.ts), so a number the engine could not hold is
// refused at its field before anything runs.

import { z } from 'zod';
import { MAX_NAME_CHARS, MAX_TEXT_CHARS, type UpperBound } from './field-bounds';

const n = (x: number) => x.toLocaleString('en-US');

/** "expected … ≤ max (why)": one message for a value over its bound. */
export function overBound(what: string, bound: UpperBound): string {
  return `expected ${what} ≤ ${n(bound.max)} (${bound.why})`;
}

export const wholeAtLeast = (min: number, bound: UpperBound) => {
  const error = `expected a whole number ≥ ${min}`;
  return z.number({ error }).int({ error }).gte(min, { error }).lte(bound.max, { error: overBound('a whole number', bound) });
};

export const positive = (what = 'a number', bound?: UpperBound) => {
  const error = `expected ${what} > 0`;
  const base = z.number({ error }).gt(0, { error });
  return bound ? base.lte(bound.max, { error: overBound(what, bound) }) : base;
};

export const nonNegative = (what = 'a number', bound?: UpperBound) => {
  const error = `expected ${what} ≥ 0`;
  const base = z.number({ error }).gte(0, { error });
  return bound ? base.lte(bound.max, { error: overBound(what, bound) }) : base;
};

export const fraction = () => {
  const error = 'expected a fraction between 0 and 1';
  return z.number({ error }).gte(0, { error }).lte(1, { error });
};

export const openFraction = () => {
  const error = 'expected a fraction > 0 and < 1';
  return z.number({ error }).gt(0, { error }).lt(1, { error });
};

const textOf = (max: number, what: string, min: number) => {
  const error = `expected ${what}`;
  return z
    .string({ error })
    .min(min, { error: min > 0 ? `expected ${what} (not empty)` : error })
    .max(max, { error: `expected ${what} of at most ${n(max)} characters (it is shown in tables, messages and reports)` });
};

/** A name (host, class, zone, station): 1 to 200 characters. */
export const name = (what = 'a name') => textOf(MAX_NAME_CHARS, what, 1);

/** Free text (description, quote, reason): up to 10,000 characters; `min` 1 when it must not be empty. */
export const text = (what = 'text', min = 0) => textOf(MAX_TEXT_CHARS, what, min);

/** A list of at most `bound.max` items. */
export const listOf = <T extends z.ZodType>(item: T, bound: UpperBound) =>
  z.array(item).max(bound.max, { error: `expected at most ${n(bound.max)} items (${bound.why})` });
