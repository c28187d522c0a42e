// One simulation of a web-stack scenario: the simulator, the random streams, the components, the request flow
// and the clients, wired together; plus the list of every time average to checkpoint at segment boundaries.

import { compileDistribution } from '../../kernel/distributions';
import { createRng } from '../../kernel/prng';
import { Simulator } from '../../kernel/simulator';
import type { CounterCheckpoints } from '../../metrics/counter-checkpoints';
import { OutputAnalyzer } from '../../metrics/output-analyzer';
import type { RunCaps } from '../../run/run-limits';
import type { TimeAverage } from '../../metrics/time-average';
import type { WebStackScenario } from '../schema';
import { Attempts, UserRequests } from './attempts';
import { Client } from './client';
import { makeCounters } from './counters';
import { makeClients } from './dispatch';
import type { EffectiveLoad } from './load';
import { RequestFlow } from './request-flow';
import { buildParts, type StackParts } from './stack-parts';

export class WebStackModel {
  readonly sim: Simulator;
  readonly analyzer = new OutputAnalyzer();
  readonly classAnalyzers: OutputAnalyzer[];
  readonly counters: CounterCheckpoints;
  readonly at: Attempts;
  readonly ur: UserRequests;
  readonly parts: StackParts;
  readonly flow: RequestFlow;
  readonly client: Client;
  readonly levels: TimeAverage[];

  /** caps: the run's memory caps (run/run-limits.ts); reaching one stops the run with 'memory_cap'. */
  constructor(readonly s: WebStackScenario, readonly load: EffectiveLoad, seed: number, caps?: RunCaps) {
    this.sim = new Simulator(caps?.events);
    this.at = new Attempts(caps?.entities);
    this.ur = new UserRequests(caps && (load.type === 'closed' ? load.users : caps.entities));
    const root = createRng(seed);
    const clientRng = root.fork();
    const flowRng = root.fork();
    this.classAnalyzers = s.workload.classes.map(() => new OutputAnalyzer());
    this.counters = makeCounters(s.workload.classes.map((c) => c.name));
    let flowRef: RequestFlow | undefined;
    const sink = {
      onResourceDone: (k: number, e: number, i: number) => flowRef!.onResourceDone(k, e),
      onResourceDropped: (k: number, e: number, i: number, c: 'queue_full' | 'timeout') => flowRef!.onResourceDropped(k, e, i, c),
    };
    const clients = makeClients(sink);
    this.parts = buildParts(s, this.sim, this.at, clients);
    this.flow = new RequestFlow(this.sim, s, this.at, this.parts, flowRng, this.counters);
    flowRef = this.flow;
    const l = s.workload.load;
    const think = l.type === 'open' ? undefined : compileDistribution(l.think_ms);
    this.client = new Client(this.sim, this.flow, this.at, this.ur, load, s.workload, think, clientRng, this.analyzer, this.classAnalyzers, this.counters);
    this.flow.client = this.client;
    const p = this.parts;
    this.levels = [
      this.client.inSystem,
      ...p.hosts.flatMap((h) => h.levels()),
      ...(p.nginx ? [p.nginx.connections.level] : []),
      ...p.app.levels(),
      ...p.gils.levels(),
      ...(p.pools ? p.pools.levels() : []),
      ...(p.pgb ? p.pgb.levels() : []),
      ...(p.db ? p.db.levels() : []),
      ...(p.redis ? p.redis.levels() : []),
      ...(p.celery ? p.celery.levels() : []),
    ];
    this.flow.checkpointHook = () => {
      const now = this.sim.now;
      for (const l of this.levels) l.checkpoint(now);
      this.counters.checkpoint(now);
    };
    this.client.start();
  }
}
