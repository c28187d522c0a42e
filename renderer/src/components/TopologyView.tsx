// The topology picture: clients → CDN → nginx → app instances → pools → database / cache / workers, each box
// coloured by the utilisation of its resources in the latest result (or the analytic preview), with its host.

import { memo } from 'react';
import type { Scenario } from '../../../sim-core/index';
import { utilColor } from '../charts/chart-colors';
import { pct } from '../charts/format';

interface Box {
  id: string;
  title: string;
  sub: string;
  col: number;
  util?: number;
  hostCpu?: number;
}

const W = 150;
const H = 50;
const COL_X = [10, 170, 330, 500, 670];

/** Busiest utilisation among resources whose name contains one of the needles. */
function utilFor(util: Record<string, number>, needles: string[]): number | undefined {
  let best: number | undefined;
  for (const [k, u] of Object.entries(util)) {
    const key = k.toLowerCase();
    if (needles.some((n) => key.includes(n.toLowerCase())) && Number.isFinite(u)) best = best === undefined ? u : Math.max(best, u);
  }
  return best;
}

function hostCpu(util: Record<string, number>, host: string): number | undefined {
  return util[`${host}.cpu`] ?? util[`${host}/cpu`] ?? util[`cpu:${host}`];
}

function boxesOf(s: Scenario, util: Record<string, number>): { boxes: Box[]; edges: [string, string][] } {
  const boxes: Box[] = [];
  const edges: [string, string][] = [];
  if (s.kind === 'queueing') {
    boxes.push({ id: 'clients', title: 'Clients', sub: s.workload.type === 'closed' ? `${s.workload.users} users` : `${s.workload.rate_per_s ?? '?'} req/s`, col: 0 });
    s.stations.forEach((st, i) => {
      boxes.push({ id: `st${i}`, title: st.name, sub: `${st.servers} server${st.servers === 1 ? '' : 's'} · ${st.discipline}`, col: Math.min(4, i + 1), util: util[st.name] });
      edges.push([i === 0 ? 'clients' : `st${i - 1}`, `st${i}`]);
    });
    return { boxes, edges };
  }
  const load = s.workload.load;
  boxes.push({ id: 'clients', title: 'Clients', sub: load.type === 'open' ? `${load.rate_per_s} req/s` : load.type === 'closed' ? `${load.users.toLocaleString('en-US')} users` : `${load.daily_active_users.toLocaleString('en-US')} DAU`, col: 0 });
  let front = 'clients';
  if (s.nginx) {
    boxes.push({ id: 'nginx', title: 'nginx', sub: `${s.nginx.worker_processes} × ${s.nginx.worker_connections} conns · ${s.nginx.host}`, col: 1, util: utilFor(util, ['nginx']), hostCpu: hostCpu(util, s.nginx.host) });
    edges.push(['clients', 'nginx']);
    front = 'nginx';
  }
  const per = s.app.worker_class === 'gthread' ? ` × ${s.app.threads} thr` : s.app.worker_class === 'gevent' ? ` × ${s.app.worker_connections} gl` : '';
  s.app.instances.forEach((inst, i) => {
    const id = `app${i}`;
    boxes.push({ id, title: `${s.app.server} ${i + 1}`, sub: `${s.app.workers} ${s.app.worker_class}${per} · ${inst.host}`, col: 2, util: utilFor(util, [`app[${i}]`, `app${i}`, `app-${i}`, `app.${i}`]) ?? utilFor(util, ['app', 'worker']), hostCpu: hostCpu(util, inst.host) });
    edges.push([front, id]);
  });
  const pool = s.pgbouncer
    ? { id: 'pool', title: 'PgBouncer', sub: `${s.pgbouncer.pool_mode} · pool ${s.pgbouncer.default_pool_size} · ${s.pgbouncer.host}`, util: utilFor(util, ['pgbouncer']) }
    : s.app.sqlalchemy && s.app.db_access === 'sqlalchemy'
      ? { id: 'pool', title: 'SQLAlchemy pools', sub: `${s.app.sqlalchemy.pool_size} + ${s.app.sqlalchemy.max_overflow} per worker`, util: utilFor(util, ['pool']) }
      : s.app.db_access === 'mongodb' && s.app.mongodb
        ? { id: 'pool', title: 'Mongo driver pools', sub: `maxPoolSize ${s.app.mongodb.maxPoolSize}`, util: utilFor(util, ['pool']) }
        : null;
  if (pool && s.database) {
    boxes.push({ ...pool, col: 3 });
    s.app.instances.forEach((_, i) => edges.push([`app${i}`, 'pool']));
  }
  const dataFrom = pool && s.database ? ['pool'] : s.app.instances.map((_, i) => `app${i}`);
  if (s.database) {
    const d = s.database;
    boxes.push({ id: 'db', title: d.engine === 'postgresql' ? 'PostgreSQL' : d.engine === 'mysql' ? 'MySQL' : 'MongoDB', sub: `max_conn ${d.max_connections} · ${d.host}`, col: 4, util: utilFor(util, ['database', 'postgres', 'db.', 'mysql', 'mongo']), hostCpu: hostCpu(util, d.host) });
    for (const f of dataFrom) edges.push([f, 'db']);
    d.replicas.forEach((r, i) => {
      boxes.push({ id: `rep${i}`, title: `Replica ${i + 1}`, sub: r.host, col: 4, util: hostCpu(util, r.host), hostCpu: hostCpu(util, r.host) });
      for (const f of dataFrom) edges.push([f, `rep${i}`]);
    });
  }
  if (s.redis) {
    boxes.push({ id: 'redis', title: s.redis.shards > 1 ? `Redis × ${s.redis.shards}` : 'Redis', sub: `maxclients ${s.redis.maxclients} · ${s.redis.host}`, col: 4, util: utilFor(util, ['redis']) });
    s.app.instances.forEach((_, i) => edges.push([`app${i}`, 'redis']));
  }
  if (s.celery) {
    boxes.push({ id: 'celery', title: 'Celery', sub: `${s.celery.workers} × ${s.celery.concurrency} · ${s.celery.host}`, col: 4, util: utilFor(util, ['celery']) });
    s.app.instances.forEach((_, i) => edges.push([`app${i}`, 'celery']));
  }
  return { boxes, edges };
}

const ROW = 66;

export const TopologyView = memo(function TopologyView({ scenario, utilization }: { scenario: Scenario; utilization: Record<string, number> }) {
  const { boxes, edges } = boxesOf(scenario, utilization);
  const cols = [0, 1, 2, 3, 4].map((c) => boxes.filter((b) => b.col === c));
  const rows = Math.max(...cols.map((c) => c.length), 1);
  const height = rows * ROW + 10;
  const pos = new Map<string, { x: number; y: number }>();
  cols.forEach((col, c) => col.forEach((b, i) => pos.set(b.id, { x: COL_X[c], y: 5 + (height - 10 - col.length * ROW) / 2 + i * ROW + (ROW - H) / 2 })));
  return (
    <svg className="topology" viewBox={`0 0 ${COL_X[4] + W + 10} ${height}`} role="img" aria-label="Topology: boxes coloured by utilisation" data-testid="topology">
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" className="topo-arrow" />
        </marker>
      </defs>
      {edges.map(([a, b]) => {
        const pa = pos.get(a);
        const pb = pos.get(b);
        if (!pa || !pb) return null;
        return <path key={`${a}-${b}`} className="topo-edge" d={`M ${pa.x + W} ${pa.y + H / 2} C ${pa.x + W + 20} ${pa.y + H / 2}, ${pb.x - 20} ${pb.y + H / 2}, ${pb.x - 2} ${pb.y + H / 2}`} markerEnd="url(#arrow)" />;
      })}
      {boxes.map((b) => {
        const p = pos.get(b.id)!;
        const u = b.util ?? b.hostCpu;
        return (
          <g key={b.id} transform={`translate(${p.x} ${p.y})`} data-box={b.id}>
            <title>{`${b.title} — ${b.sub}${u !== undefined ? ` — ${pct(u)} busy` : ''}${b.hostCpu !== undefined ? ` (host CPU ${pct(b.hostCpu)})` : ''}`}</title>
            <rect width={W} height={H} rx={8} className="topo-box" style={{ fill: b.col === 0 ? 'var(--surface-2)' : utilColor(u) }} />
            <text x={10} y={19} className="topo-title">
              {b.title}
              {u !== undefined && <tspan className="topo-util">{`  ${pct(u, 0)}`}</tspan>}
            </text>
            <text x={10} y={36} className="topo-sub">
              {b.sub.length > 24 ? `${b.sub.slice(0, 23)}…` : b.sub}
            </text>
          </g>
        );
      })}
    </svg>
  );
});
