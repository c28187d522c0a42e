// The whole-scenario check: the memory estimate stands on re-measured costs, a scenario over its memory or event
// limit is refused at the field with the numbers, and a run that outgrows its budget stops at the cap — with its
// resident memory measured below the budget — instead of exhausting the machine.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BYTES, CLOSED_USER_BYTES } from '../../../sim-core/kernel/memory-costs';
import { parseScenario } from '../../../sim-core/scenario/parse-scenario';
import { checkRunLimits, estimateRun } from '../../../sim-core/scenario/run-limits';
import { runScenario } from '../../../sim-core/scenario/run-scenario';
import { ScenarioError } from '../../../sim-core/schema/schema-errors';
import type { WebStackScenario } from '../../../sim-core/web-stack/schema/web-stack-schema';

const script = fileURLToPath(new URL('./measure-memory.ts', import.meta.url));
const measure = (arg: object) => JSON.parse(execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', script], { input: JSON.stringify(arg), encoding: 'utf8', timeout: 120_000 }));

const web = (patch: (s: any) => void = () => {}) => {
  const s: any = {
    kind: 'web-stack', schema_version: 1, name: 'm',
    hosts: [{ name: 'h', vcpus: 8, ram: '1000GB' }],
    app: { server: 'gunicorn', worker_class: 'sync', instances: [{ host: 'h' }], workers: 4, db_access: 'none' },
    workload: { load: { type: 'closed', users: 1, think_ms: { dist: 'exponential', mean: 1e9 } }, classes: [{ name: 'a', share: 1, app_cpu_ms: { dist: 'exponential', mean: 1 } }] },
  };
  patch(s);
  return s;
};

function refusal(f: () => unknown) {
  try {
    f();
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('memory costs, re-measured (heap + array buffers after GC, per item)', () => {
  const per = (n: number, big: object, small: object) => (measure({ mode: 'build', scenario: big }).bytes - measure({ mode: 'build', scenario: small }).bytes) / n;

  it.each([
    ['worker process', BYTES.process, 50_000, (s: any) => (s.app.workers = 50_004), (s: any) => (s.app.workers = 4)],
    ['app instance', BYTES.instance, 10_000, (s: any) => (s.app.instances = Array.from({ length: 10_001 }, () => ({ host: 'h' }))), () => {}],
    ['host', BYTES.host, 10_000, (s: any) => (s.hosts = [s.hosts[0], ...Array.from({ length: 10_000 }, (_, i) => ({ name: `x${i}`, vcpus: 1, ram: 1024 }))]), () => {}],
    ['closed user', CLOSED_USER_BYTES, 2_000_000, (s: any) => (s.workload.load.users = 2_000_001), () => {}],
  ])('a %s costs what memory-costs.ts says, within 25 %', (_what, claimed, n, big, small) => {
    const measured = per(n, web(big), web(small));
    // Closed users land in doubling arrays: 2,000,001 users fill 2^21 = 2,097,152 slots (4.9 % slack).
    expect(measured / claimed).toBeGreaterThan(0.75);
    expect(measured / claimed).toBeLessThan(1.25);
  }, 240_000);
});

describe('refusals before the run', () => {
  it('refuses 50 M closed users at the default 2 GB budget, naming the users and the numbers', () => {
    const s = web((x) => (x.workload.load.users = 50_000_000));
    const [issue] = refusal(() => parseScenario(s));
    expect(issue.path).toBe('workload.load.users');
    // 50 M × 36 B × 1.5 (pool) + 2^26 calendar slots × 44 B × 1.5 = 2.5 GiB + 4.1 GiB.
    const users = (50e6 * 36 * 1.5 + 2 ** 26 * 44 * 1.5) / 2 ** 30;
    expect(issue.message).toContain(`50,000,000 users ≈ ${users.toFixed(1)} GB`);
    expect(issue.message).toMatch(/^expected a scenario that fits the run's memory limit \(run\.max_memory_mb = 2,048 MB\), got ≈ 6\.\d GB/);
    expect(() => parseScenario(web((x) => { x.workload.load.users = 50_000_000; x.run = { max_memory_mb: 8192 }; }))).not.toThrow();
  });

  it('refuses a load the event cap cannot simulate for three think times, with the events per second', () => {
    // 10 M users, think 1 s + 1 ms of CPU: ≤ 10^7 / 1.001 s ≈ 9.99 M req/s, but 8 cores at 1 ms serve only 8,000/s:
    // 8,000 × 4 events + (9.99 M − 8,000) × 3 refused ≈ 30 M events/s; 60 M events cover 2 s < 3 s.
    const s = web((x) => { x.workload.load.users = 10_000_000; x.workload.load.think_ms.mean = 1000; x.app.workers = 8; });
    const [issue] = refusal(() => parseScenario(s));
    expect(issue.path).toBe('workload.load.users');
    const offered = 1e7 / 1.001;
    const expected = 8000 * 4 + (offered - 8000) * 3;
    expect(issue.message).toContain(`≈ ${Math.round(expected).toLocaleString('en-US')} events per simulated second`);
    expect(issue.message).toMatch(/covers only ≈ 2\.0 s; lower the load or raise run\.max_events to ≥ 90,000,000$/);
  });

  it('checks an overridden load too (capsim run --users, the app\'s load slider)', () => {
    const s = parseScenario(web()) as WebStackScenario;
    expect(() => checkRunLimits(s, { users: 1_000 })).not.toThrow();
    expect(() => runScenario(s, { users: 60_000_000 })).toThrow(/fits the run's memory limit/);
  });

  it('gives a run in budget its caps: what the budget leaves, in requests of 478 B at the 1.5× growth peak', () => {
    const s = parseScenario(web((x) => (x.run = { max_memory_mb: 256 }))) as WebStackScenario;
    const e = estimateRun(s);
    const fixed = e.memory_bytes - e.parts.find((p) => p.what.startsWith('room for'))!.bytes;
    expect(e.caps.entities).toBe(Math.floor((256 * 2 ** 20 - fixed) / (478 * 1.5)));
  });
});

describe('the cap during a run', () => {
  // Uvicorn without --limit-concurrency takes every request: at 200,000 req/s into two cores the requests in
  // flight grow without bound — the case that used to end in the OOM killer.
  const overload = (mb: number) => web((x) => {
    x.hosts[0].vcpus = 2;
    x.app = { server: 'uvicorn', worker_class: 'uvicorn', instances: [{ host: 'h' }], workers: 2, db_access: 'none' };
    x.workload.load = { type: 'open', rate_per_s: 200_000 };
    x.workload.classes[0].app_cpu_ms.mean = 5;
    x.run = { max_memory_mb: mb, duration_s: 600 };
  });

  it.each([128, 512])('stops an overloaded run at the cap of a %i MB budget, its resident memory rising less than that', (mb) => {
    const r = measure({ mode: 'run', scenario: overload(mb) });
    expect(r.stop).toBe('memory_cap');
    expect(r.warnings[0]).toMatch(new RegExp(`^stopped at the memory cap after [\\d.]+ s simulated: ${r.estimate.entities.toLocaleString('en-US')} requests were in the system at once, all that run.max_memory_mb = ${mb} MB leaves room for`));
    expect(r.peak).toBeLessThan(mb * 2 ** 20);
    expect(r.peak).toBeGreaterThan(0.2 * mb * 2 ** 20);
  }, 120_000);
});
