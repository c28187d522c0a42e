// One question, one answer, whichever view asks it. A deployment is sized (api.size, as the Size tab and
// `capsim size` do), saved as a scenario file and opened again (api.validate, as the app and the CLI open files),
// run (api.run: the workspace's and `capsim run`'s number), priced (api.cost) and reported on (api.report): the
// same monthly cost, the same p95 and the same binding resource everywhere. And the report the app's worker
// builds (through the protocol's message handler) is the one `capsim report` builds (its loads simulated in
// worker threads and handed in): the same HTML for the same scenario and seed.

import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadCatalogs } from '../cli/catalogs';
import { allResults, runInWorkers } from '../cli/sweep/worker-pool';
import { loadScenario } from '../cli/load-scenario';
import {
  cost, handleMessage, report, reportPlan, run, size, validate,
  type ApiContext, type FromWorker, type ReportArgs, type ReportOutput, type SweepPoint, type WebStackResult, type WebStackScenario,
} from '../sim-core/index';
import { repoPath } from '../cli/repo-paths';

const ctx: ApiContext = { catalogs: loadCatalogs(), clock: () => 0 };

/** What `capsim size --out` writes and the app saves: the scenario as YAML, then read back as a file is. */
function saveAndOpen(s: WebStackScenario): WebStackScenario {
  const text = stringify(JSON.parse(JSON.stringify(s)), { lineWidth: 0 });
  const v = validate({ text, format: 'yaml' });
  if (!v.ok || v.scenario.kind !== 'web-stack') throw new Error(`the sized scenario does not open: ${JSON.stringify(v)}`);
  return v.scenario;
}

/** The report as the app's Web Worker builds it: one request through the protocol's handler. */
function reportThroughWorker(args: ReportArgs): ReportOutput {
  let out: ReportOutput | undefined;
  const post = (m: FromWorker) => {
    if (m.kind === 'response') {
      if (!m.ok) throw new Error(m.error.message);
      out = m.result as ReportOutput;
    }
  };
  handleMessage({ kind: 'request', requestId: 1, name: 'report', args }, { post, context: ctx });
  return out!;
}

/** The report as `capsim report` builds it: the planned loads in worker threads, then the api with them. */
async function reportLikeCli(args: ReportArgs): Promise<ReportOutput> {
  const plan = reportPlan(args);
  const results = allResults(await runInWorkers(plan.loads.map((l) => ({ scenario: args.scenario, ...plan.length, ...l }))));
  const simulated: SweepPoint[] = plan.loads.map((l, i) => ({ ...l, result: results[i] }));
  return report({ ...args, simulated }, ctx);
}

describe('one answer per question across size, the opened scenario, cost and report', () => {
  const profile = loadScenario(repoPath('scenarios', 'reference', 'django-web-app.yaml')) as WebStackScenario;
  // 3,000 daily users: 3,000 × 1 session × 10 min / 1,440 × peak 3 = 63 concurrent users, a few seconds of sizing.
  const sized = size({ profile, target: { daily_users: 3000 }, slo: { p95_ms: 300, max_error_rate: 0.01 }, provider: 'digitalocean', headroom: 0.3, duration_s: 30 }, ctx);
  const rec = sized.recommended!;
  const opened = saveAndOpen(rec.scenario);
  const ran = run({ scenario: opened }, ctx) as WebStackResult;
  const priced = cost({ scenario: opened }, ctx)!;
  const args: ReportArgs = { scenario: opened, generated_at: '2026-12-04T00:00:00.000Z', generator: 'capsim test' };
  const reported = reportThroughWorker(args);

  it('sizes a deployment', () => {
    expect(rec).toBeDefined();
    expect(opened.run.duration_s).toBe(30);
  });

  it('the same monthly cost in size, cost and the report', () => {
    expect(priced.total_usd_per_month).toBe(rec.cost.total_usd_per_month);
    expect(reported.model.answer.monthly_usd).toBe(rec.cost.total_usd_per_month);
  });

  it('the same p95 and binding resource at the target in size, run and the report', () => {
    expect(ran.latency_ms.p95).toBe(rec.at_target.p95_ms);
    expect(reported.model.answer.p95_ms).toBe(rec.at_target.p95_ms);
    expect(ran.bottleneck.resource).toBe(rec.at_target.bottleneck.resource);
    expect(reported.model.answer.binding.resource).toBe(rec.at_target.bottleneck.resource);
  });

  it("the app's report and capsim report's are the same document", async () => {
    const cli = await reportLikeCli(args);
    expect(cli.html).toBe(reported.html);
    expect(cli.markdown).toBe(reported.markdown);
  }, 120_000);
});
