// The mechanics of building the preview network: stations created on first use and keyed as the runtime names
// its resources, host CPU (divided by cpu_speed), disk and NIC models, round trips, and the pure delays per
// scope level. Demands in ms per user request.

import { compileDistribution, type DistributionSpec } from '../../kernel/distributions';
import { diskModel } from '../runtime/disk-profiles';
import type { WebStackScenario } from '../schema';
import type { HostSpec } from '../schema/hardware';
import type { PreviewStation, StationKind } from './network';

const meanCache = new WeakMap<object, number>();

/** The mean of a demand distribution (0 when there is none), compiled once per spec. */
export function meanOf(spec: DistributionSpec | undefined): number {
  if (!spec) return 0;
  let m = meanCache.get(spec);
  if (m === undefined) {
    m = compileDistribution(spec).mean;
    meanCache.set(spec, m);
  }
  return m;
}

export class NetworkBuilder {
  readonly stations = new Map<string, PreviewStation>();
  /** Pure delays per user request by scope level 0..3, ms. */
  readonly delays: [number, number, number, number] = [0, 0, 0, 0];
  private readonly hosts: Map<string, HostSpec>;

  constructor(private readonly s: WebStackScenario) {
    this.hosts = new Map(s.hosts.map((h) => [h.name, h]));
  }

  host(name: string): HostSpec {
    return this.hosts.get(name)!;
  }

  station(key: string, kind: StationKind, servers: number, available = 1): PreviewStation {
    let st = this.stations.get(key);
    if (!st) {
      st = { key, kind, servers, demand: [0, 0, 0, 0], shadow: 0, available };
      this.stations.set(key, st);
    }
    return st;
  }

  cpu(host: string): PreviewStation {
    const h = this.host(host);
    return this.station(`${host}.cpu`, 'multiserver', h.vcpus, 1 - h.background_cpu);
  }

  speed(host: string): number {
    return this.host(host).cpu_speed;
  }

  disk(host: string): { st: PreviewStation; service: number } {
    const d = diskModel(this.host(host).disk);
    return { st: this.station(`${host}.disk`, 'multiserver', d.servers), service: d.service_ms };
  }

  nic(host: string): PreviewStation {
    return this.station(`${host}.nic`, 'queue', 1);
  }

  bytesPerMs(host: string): number {
    return (this.host(host).nic_gbps * 1e9) / 8 / 1000;
  }

  rtt(a: string, b: string): number {
    const net = this.s.network;
    return a === b ? net.same_host_rtt_ms : net.cross_host_rtt_ms;
  }
}
