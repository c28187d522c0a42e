// Child process of run-limits.test.ts (run with --expose-gc): builds or runs a scenario given as JSON on stdin
// and prints, as JSON, the heap + array-buffer bytes its model took, measured after full GCs; for a run, how far
// the process's peak resident memory rose above what it was before the run.
import { readFileSync } from 'node:fs';
import { parseScenario } from '../../../sim-core/scenario/parse-scenario';
import { runScenario } from '../../../sim-core/scenario/run-scenario';
import { estimateRun } from '../../../sim-core/scenario/run-limits';
import { effectiveLoad } from '../../../sim-core/web-stack/runtime/load';
import { WebStackModel } from '../../../sim-core/web-stack/runtime/web-stack-model';
import type { WebStackScenario } from '../../../sim-core/web-stack/schema/web-stack-schema';

const gc = (globalThis as { gc?: () => void }).gc!;
const used = () => {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

const { mode, scenario } = JSON.parse(readFileSync(0, 'utf8')) as { mode: 'build' | 'run'; scenario: unknown };
const s = parseScenario(scenario);
const before = used();
if (mode === 'build') {
  const w = s as WebStackScenario;
  const model = new WebStackModel(w, effectiveLoad(w), 1);
  const bytes = used() - before;
  console.log(JSON.stringify({ bytes, levels: model.levels.length }));
} else {
  const rss0 = process.resourceUsage().maxRSS * 1024;
  const r = runScenario(s);
  const peak = process.resourceUsage().maxRSS * 1024 - rss0;
  console.log(JSON.stringify({ peak, stop: r.stop_reason, warnings: r.warnings, simulated_s: r.simulated_s, estimate: estimateRun(s).caps }));
}
