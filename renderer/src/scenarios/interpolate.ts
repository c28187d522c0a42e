// Blending two tiers of a document while the user drags between them: every number present at the same path
// in both tiers moves linearly, whole numbers stay whole, and the structure (hosts, instances, names) is the
// nearer tier's. Prepared once per pair so each animation frame only writes numbers.

import type { Scenario } from '../../../sim-core/index';
import { getAt, pathString, type PathKey } from './paths';

interface Leaf {
  path: PathKey;
  a: number;
  b: number;
  whole: boolean;
}

export interface TierBlend {
  a: Scenario;
  b: Scenario;
  /** Numbers to blend when a is the structure (t < 0.5) and when b is. */
  fromA: Leaf[];
  fromB: Leaf[];
}

function leaves(base: unknown, other: unknown, baseIsA: boolean, path: PathKey = [], out: Leaf[] = []): Leaf[] {
  if (typeof base === 'number') {
    const o = getAt(other, path);
    if (typeof o === 'number' && o !== base) {
      const [a, b] = baseIsA ? [base, o] : [o, base];
      out.push({ path, a, b, whole: Number.isInteger(a) && Number.isInteger(b) });
    }
    return out;
  }
  if (base && typeof base === 'object') {
    // Claims and assumptions describe the document, not the deployment: never blended.
    if (path.length === 1 && (path[0] === 'claims' || path[0] === 'assumptions' || path[0] === 'run')) return out;
    if (Array.isArray(base)) base.forEach((v, i) => leaves(v, other, baseIsA, [...path, i], out));
    else for (const [k, v] of Object.entries(base)) leaves(v, other, baseIsA, [...path, k], out);
  }
  return out;
}

export function prepareBlend(a: Scenario, b: Scenario): TierBlend {
  return { a, b, fromA: leaves(a, b, true), fromB: leaves(b, a, false) };
}

function writeAt(obj: unknown, path: PathKey, value: number): void {
  let cur = obj as Record<string | number, unknown>;
  for (let i = 0; i < path.length - 1; i++) cur = cur[path[i]] as Record<string | number, unknown>;
  cur[path[path.length - 1]] = value;
}

/** The scenario a fraction t (0 = a, 1 = b) of the way between the tiers. */
export function blendAt(blend: TierBlend, t: number): Scenario {
  if (t <= 0) return blend.a;
  if (t >= 1) return blend.b;
  const useA = t < 0.5;
  const out = structuredClone(useA ? blend.a : blend.b);
  for (const l of useA ? blend.fromA : blend.fromB) {
    const v = l.a + (l.b - l.a) * t;
    writeAt(out, l.path, l.whole ? Math.round(v) : v);
  }
  return out;
}

/** The blended numbers worth showing while dragging: label and value. */
export function blendedFigures(blend: TierBlend, t: number, limit = 8): { path: string; value: number; a: number; b: number }[] {
  const list = t < 0.5 ? blend.fromA : blend.fromB;
  return list
    .filter((l) => !pathString(l.path).startsWith('workload.classes'))
    .slice(0, limit)
    .map((l) => {
      const v = l.a + (l.b - l.a) * Math.min(1, Math.max(0, t));
      return { path: pathString(l.path), value: l.whole ? Math.round(v) : v, a: l.a, b: l.b };
    });
}
