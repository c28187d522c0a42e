// The scenarios bundled into the app at build time (scenarios/**, except pricing catalogs and JSON schemas),
// parsed once, grouped by source document and ordered so a document's tiers run from smallest to largest.

import { parseScenario, type Scenario } from '../../../sim-core/index';
import { parseScenarioText, formatFromName, type ScenarioFormat } from '../../../sim-core/index';
import { ScenarioError, type ScenarioIssue } from '../../../sim-core/index';
import { ownLoad, totalVcpus } from './scenario-facts';

const files = import.meta.glob(['../../../scenarios/**/*.{yaml,yml,json}', '!../../../scenarios/pricing/**', '!../../../scenarios/schema/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export interface LibraryEntry {
  id: string;
  /** Path under scenarios/, e.g. "fastapi/small.yaml". */
  file: string;
  format: ScenarioFormat;
  text: string;
  /** The parsed value before defaults (what the editor edits and saves). */
  raw: unknown;
  scenario: Scenario | null;
  issues: ScenarioIssue[];
  document: string;
  tier: string;
  group?: string;
  name: string;
}

export interface DocumentGroup {
  /** Document and optional group, e.g. "fastapi" or "ultra-scalability · async". */
  key: string;
  document: string;
  group?: string;
  entries: LibraryEntry[];
}

/** Loads scenario text; never throws: a broken file carries its issues. */
export function loadEntry(file: string, text: string): LibraryEntry {
  const format = formatFromName(file);
  let raw: unknown = undefined;
  let scenario: Scenario | null = null;
  let issues: ScenarioIssue[] = [];
  try {
    raw = parseScenarioText(text, format);
    scenario = parseScenario(raw);
  } catch (e) {
    issues = e instanceof ScenarioError ? e.issues : [{ path: '(file)', message: (e as Error).message }];
  }
  const folder = file.includes('/') ? file.split('/')[0] : 'files';
  const src = scenario?.kind === 'web-stack' ? scenario.source : undefined;
  const base = file.split('/').pop()!.replace(/\.(ya?ml|json)$/i, '');
  return {
    id: file,
    file,
    format,
    text,
    raw,
    scenario,
    issues,
    document: src?.document ?? (folder === 'queueing' ? 'Queueing models' : folder),
    tier: src?.tier ?? base,
    group: src?.group,
    name: scenario?.name ?? base,
  };
}

function tierLoad(e: LibraryEntry): number {
  return e.scenario ? ownLoad(e.scenario).value : 0;
}

function tierSize(e: LibraryEntry): number {
  return e.scenario?.kind === 'web-stack' ? totalVcpus(e.scenario) : 0;
}

export const library: LibraryEntry[] = Object.entries(files)
  .map(([path, text]) => loadEntry(path.replace(/^(\.\.\/)+scenarios\//, ''), text))
  .sort((a, b) => a.file.localeCompare(b.file));

export function groupByDocument(entries: LibraryEntry[]): DocumentGroup[] {
  const groups = new Map<string, DocumentGroup>();
  for (const e of entries) {
    const key = e.group ? `${e.document} · ${e.group}` : e.document;
    if (!groups.has(key)) groups.set(key, { key, document: e.document, group: e.group, entries: [] });
    groups.get(key)!.entries.push(e);
  }
  for (const g of groups.values()) g.entries.sort((a, b) => tierLoad(a) - tierLoad(b) || tierSize(a) - tierSize(b) || a.file.localeCompare(b.file));
  return [...groups.values()].sort((a, b) => (a.document === 'Queueing models' ? 1 : 0) - (b.document === 'Queueing models' ? 1 : 0) || a.key.localeCompare(b.key));
}

export const documents = groupByDocument(library);

/** The tiers the drag slider moves through for an entry: its document group's runnable web-stack tiers. */
export function tiersOf(entryId: string | null): LibraryEntry[] {
  if (!entryId) return [];
  const g = documents.find((d) => d.entries.some((e) => e.id === entryId));
  if (!g) return [];
  // Tiers that differ in their database engine are alternatives, not steps: drag within the same engine.
  const engine = (e: LibraryEntry) => (e.scenario?.kind === 'web-stack' ? e.scenario.database?.engine ?? 'none' : 'queueing');
  const own = g.entries.find((e) => e.id === entryId)!;
  return g.entries.filter((e) => e.scenario?.kind === 'web-stack' && engine(e) === engine(own));
}
