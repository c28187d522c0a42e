// Kubernetes manifests, one file per tier: ConfigMap (the generated config file), Deployment or StatefulSet,
// Service, and an autoscaling/v2 HPA for the app tier. Requests/limits from the simulated host shares; secrets
// only as secretKeyRef to a Secret you create (kubectl create secret generic app-secrets …).

import { connectionBound } from '../web-stack/derived/server-connections';
import type { ExportContext } from './context';
import { FILE, header, memText, num } from './format';
import { dbImage, slug } from './docker-compose';
import { dbUrlScheme } from './env-example';
import { appDbClients, components, cpuShare, k8sFile, memLimitMb, type Component, type ComponentKind } from './sizing';
import { redisIsCache } from './redis-conf';
import { yamlWithComments, type Path } from './yaml-doc';

type Obj = Record<string, unknown>;
interface Doc { obj: Obj; notes: [Path, string][] }

export function cpuQuantity(x: number): string {
  return Number.isInteger(x) ? String(x) : `${Math.round(x * 1000)}m`;
}

export function kubernetesFiles(ctx: ExportContext, configs: Record<string, string>): Record<string, string> {
  const s = ctx.s;
  const all = components(ctx);
  const part = `capsim-${slug(s.name)}`;
  const labels = (name: string) => ({ 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': part });
  const meta = (name: string) => ({ name, labels: labels(name) });
  const files: Record<string, string> = {};
  const secret = (key: string) => ({ name: key, valueFrom: { secretKeyRef: { name: 'app-secrets', key } } });

  const resources = (c: Component, replicas = 1): { res: Obj; notes: [string, string][] } => {
    const cpu = cpuShare(ctx, c, all);
    const per = { ...c, memMb: c.memMb / replicas };
    return {
      res: { requests: { cpu: cpuQuantity(cpu.request), memory: `${Math.ceil(per.memMb)}Mi` }, limits: { cpu: cpuQuantity(cpu.limit), memory: `${memLimitMb(per)}Mi` } },
      notes: [['requests.memory', `footprint: ${c.formula}${replicas > 1 ? ` / ${replicas}` : ''}`], ['limits.memory', `footprint ${memText(per.memMb)} × 1.25, rounded up to 64 Mi`], ['limits.cpu', cpu.formula]],
    };
  };
  const configMap = (name: string, data: Record<string, string>): Doc => ({ obj: { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(name), data }, notes: [] });
  const service = (name: string, port: number, extra: Obj = {}): Doc => ({
    obj: { apiVersion: 'v1', kind: 'Service', metadata: meta(name), spec: { selector: { 'app.kubernetes.io/name': name }, ports: [{ name: 'tcp', port, targetPort: port }], ...extra } },
    notes: [],
  });
  const workload = (kind: 'Deployment' | 'StatefulSet', name: string, replicas: number, replicasWhy: string, container: Obj, c: Component, volumes: Obj[], extra: Obj = {}): Doc => {
    const r = resources(c, kind === 'Deployment' && name === 'celery' ? replicas : 1);
    const cpath: Path = ['spec', 'template', 'spec', 'containers', 0, 'resources'];
    return {
      obj: {
        apiVersion: 'apps/v1', kind, metadata: meta(name),
        spec: {
          replicas, ...extra, selector: { matchLabels: { 'app.kubernetes.io/name': name } },
          template: { metadata: { labels: labels(name) }, spec: { containers: [{ name, ...container, resources: r.res }], ...(volumes.length ? { volumes } : {}) } },
        },
      },
      notes: [[['spec', 'replicas'], replicasWhy], ...r.notes.map(([p, t]): [Path, string] => [[...cpath, ...p.split('.')], t])],
    };
  };
  const emit = (kind: ComponentKind, docs: Doc[]) => {
    const file = k8sFile(kind);
    const top = header(ctx, file, `Kubernetes manifests: ${kind} (apply with kubectl apply -f)`).slice(0, -1);
    files[file] = [...top, docs.map((d) => yamlWithComments(d.obj, d.notes)).join('---\n')].join('\n');
  };
  const cfgVolume = (cm: string) => [{ name: 'config', configMap: { name: cm } }];
  const comp = (kind: ComponentKind) => all.find((c) => c.kind === kind)!;

  if (s.nginx) {
    const c = comp('nginx');
    emit('nginx', [
      configMap('nginx-conf', { 'nginx.conf': configs[FILE.nginx] }),
      workload('Deployment', 'nginx', 1, 'one nginx, as simulated', {
        image: `nginx:${ctx.versions.nginx}`, ports: [{ containerPort: 80, name: 'http' }],
        volumeMounts: [{ name: 'config', mountPath: '/etc/nginx/nginx.conf', subPath: 'nginx.conf' }],
        readinessProbe: { httpGet: { path: '/healthz', port: 80 }, periodSeconds: 5 },
      }, c, cfgVolume('nginx-conf')),
      service('nginx', 80, { type: 'LoadBalancer' }),
    ]);
  }

  const app = s.app;
  const instances = app.instances.length;
  const conf = app.server === 'uvicorn' ? FILE.uvicorn : FILE.gunicorn;
  const env: Obj[] = [{ name: 'PORT', value: '8000' }, { name: 'APP_MODULE', value: app.server === 'uvicorn' ? 'app.main:app' : 'app.wsgi:application' }];
  if (s.database) {
    const db = ctx.dbEndpoint();
    env.push({ name: 'DB_HOST', value: db.address }, { name: 'DB_PORT', value: String(db.port) }, { name: 'DB_NAME', value: 'app' }, { name: 'DB_USER', value: 'app' }, secret('DB_PASSWORD'));
    const url = `${dbUrlScheme(ctx)}://app:$(DB_PASSWORD)@${db.address}:${db.port}/app`;
    if (app.db_access === 'sqlalchemy') env.push({ name: 'DATABASE_URL', value: url });
    if (app.db_access === 'mongodb') env.push({ name: 'MONGODB_URI', value: url });
  }
  if (s.redis) env.push({ name: 'REDIS_URL', value: 'redis://redis:6379/0' });
  const per = appDbClients(ctx).n / instances;
  const d = s.database;
  const bound = connectionBound(s);
  const budget = bound && { n: bound.bound, what: bound.via === 'pgbouncer' ? 'PgBouncer max_client_conn' : 'database max_connections − reserved' };
  const maxReplicas = budget && per > 0 && Number.isFinite(per) ? Math.max(instances, Math.floor(budget.n / per)) : instances;
  const maxWhy = budget && per > 0 && Number.isFinite(per)
    ? `max(${instances} simulated instances, floor(${budget.what} ${num(budget.n)} / ${num(per)} connections per replica)): more replicas would exceed the connection limit`
    : `${instances} simulated instances: no connection limit to scale against; re-simulate before raising it`;
  const hpa: Doc = {
    obj: {
      apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: meta('app'),
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'app' }, minReplicas: instances, maxReplicas,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
      },
    },
    notes: [[['spec', 'minReplicas'], 'scenario app.instances (simulated)'], [['spec', 'maxReplicas'], maxWhy],
      [['spec', 'metrics', 0, 'resource', 'target', 'averageUtilization'], 'assumption: scale out before the simulated CPU saturates']],
  };
  emit('app', [
    configMap('app-config', { [conf]: configs[conf] }),
    workload('Deployment', 'app', instances, 'scenario app.instances (simulated)', {
      image: 'registry.example.com/myapp:1.0',
      command: app.server === 'uvicorn' ? ['sh', `/etc/app/${FILE.uvicorn}`] : ['gunicorn', '-c', `/etc/app/${FILE.gunicorn}`],
      ports: [{ containerPort: 8000, name: 'http' }], env,
      volumeMounts: [{ name: 'config', mountPath: '/etc/app' }],
      readinessProbe: { tcpSocket: { port: 8000 }, periodSeconds: 5 },
      livenessProbe: { tcpSocket: { port: 8000 }, periodSeconds: 10, failureThreshold: 6 },
    }, all.find((c) => c.kind === 'app')!, cfgVolume('app-config')),
    service('app', 8000),
    hpa,
  ]);

  if (s.pgbouncer) {
    emit('pgbouncer', [
      configMap('pgbouncer-ini', { 'pgbouncer.ini': configs[FILE.pgbouncer] }),
      workload('Deployment', 'pgbouncer', 1, 'one PgBouncer: its pool limits are per process, so replicas multiply them', {
        image: 'registry.example.com/pgbouncer:' + ctx.versions.pgbouncer, args: ['/etc/pgbouncer/pgbouncer.ini'],
        ports: [{ containerPort: 6432, name: 'pgbouncer' }],
        volumeMounts: [{ name: 'config', mountPath: '/etc/pgbouncer/pgbouncer.ini', subPath: 'pgbouncer.ini' }, { name: 'userlist', mountPath: '/etc/pgbouncer/userlist.txt', subPath: 'userlist.txt' }],
        readinessProbe: { tcpSocket: { port: 6432 }, periodSeconds: 5 },
      }, comp('pgbouncer'), [...cfgVolume('pgbouncer-ini'), { name: 'userlist', secret: { secretName: 'pgbouncer-userlist' } }]),
      service('pgbouncer', 6432),
    ]);
  }
  if (d) {
    const img = dbImage(ctx);
    const h = ctx.host(d.host);
    const sizeGb = h.disk.size_gb ?? Math.max(10, Math.ceil((d.working_set / 1024) * 2));
    const cfg = d.engine === 'mysql' ? FILE.mysql : d.engine === 'mongodb' ? FILE.mongod : FILE.postgresql;
    const mountAt = d.engine === 'mysql' ? '/etc/mysql/conf.d/capsim.cnf' : d.engine === 'mongodb' ? '/etc/mongod.conf' : '/etc/postgresql/postgresql.conf';
    const dbEnv = d.engine === 'mysql' ? [{ name: 'MYSQL_DATABASE', value: 'app' }, { name: 'MYSQL_USER', value: 'app' }, { ...secret('DB_PASSWORD'), name: 'MYSQL_PASSWORD' }, { name: 'MYSQL_RANDOM_ROOT_PASSWORD', value: 'yes' }]
      : d.engine === 'mongodb' ? [{ name: 'MONGO_INITDB_ROOT_USERNAME', value: 'app' }, { ...secret('DB_PASSWORD'), name: 'MONGO_INITDB_ROOT_PASSWORD' }]
      : [{ name: 'POSTGRES_DB', value: 'app' }, { name: 'POSTGRES_USER', value: 'app' }, { ...secret('DB_PASSWORD'), name: 'POSTGRES_PASSWORD' }, { name: 'PGDATA', value: `${img.dataDir}/pgdata` }];
    const args = d.engine === 'postgresql' ? ['-c', 'config_file=/etc/postgresql/postgresql.conf'] : d.engine === 'mongodb' ? ['--config', '/etc/mongod.conf'] : [];
    const sts = workload('StatefulSet', 'db', 1, 'one primary, as simulated', {
      image: img.image, ...(args.length ? { args } : {}), env: dbEnv, ports: [{ containerPort: ctx.dbPort(), name: 'db' }],
      volumeMounts: [{ name: 'config', mountPath: mountAt, subPath: cfg }, { name: 'data', mountPath: img.dataDir }],
    }, comp('db'), cfgVolume('db-config'), {
      serviceName: 'db',
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: `${sizeGb}Gi` } } } }],
    });
    sts.notes.push([['spec', 'volumeClaimTemplates', 0, 'spec', 'resources', 'requests', 'storage'], h.disk.size_gb ? `scenario host ${h.name} disk.size_gb` : `assumption: 2 × working set ${memText(d.working_set)}, ≥ 10 Gi`]);
    emit('db', [configMap('db-config', { [cfg]: configs[cfg] }), sts, service('db', ctx.dbPort(), { clusterIP: 'None' })]);
  }
  if (s.redis) {
    const r = s.redis;
    // Persistent data (non-allkeys policy): room for the RDB snapshot and the AOF, about 3 × the data in memory.
    const redisDiskGi = Math.max(1, Math.ceil(((r.maxmemory ?? r.cache_working_set ?? 1024) / 1024) * 3));
    emit('redis', [
      configMap('redis-conf', { 'redis.conf': configs[FILE.redis] }),
      workload('StatefulSet', 'redis', r.shards, r.shards > 1 ? 'scenario redis.shards (cluster mode)' : 'one Redis, as simulated', {
        image: 'redis:7.0', command: ['redis-server', '/usr/local/etc/redis/redis.conf'], ports: [{ containerPort: 6379, name: 'redis' }],
        volumeMounts: [{ name: 'config', mountPath: '/usr/local/etc/redis/redis.conf', subPath: 'redis.conf' }, { name: 'data', mountPath: '/data' }],
        readinessProbe: { exec: { command: ['redis-cli', 'ping'] }, periodSeconds: 5 },
      }, comp('redis'), [...cfgVolume('redis-conf'), ...(redisIsCache(ctx) ? [{ name: 'data', emptyDir: {} }] : [])], {
        serviceName: 'redis',
        ...(redisIsCache(ctx) ? {} : { volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: `${redisDiskGi}Gi` } } } }] }),
      }),
      service('redis', 6379, { clusterIP: 'None' }),
    ]);
  }
  if (s.celery) {
    emit('celery', [workload('Deployment', 'celery', s.celery.workers, 'scenario celery.workers', {
      image: 'registry.example.com/myapp:1.0', command: ['celery', '-A', 'app', 'worker', `--concurrency=${s.celery.concurrency}`], env,
    }, comp('celery'), [])]);
  }
  return files;
}
