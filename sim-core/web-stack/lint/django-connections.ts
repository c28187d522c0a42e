// Django opens one database connection per thread (per greenlet under gevent, where threads are monkey-patched).
// With persistent connections (CONN_MAX_AGE > 0 or None) each one stays open after its request, so the tier
// holds instances × workers × (1 sync | threads gthread | worker_connections gevent) connections for good:
// 12 gevent workers × 1000 greenlets is 12,000 connections against PostgreSQL's 100. With CONN_MAX_AGE 0 the
// connection closes after every request, so the same number is only reached at full concurrency (a warning).

import { appProcesses, slotsLabel, slotsPerWorker } from '../derived/app-slots';
import { connectionBound } from '../derived/server-connections';
import { n, type LintFinding } from './finding';
import type { WebStackScenario } from '../schema/web-stack-schema';

export function checkDjangoConnections(s: WebStackScenario): LintFinding[] {
  const app = s.app;
  if (app.db_access !== 'django' || !app.django || !s.database) return [];
  const bound = connectionBound(s);
  if (!bound) return [];
  const persistent = app.django.conn_max_age === null || app.django.conn_max_age > 0;
  const instances = app.instances.length;
  const processes = appProcesses(s);
  const slots = slotsPerWorker(app);
  const connections = processes * slots;
  if (connections <= bound.bound) return [];

  const perWorkerFit = Math.floor(bound.bound / processes);
  const slotKnob =
    app.worker_class === 'gthread'
      ? `threads ≤ ${perWorkerFit}`
      : app.worker_class === 'gevent'
        ? `worker_connections ≤ ${perWorkerFit}`
        : app.worker_class === 'uvicorn'
          ? `limit_concurrency ≤ ${perWorkerFit}`
          : `at most ${n(bound.bound)} sync worker processes in all (workers ≤ ${Math.floor(bound.bound / instances)} per instance)`;
  const shrink = perWorkerFit >= 1 || app.worker_class === 'sync' ? slotKnob : `at most ${n(bound.bound)} worker processes`;
  const raise =
    bound.via === 'pgbouncer'
      ? `raise PgBouncer max_client_conn to ${n(connections)}`
      : `put PgBouncer (transaction mode) in front with max_client_conn ≥ ${n(connections)}, or raise max_connections to ${n(connections + s.database.superuser_reserved_connections)}`;
  const cma = app.django.conn_max_age === null ? 'None' : String(app.django.conn_max_age);
  const slotsText = Number.isFinite(slots) ? slotsLabel(app) : 'unbounded (uvicorn without limit_concurrency)';
  const what = persistent
    ? `persistent connections (CONN_MAX_AGE ${cma}): ${instances} instance${instances === 1 ? '' : 's'} × ${app.workers} workers × ${slotsText} = ${n(connections)} connections held open`
    : `CONN_MAX_AGE 0 opens one connection per in-flight request: ${instances} instance${instances === 1 ? '' : 's'} × ${app.workers} workers × ${slotsText} = ${n(connections)} connections at full concurrency`;
  return [
    {
      id: persistent ? 'django-persistent-connections-exceed-max' : 'django-request-connections-exceed-max',
      severity: persistent ? 'error' : 'warning',
      path: 'app.django.conn_max_age',
      message: `Django ${what} > ${bound.label}.`,
      numbers: {
        instances,
        workers: app.workers,
        connections_per_worker: slots,
        connections,
        limit: bound.bound,
        ...(app.django.conn_max_age !== null && { conn_max_age: app.django.conn_max_age }),
        max_connections_per_worker: perWorkerFit,
      },
      fix: `Set ${shrink}, or ${raise}.`,
    },
  ];
}
