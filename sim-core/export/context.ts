// Shared state of one export: the scenario, the target and its versions, where each process listens, and the
// warnings collected per file. Pure (no Node): the CLI and the renderer both call it.

import type { HostSpec } from '../web-stack/schema/hardware';
import type { WebStackScenario } from '../web-stack/schema/web-stack-schema';

export type ExportTarget = 'bare' | 'compose' | 'k8s';
export const exportTargets: readonly ExportTarget[] = ['bare', 'compose', 'k8s'];

/**
 * Versions of the servers the files are written for. nginx '1.29' means 1.29.7 or newer (upstream keepalive and
 * HTTP/1.1 to the upstream on by default); PgBouncer '1.21' means 1.21 or newer (max_prepared_statements).
 */
export interface TargetVersions {
  nginx: '1.22' | '1.29';
  postgresql: '15' | '16' | '18';
  pgbouncer: '1.18' | '1.21';
  gunicorn: '20' | '23';
  kubernetes: '1.27' | '1.30';
}

/** Debian 12 (bookworm): nginx 1.22.1, PostgreSQL 15, PgBouncer 1.18.0, Gunicorn 20.1.0; Kubernetes 1.27 API level. */
export const DEFAULT_VERSIONS: TargetVersions = { nginx: '1.22', postgresql: '15', pgbouncer: '1.18', gunicorn: '20', kubernetes: '1.27' };

export const versionChoices: { [K in keyof TargetVersions]: readonly TargetVersions[K][] } = {
  nginx: ['1.22', '1.29'],
  postgresql: ['15', '16', '18'],
  pgbouncer: ['1.18', '1.21'],
  gunicorn: ['20', '23'],
  kubernetes: ['1.27', '1.30'],
};

export interface SimulatedResult {
  p95_ms: number;
  throughput_rps: number;
  users?: number;
}

export interface ExportOptions {
  target: ExportTarget;
  versions?: Partial<TargetVersions>;
  simulated?: SimulatedResult;
}

export interface ExportResult {
  files: Record<string, string>;
  warnings: string[];
}

export interface Endpoint {
  /** Host name (bare: the scenario's host; compose/k8s: the service name). */
  address: string;
  port: number;
}

export interface AppInstance extends Endpoint {
  /** compose service / systemd instance name, e.g. app1. */
  name: string;
  /** The scenario host it was simulated on. */
  host: string;
}

export const PORTS = { app: 8000, pgbouncer: 6432, postgresql: 5432, mysql: 3306, mongodb: 27017, redis: 6379, nginx: 80 } as const;

export class ExportContext {
  readonly versions: TargetVersions;
  private readonly perFile = new Map<string, string[]>();
  private readonly all: string[] = [];

  constructor(readonly s: WebStackScenario, readonly target: ExportTarget, versions: Partial<TargetVersions> = {}, readonly simulated?: SimulatedResult) {
    this.versions = { ...DEFAULT_VERSIONS, ...versions };
  }

  host(name: string): HostSpec {
    const h = this.s.hosts.find((x) => x.name === name);
    if (!h) throw new Error(`unknown host "${name}"`);
    return h;
  }

  /** Records a warning for the result and a `# WARNING:` line in each named file. */
  warn(files: string[], message: string): void {
    if (!this.all.includes(message)) this.all.push(message);
    for (const f of files) {
      const list = this.perFile.get(f) ?? [];
      if (!list.includes(message)) list.push(message);
      this.perFile.set(f, list);
    }
  }

  warningsFor(file: string): string[] {
    return this.perFile.get(file) ?? [];
  }

  get warnings(): string[] {
    return [...this.all];
  }

  /** App instances with the address nginx reaches them at. Bare: several instances on one host get 8000, 8001, … */
  appInstances(): AppInstance[] {
    const perHost = new Map<string, number>();
    return this.s.app.instances.map((inst, i) => {
      const k = perHost.get(inst.host) ?? 0;
      perHost.set(inst.host, k + 1);
      const name = `app${i + 1}`;
      if (this.target === 'bare') return { name, host: inst.host, address: inst.host, port: PORTS.app + k };
      if (this.target === 'compose') return { name, host: inst.host, address: name, port: PORTS.app };
      return { name, host: inst.host, address: 'app', port: PORTS.app };
    });
  }

  dbPort(): number {
    const e = this.s.database?.engine ?? 'postgresql';
    return PORTS[e];
  }

  /** Where the application connects for its database: PgBouncer when present, else the database. */
  dbEndpoint(): Endpoint {
    if (this.s.pgbouncer) return { address: this.target === 'bare' ? this.s.pgbouncer.host : 'pgbouncer', port: PORTS.pgbouncer };
    return { address: this.target === 'bare' ? (this.s.database?.host ?? 'localhost') : 'db', port: this.dbPort() };
  }

  redisEndpoint(): Endpoint {
    return { address: this.target === 'bare' ? (this.s.redis?.host ?? 'localhost') : 'redis', port: PORTS.redis };
  }
}
