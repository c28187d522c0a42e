// Every scenario file in scenarios/ loads and validates; every tier of every source document has its file; the
// web-stack scenarios carry their claims, assumptions and source; and the tiers of one document share their
// modelling assumptions (same `about` ⇒ same `value`), so that comparing tiers compares the deployments only.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../../sim-core/scenario/parse-scenario';
import { formatFromName, parseScenarioText } from '../../sim-core/schema/scenario-text';
import { ScenarioError } from '../../sim-core/schema/schema-errors';
import type { WebStackScenario } from '../../sim-core/web-stack/schema/web-stack-schema';

const root = resolve(__dirname, '../..');
const scenariosDir = join(root, 'scenarios');
/** Pricing catalogs and exported JSON Schemas are data of other kinds, not scenarios. */
const EXCLUDED = new Set(['pricing', 'schema']);

function scenarioFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (dir === scenariosDir && EXCLUDED.has(name)) continue;
      out.push(...scenarioFiles(path));
    } else if (/\.(ya?ml|json)$/i.test(name) && !/\.schema\.json$/i.test(name)) {
      out.push(path);
    }
  }
  return out;
}

function load(path: string): Scenario {
  return parseScenario(parseScenarioText(readFileSync(path, 'utf8'), formatFromName(path)));
}

const files = scenarioFiles(scenariosDir);
const rel = (path: string) => relative(scenariosDir, path).split(sep).join('/');

/** One file per tier of every source document (shared/seeds/). */
const TIERS: Record<string, string[]> = {
  gamesbazaar: [
    'basic-production', 'high-traffic', 'cost-1-small-business', 'cost-2-growing-startup',
    'cost-3-established-platform', 'cost-4-enterprise',
  ],
  fastapi: ['standard', 'production', 'enterprise'],
  darra: ['phase-1-mysql', 'phase-1-postgresql', 'phase-2-mysql', 'phase-2-postgresql', 'phase-3-mysql', 'phase-3-postgresql'],
  'ultra-scalability': ['single-instance', 'four-instances'],
  'exam-portal': ['before', 'after'],
};

describe('scenario files', () => {
  it('finds scenario files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    it(`${rel(file)} parses and validates`, () => {
      let issues: string[] = [];
      try {
        load(file);
      } catch (e) {
        if (!(e instanceof ScenarioError)) throw e;
        issues = e.issues.map((i) => `${i.path}: ${i.message}`);
      }
      expect(issues).toEqual([]);
    });
  }
});

describe('document tiers', () => {
  const present = new Set(files.map(rel));
  for (const [doc, tiers] of Object.entries(TIERS)) {
    for (const tier of tiers) {
      it(`${doc}/${tier} exists`, () => {
        const found = ['yaml', 'yml', 'json'].some((ext) => present.has(`${doc}/${tier}.${ext}`));
        expect(found, `expected scenarios/${doc}/${tier}.yaml`).toBe(true);
      });
    }
  }
});

const webStack: { file: string; folder: string; scenario: WebStackScenario }[] = [];
for (const file of files) {
  try {
    const s = load(file);
    // scenarios/reference/ holds workload profiles for `capsim size`, not tiers of a source document.
    if (s.kind === 'web-stack' && !rel(file).startsWith('reference/')) webStack.push({ file: rel(file), folder: rel(file).split('/')[0], scenario: s });
  } catch {
    // reported by the validation test above
  }
}

describe('web-stack scenarios', () => {
  for (const { file, scenario } of webStack) {
    it(`${file} has a source, claims and assumptions`, () => {
      expect(scenario.source, 'source { document, tier, group }').toBeDefined();
      expect(scenario.source?.document).toMatch(/\.md$/);
      expect(scenario.claims.length).toBeGreaterThanOrEqual(1);
      expect(scenario.assumptions.length).toBeGreaterThanOrEqual(3);
      const ids = scenario.claims.map((c) => c.id);
      expect(new Set(ids).size, 'claim ids are unique').toBe(ids.length);
      for (const c of scenario.claims) {
        if (c.min !== undefined && c.max !== undefined) expect(c.min, `claim ${c.id}: min ≤ max`).toBeLessThanOrEqual(c.max);
      }
    });
  }

  it('every document folder is one source document', () => {
    const docs = new Map<string, Set<string>>();
    for (const { folder, scenario } of webStack) {
      if (!docs.has(folder)) docs.set(folder, new Set());
      if (scenario.source) docs.get(folder)!.add(scenario.source.document);
    }
    for (const [folder, names] of docs) expect([...names], folder).toHaveLength(1);
  });

  const folders = [...new Set(webStack.map((w) => w.folder))];
  for (const folder of folders) {
    it(`${folder}: the tiers share the same value for every assumption they share (fair comparison)`, () => {
      const seen = new Map<string, { value: string | number; file: string }>();
      const conflicts: string[] = [];
      for (const { file, folder: f, scenario } of webStack) {
        if (f !== folder) continue;
        for (const a of scenario.assumptions) {
          if (a.source !== 'assumption') continue;
          const prev = seen.get(a.about);
          if (!prev) seen.set(a.about, { value: a.value, file });
          else if (prev.value !== a.value) conflicts.push(`"${a.about}": ${JSON.stringify(prev.value)} in ${prev.file}, ${JSON.stringify(a.value)} in ${file}`);
        }
      }
      expect(conflicts).toEqual([]);
    });
  }

  for (const folder of folders) {
    it(`${folder}: the tiers share the think time and the app CPU of each request class`, () => {
      const tiers = webStack.filter((w) => w.folder === folder);
      const think = new Set(tiers.map((w) => { const load = w.scenario.workload.load; return JSON.stringify('think_ms' in load ? load.think_ms : null); }));
      expect([...think], 'workload.load.think_ms').toHaveLength(1);
      const cpu = new Map<string, { value: string; file: string }>();
      const conflicts: string[] = [];
      for (const { file, scenario } of tiers) {
        for (const c of scenario.workload.classes) {
          if (c.static || !c.app_cpu_ms) continue;
          const value = JSON.stringify(c.app_cpu_ms);
          const prev = cpu.get(c.name);
          if (!prev) cpu.set(c.name, { value, file });
          else if (prev.value !== value && !/static/.test(c.name)) conflicts.push(`${c.name}.app_cpu_ms: ${prev.value} in ${prev.file}, ${value} in ${file}`);
        }
      }
      expect(conflicts).toEqual([]);
    });
  }
});
