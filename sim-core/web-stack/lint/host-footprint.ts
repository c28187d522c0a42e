// What each process placed on a host keeps resident, MB, item by item with its formula, at the worst the
// settings allow (every greenlet or task alive, every connection the clients can open) because that is the
// moment the OOM killer chooses. The footprints themselves are derived/memory-footprints.ts (the simulated RAM
// budget and the export's limits use the same); this groups them per host under the keys findings name.

import { memoryFootprints, type Footprint } from '../derived/memory-footprints';
import type { WebStackScenario } from '../schema/web-stack-schema';

export interface FootprintItem {
  /** Key in the finding's numbers, e.g. 'app_mb'. */
  key: string;
  mb: number;
  /** How it was computed, e.g. "4 workers × 300 MB" ('' when it is the setting itself). */
  formula: string;
}

export interface HostFootprint {
  host: string;
  index: number;
  ram: number;
  items: FootprintItem[];
  total: number;
  /** work_mem × the connections of a PostgreSQL/MySQL server on the host (0 when none): not in total. */
  workMemWorst: number;
}

function keyOf(f: Footprint): string {
  if (f.component === 'app') return f.name.endsWith('.connections') ? 'app_connections_mb' : 'app_mb';
  if (f.component === 'database') return f.name === 'database' ? 'database_mb' : 'database_replica_mb';
  return `${f.component}_mb`;
}

/** "4 instances × 8 workers × 300 MB" for four alike footprints, else their formulas added up. */
function groupFormula(formulas: string[]): string {
  if (formulas.length > 1 && formulas.every((f) => f === formulas[0])) return `${formulas.length} instances × ${formulas[0]}`;
  return formulas.join(' + ');
}

export function hostFootprints(s: WebStackScenario): HostFootprint[] {
  return s.hosts.map((h, index) => {
    const here = memoryFootprints(s).filter((f) => f.host === h.name);
    const keys = [...new Set(here.map(keyOf))];
    const items: FootprintItem[] = keys.map((key) => {
      const of = here.filter((f) => keyOf(f) === key);
      return { key, mb: of.reduce((a, f) => a + f.mb, 0), formula: groupFormula(of.map((f) => f.formula)) };
    });
    items.push({ key: 'os_reserved_mb', mb: h.os_reserved, formula: '' });
    const workMemWorst = here.reduce((a, f) => a + (f.work_mem_worst_mb ?? 0), 0);
    return { host: h.name, index, ram: h.ram, items, total: items.reduce((a, i) => a + i.mb, 0), workMemWorst };
  });
}
