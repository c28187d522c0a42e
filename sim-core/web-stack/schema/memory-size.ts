// Memory sizes as real configs write them ("8GB", "512MB", "8gb", "40MB") or as a plain number of MB.
// Normalised to megabytes (MiB, 1 GB = 1024 MB as PostgreSQL and Redis count).

import { z } from 'zod';
import { MAX_MEMORY_MB } from '../../schema/field-bounds';

const UNITS: Record<string, number> = { kb: 1 / 1024, k: 1 / 1024, mb: 1, m: 1, gb: 1024, g: 1024, tb: 1024 * 1024, t: 1024 * 1024 };

export function parseMemoryMb(value: number | string): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]i?b?|[kmgt])\s*$/i.exec(value);
  if (!m) return undefined;
  const unit = m[2].toLowerCase().replace('ib', 'b');
  const factor = UNITS[unit] ?? UNITS[unit.replace(/b$/, '')];
  return factor === undefined ? undefined : Number(m[1]) * factor;
}

const MESSAGE = 'expected a memory size such as "512MB", "8GB" or a number of MB';
const TOO_BIG = `expected a memory size ≤ 64TB (${MAX_MEMORY_MB.toLocaleString('en-US')} MB: more than any host has, so a typo or a unit slip)`;

/** Accepts "8GB" / 8192 and yields megabytes; `positive` refuses 0 (a host's RAM). */
export const memoryMb = (opts: { positive?: boolean } = {}) =>
  z.union([z.number(), z.string().max(64)], { error: MESSAGE }).transform((v, ctx) => {
    const mb = parseMemoryMb(v);
    if (mb === undefined) {
      ctx.addIssue({ code: 'custom', message: MESSAGE });
      return z.NEVER;
    }
    if (opts.positive && !(mb > 0)) {
      ctx.addIssue({ code: 'custom', message: 'expected a memory size > 0' });
      return z.NEVER;
    }
    if (mb > MAX_MEMORY_MB) {
      ctx.addIssue({ code: 'custom', message: TOO_BIG });
      return z.NEVER;
    }
    return mb;
  });

/** Renders megabytes the way PostgreSQL and Redis configs write them: whole GB when exact, else MB, else kB. */
export function formatMemory(mb: number, style: 'postgres' | 'redis' = 'postgres'): string {
  const [g, m, k] = style === 'redis' ? ['gb', 'mb', 'kb'] : ['GB', 'MB', 'kB'];
  if (mb >= 1024 && Number.isInteger(mb / 1024)) return `${mb / 1024}${g}`;
  if (Number.isInteger(mb)) return `${mb}${m}`;
  return `${Math.round(mb * 1024)}${k}`;
}
