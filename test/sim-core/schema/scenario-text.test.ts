// Reading scenario text: JSON recognised by content, nesting and alias-expansion limits with the path where
// they are crossed, strict UTF-8, one message per problem.
import { describe, expect, it } from 'vitest';
import { decodeScenarioBytes, firstInvalidUtf8 } from '../../../sim-core/schema/decode-text';
import { parseScenarioText } from '../../../sim-core/schema/scenario-text';
import { ScenarioError } from '../../../sim-core/schema/schema-errors';
import { MAX_NESTING, MAX_SCENARIO_BYTES, MAX_VALUES } from '../../../sim-core/schema/text-limits';

function issuesOf(f: () => unknown): { path: string; message: string }[] {
  try {
    f();
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues;
    throw e;
  }
  throw new Error('expected a ScenarioError');
}

const nestedJson = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

describe('JSON by content', () => {
  it('reads a .yaml file holding JSON as JSON, however deep the parser would have to go', () => {
    // 10,000 levels overflow the YAML parser's stack (~780); JSON.parse has none, and the depth check is a loop.
    const [issue] = issuesOf(() => parseScenarioText('['.repeat(10_000) + ']'.repeat(10_000), 'yaml'));
    expect(issue.path).toBe(`[0][0][0][0][0][0][0][0]… (${MAX_NESTING} levels)`);
    expect(issue.message).toMatch(/nested at most 64 levels deep/);
    expect(parseScenarioText('{"kind": "queueing", "n": [1, 2]}', 'yaml')).toEqual({ kind: 'queueing', n: [1, 2] });
  });

  it('accepts 64 levels and refuses 65 at the path of the 65th', () => {
    expect(() => parseScenarioText(nestedJson(MAX_NESTING), 'json')).not.toThrow();
    const [issue] = issuesOf(() => parseScenarioText(nestedJson(MAX_NESTING + 1), 'json'));
    expect(issue.path).toBe(`a.a.a.a.a.a.a.a… (${MAX_NESTING} levels)`);
  });

  it('still reads YAML flow style in a .yaml file', () => {
    expect(parseScenarioText('{ kind: queueing, stations: [a, b] }', 'yaml')).toEqual({ kind: 'queueing', stations: ['a', 'b'] });
  });

  it('reports a JSON syntax error once, with line and column', () => {
    const [issue] = issuesOf(() => parseScenarioText('{\n  "a": 1,\n}', 'json'));
    expect(issue).toEqual({ path: '(file)', message: expect.stringMatching(/^expected valid JSON at line 3, column 1: /) });
    expect(issue.message).not.toMatch(/position|\(line/);
  });
});

describe('YAML limits', () => {
  const bomb = (levels: number) => {
    const lines = ['l0: &l0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < levels; i++) lines.push(`l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`);
    return lines.join('\n');
  };

  it('refuses an alias bomb at the alias that crosses the value limit, without expanding it', () => {
    // 9 levels of 9 references: 9^9 ≈ 387 M values if expanded.
    const [issue] = issuesOf(() => parseScenarioText(bomb(9), 'yaml'));
    // Level k expands to 1 + 9·size(k−1) values (10, 91, 820, 7,381, 66,430, 597,871): the root and l0…l5 hold
    // 672,604, so the first *l5 inside l6 brings the total to 1,270,476, past the limit.
    expect(issue.path).toBe('l6[0]');
    expect(issue.message).toContain('*l5 (597,871 values each time)');
    expect(issue.message).toContain(MAX_VALUES.toLocaleString('en-US'));
  });

  it('keeps honest aliases', () => {
    expect(parseScenarioText('d: &d { dist: exponential, mean: 3 }\na: *d\nb: *d\n', 'yaml')).toEqual({
      d: { dist: 'exponential', mean: 3 }, a: { dist: 'exponential', mean: 3 }, b: { dist: 'exponential', mean: 3 },
    });
  });

  it('names the path of deep block nesting, and refuses cycles and non-text keys', () => {
    const deep = Array.from({ length: 70 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' 1';
    expect(issuesOf(() => parseScenarioText(deep, 'yaml'))[0].path).toBe(`k0.k1.k2.k3.k4.k5.k6.k7… (${MAX_NESTING} levels)`);
    expect(issuesOf(() => parseScenarioText('a: &a [1, *a]', 'yaml'))[0]).toEqual({ path: 'a[1]', message: expect.stringMatching(/cycle/) });
    expect(issuesOf(() => parseScenarioText('? [a, b]\n: 1', 'yaml'))[0].message).toMatch(/field names that are plain text/);
  });

  it('reports flow nesting beyond the parser with its line and column', () => {
    const [issue] = issuesOf(() => parseScenarioText(`a: ${'['.repeat(5000)}${']'.repeat(5000)}`, 'yaml'));
    expect(issue.path).toBe('(file)');
    expect(issue.message).toMatch(/nested at most 64 levels deep, got deeper nesting at line 1, column \d+/);
  });

  it('keeps __proto__ as a plain field (refused later as unknown), never as a prototype', () => {
    const v = parseScenarioText('__proto__: { polluted: true }\nkind: queueing\n', 'yaml') as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(['__proto__', 'kind']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses text over the size limit before parsing it', () => {
    const [issue] = issuesOf(() => parseScenarioText(`a: "${'x'.repeat(MAX_SCENARIO_BYTES)}"`, 'yaml'));
    expect(issue.message).toMatch(/at most 5 MB/);
  });
});

describe('bytes to text', () => {
  const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

  it('decodes UTF-8 exactly as Node does, dropping a byte-order mark', () => {
    const s = 'name: Zürich — 東京 😀\n';
    expect(decodeScenarioBytes(utf8(s))).toBe(s);
    expect(decodeScenarioBytes(utf8('\uFEFFkind: queueing'))).toBe('kind: queueing');
  });

  it.each([
    ['a lone continuation byte', [0x61, 0x80, 0x62], 1],
    ['an overlong slash', [0x61, 0xc0, 0xaf], 1],
    ['a surrogate', [0xed, 0xa0, 0x80], 0],
    ['a truncated sequence', [0x61, 0x62, 0xe6, 0x9d], 2],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
  ])('names the offset of %s', (_name, bytes, offset) => {
    expect(firstInvalidUtf8(new Uint8Array(bytes))).toBe(offset);
    const [issue] = issuesOf(() => decodeScenarioBytes(new Uint8Array(bytes)));
    expect(issue.message).toContain(`at byte ${offset}`);
  });

  it('refuses a file over 5 MB without decoding it', () => {
    const [issue] = issuesOf(() => decodeScenarioBytes(new Uint8Array(MAX_SCENARIO_BYTES + 1)));
    expect(issue.message).toBe('expected a scenario file of at most 5.0 MB, got 5.0 MB');
  });
});
