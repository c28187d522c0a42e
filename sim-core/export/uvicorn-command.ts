// uvicorn.sh: the uvicorn command line with --workers, --limit-concurrency and --backlog from the scenario.

import type { ExportContext } from './context';
import { FILE, header, num } from './format';
import { appInstanceMemory } from './sizing';
import { appKeepalive } from './gunicorn-conf';

/** The arguments after the application (shared with the systemd unit, compose and Kubernetes). */
export function uvicornArgs(ctx: ExportContext): string[] {
  const app = ctx.s.app;
  const args = ['--host', '0.0.0.0', '--port', '"$PORT"', '--workers', String(app.workers)];
  if (app.limit_concurrency) args.push('--limit-concurrency', String(app.limit_concurrency));
  args.push('--backlog', String(app.backlog), '--timeout-keep-alive', String(appKeepalive(ctx).s), '--proxy-headers', '--forwarded-allow-ips', "'*'");
  return args;
}

export function uvicornCommand(ctx: ExportContext): string {
  const app = ctx.s.app;
  const ka = appKeepalive(ctx);
  const mem = appInstanceMemory(ctx);
  const out = ['#!/bin/sh', ...header(ctx, FILE.uvicorn, 'uvicorn command').slice(0, -1)];
  out.push(`# --workers ${app.workers}: scenario app.workers (simulated); never derived from this machine's CPU count`);
  if (app.limit_concurrency) {
    out.push(`# --limit-concurrency ${app.limit_concurrency}: scenario app.limit_concurrency, per worker process; above it uvicorn answers 503`);
    out.push(`#   (${app.workers} × ${app.limit_concurrency} = ${num(app.workers * app.limit_concurrency)} requests in flight per instance)`);
  } else {
    out.push('# --limit-concurrency: not set in the scenario (unbounded, as simulated)');
  }
  out.push(`# --backlog ${app.backlog}: scenario app.backlog (capped by net.core.somaxconn)`);
  out.push(`# --timeout-keep-alive ${ka.s}: ${ka.why}`);
  out.push(`# Memory per instance: ${mem.formula} = ${Math.round(mem.mb)} MB`);
  out.push('# APP_MODULE: your ASGI application, e.g. myproject.asgi:application; PORT: this instance\'s port.');
  out.push('', 'APP_MODULE="${APP_MODULE:-app.main:app}"', 'PORT="${PORT:-8000}"');
  out.push(`exec uvicorn "$APP_MODULE" ${uvicornArgs(ctx).join(' ')}`, '');
  return out.join('\n');
}
