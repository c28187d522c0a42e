// Reusable zod field schemas whose messages state the expected value in words a scenario author reads.

import { z } from 'zod';

export const wholeAtLeast = (min: number) => {
  const error = `expected a whole number ≥ ${min}`;
  return z.number({ error }).int({ error }).gte(min, { error });
};

export const positive = (what = 'a number') => {
  const error = `expected ${what} > 0`;
  return z.number({ error }).gt(0, { error }).refine(Number.isFinite, { error });
};

export const nonNegative = (what = 'a number') => {
  const error = `expected ${what} ≥ 0`;
  return z.number({ error }).gte(0, { error }).refine(Number.isFinite, { error });
};

export const fraction = () => {
  const error = 'expected a fraction between 0 and 1';
  return z.number({ error }).gte(0, { error }).lte(1, { error });
};

export const openFraction = () => {
  const error = 'expected a fraction > 0 and < 1';
  return z.number({ error }).gt(0, { error }).lt(1, { error });
};
