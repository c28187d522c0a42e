// gunicorn.conf.py: workers, worker class and its concurrency, backlog, timeout, keepalive and bind — every number
// the scenario's app tier, never a formula of the machine's cpu_count().

import type { ExportContext } from './context';
import { FILE, header, kv, num, pyStr } from './format';
import { appInstanceMemory, concurrencyPerWorker } from './sizing';

/** Seconds the app keeps an idle connection: longer than nginx's upstream keepalive_timeout (60 s) when nginx reuses them. */
export function appKeepalive(ctx: ExportContext): { s: number; why: string } {
  if (ctx.s.nginx && ctx.s.nginx.upstream_keepalive > 0) return { s: 65, why: 'longer than nginx upstream keepalive_timeout 60s, so nginx never reuses a connection the app is closing (502)' };
  return { s: 2, why: 'gunicorn default; nginx opens a new upstream connection per request (upstream_keepalive 0)' };
}

export function gunicornWorkerClass(ctx: ExportContext): { value: string; why: string } {
  const wc = ctx.s.app.worker_class;
  if (wc === 'uvicorn') {
    return ctx.versions.gunicorn === '20'
      ? { value: 'uvicorn.workers.UvicornWorker', why: 'scenario app.worker_class uvicorn (deprecated in newer uvicorn; fine with Debian 12 uvicorn 0.17)' }
      : { value: 'uvicorn_worker.UvicornWorker', why: 'scenario app.worker_class uvicorn; the uvicorn-worker package replaces uvicorn.workers' };
  }
  return { value: wc, why: 'scenario app.worker_class' };
}

export function gunicornConf(ctx: ExportContext): string {
  const app = ctx.s.app;
  const conc = concurrencyPerWorker(app);
  const mem = appInstanceMemory(ctx);
  const ka = appKeepalive(ctx);
  const wc = gunicornWorkerClass(ctx);
  const w = (t: string, c: string) => kv(t, c, '#', 40);
  const out: string[] = ['import os', ''];
  out.push('# The application: set APP_MODULE (e.g. "myproject.wsgi:application"); a command-line app argument overrides it.');
  out.push('wsgi_app = os.environ.get("APP_MODULE", "app.wsgi:application")');
  out.push(w(`bind = ["0.0.0.0:" + os.environ.get("PORT", "8000")]`, 'one instance per port; nginx upstream lists each'));
  out.push('');
  out.push(w(`workers = ${app.workers}`, `scenario app.workers (simulated); not 2 × cpu_count() + 1, which counts the machine's CPUs, not the container's`));
  out.push(w(`worker_class = ${pyStr(wc.value)}`, wc.why));
  if (app.worker_class === 'gthread') out.push(w(`threads = ${app.threads}`, `scenario app.threads: ${app.workers} × ${app.threads} = ${num(app.workers * app.threads)} concurrent requests per instance`));
  if (app.worker_class === 'gevent') out.push(w(`worker_connections = ${app.worker_connections}`, `scenario app.worker_connections: greenlets per worker, ${num(app.workers * app.worker_connections)} per instance`));
  if (app.worker_class === 'uvicorn' && app.limit_concurrency) {
    ctx.warn([FILE.gunicorn], `app.limit_concurrency ${app.limit_concurrency} cannot be set through gunicorn's UvicornWorker (uvicorn options are not passed through); subclass the worker with CONFIG_KWARGS = {"limit_concurrency": ${app.limit_concurrency}} or run uvicorn directly`);
  }
  out.push(w(`backlog = ${app.backlog}`, 'scenario app.backlog (the kernel caps it at net.core.somaxconn)'));
  out.push(w(`timeout = ${app.timeout}`, 'scenario app.timeout: seconds before a silent worker is killed and restarted'));
  out.push(w('graceful_timeout = 30', 'gunicorn default'));
  out.push(w(`keepalive = ${ka.s}`, `${ka.why}${app.worker_class === 'sync' ? ' (sync workers ignore it)' : ''}`));
  out.push(w('forwarded_allow_ips = "*"', 'trust X-Forwarded-* from nginx; only nginx can reach this port'));
  out.push('accesslog = "-"', 'errorlog = "-"', '');
  out.push(`# Memory per instance: ${mem.formula} = ${Math.round(mem.mb)} MB (scenario app.memory_per_worker).`);
  if (Number.isFinite(conc)) out.push(`# Concurrency per instance: ${app.workers} workers × ${num(conc)} = ${num(app.workers * conc)} requests in flight.`);
  out.push('');
  return [...header(ctx, FILE.gunicorn, 'gunicorn.conf.py'), ...out].join('\n');
}
