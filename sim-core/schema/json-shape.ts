// Checks the nesting depth of a value parsed from JSON before anything recursive (zod, the error formatter)
// walks it. Iterative, so a file nested a million levels deep costs a loop, not a stack overflow.

import { formatPath, type ScenarioIssue } from './schema-errors';
import { MAX_NESTING } from './text-limits';

interface Frame {
  value: unknown;
  depth: number;
  key: PropertyKey;
  parent: Frame | null;
}

function pathOf(frame: Frame): PropertyKey[] {
  const out: PropertyKey[] = [];
  for (let f: Frame | null = frame; f && f.parent; f = f.parent) out.push(f.key);
  return out.reverse();
}

/** A path shortened for a message: its first levels, then how deep it goes. */
export function deepPath(path: readonly PropertyKey[]): string {
  const shown = 8;
  return path.length > shown ? `${formatPath(path.slice(0, shown))}… (${path.length} levels)` : formatPath(path);
}

export function nestingIssue(path: readonly PropertyKey[]): ScenarioIssue {
  return { path: deepPath(path), message: `expected objects and lists nested at most ${MAX_NESTING} levels deep, got deeper nesting here` };
}

/** The first place where `value` nests deeper than MAX_NESTING, as an issue; null when it does not. */
export function checkJsonNesting(value: unknown): ScenarioIssue | null {
  const stack: Frame[] = [{ value, depth: 0, key: '', parent: null }];
  while (stack.length > 0) {
    const f = stack.pop()!;
    if (f.value === null || typeof f.value !== 'object') continue;
    if (f.depth >= MAX_NESTING) return nestingIssue(pathOf(f));
    if (Array.isArray(f.value)) {
      for (let i = f.value.length - 1; i >= 0; i--) stack.push({ value: f.value[i], depth: f.depth + 1, key: i, parent: f });
    } else {
      for (const [k, v] of Object.entries(f.value)) stack.push({ value: v, depth: f.depth + 1, key: k, parent: f });
    }
  }
  return null;
}
