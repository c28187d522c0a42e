// A small web-stack scenario for the cost tests: hosts and placement as given, one or two request classes.

import { webStackSchema, type WebStackInput, type WebStackScenario } from '../../../sim-core/web-stack/schema';

type HostIn = WebStackInput['hosts'][number];

export function host(name: string, vcpus: number, ramGb: number, instance?: { provider: string; type: string }, diskGb?: number): HostIn {
  return { name, vcpus, ram: `${ramGb}GB`, ...(instance && { instance }), ...(diskGb !== undefined && { disk: { type: 'ssd', size_gb: diskGb } }) };
}

export function stack(hosts: HostIn[], appHosts: string[], extra: Partial<WebStackInput> = {}): WebStackScenario {
  const input: WebStackInput = {
    kind: 'web-stack',
    schema_version: 1,
    name: 'cost test',
    hosts,
    app: { server: 'gunicorn', worker_class: 'sync', instances: appHosts.map((h) => ({ host: h })), workers: 3, db_access: 'none' },
    workload: {
      load: { type: 'open', rate_per_s: 100 },
      classes: [{ name: 'api', share: 1, app_cpu_ms: { dist: 'exponential', mean: 10 }, response_kb: 10 }],
    },
    ...extra,
  };
  return webStackSchema.parse(input);
}

/** Bytes per second that make `tb` TB (10^12 bytes) in a 2.628e6 s month. */
export const bytesPerSecondFor = (tb: number) => (tb * 1e12) / 2.628e6;
