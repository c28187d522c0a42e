// Turns zod issues into one-line messages that name the path and the expected value, e.g.
// `stations[0].servers: expected a whole number ≥ 1, got "eight"`. Used by every scenario loader.

import type { z } from 'zod';

export interface ScenarioIssue {
  path: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

function valueAt(input: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let cur: unknown = input;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object' || !(key in (cur as object))) return { found: false, value: undefined };
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return { found: true, value: cur };
}

/** An offending value as a message shows it: numbers as written (NaN and Infinity too), long values cut. */
export function renderValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number') return String(value);
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Names listed in a message: the first few, then how many more, so a message stays one readable line. */
export function someOf(names: readonly string[], shown = 8): string {
  const head = names.slice(0, shown).join(', ');
  return names.length > shown ? `${head}, … ${names.length - shown} more` : head;
}

function expectation(issue: z.core.$ZodIssue, found = true): string {
  const raw = issue.message;
  // Our own schema messages already state the expectation.
  if (/^(expected|unknown|exactly|must|p95|probs|at least)/i.test(raw)) return raw;
  switch (issue.code) {
    case 'invalid_type':
      return found ? `expected ${issue.expected}` : `required: expected ${issue.expected}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `expected ${JSON.stringify(issue.values[0])}`
        : `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union': {
      const alts = issue.errors.map((branch) => branch.map((i) => expectation(i)).join('; ')).filter(Boolean);
      return alts.length ? `expected ${[...new Set(alts)].map((a) => a.replace(/^expected /, '')).join(' or ')}` : raw;
    }
    case 'too_small':
      return `expected a value ${issue.inclusive ? '≥' : '>'} ${String(issue.minimum)}`;
    case 'too_big':
      return `expected a value ${issue.inclusive ? '≤' : '<'} ${String(issue.maximum)}`;
    default:
      return raw;
  }
}

/** One issue per problem: zod may report a value twice (e.g. −1.5 is neither whole nor ≥ 1), listed once. */
export function formatIssues(error: z.ZodError, input: unknown): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  const seen = new Set<string>();
  const add = (i: ScenarioIssue) => {
    const key = `${i.path}\u0000${i.message}`;
    if (!seen.has(key)) out.push(i);
    seen.add(key);
  };
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add({ path: formatPath([...issue.path, key]), message: 'unknown field (remove it or check its spelling)' });
      continue;
    }
    const { found, value } = valueAt(input, issue.path);
    const expected = expectation(issue, found);
    // Messages that already say what they got (cross-reference checks) keep their own wording.
    const got = found && !/\bgot\b/.test(expected) ? `, got ${renderValue(value)}` : '';
    add({ path: formatPath(issue.path), message: `${expected}${got}` });
  }
  return out;
}

export function issueLine(issue: ScenarioIssue): string {
  return `${issue.path}: ${issue.message}`;
}

/** A scenario that cannot be run: carries every issue, one line each. */
export class ScenarioError extends Error {
  constructor(readonly issues: ScenarioIssue[]) {
    super(issues.map(issueLine).join('\n'));
    this.name = 'ScenarioError';
  }
}
