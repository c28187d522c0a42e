// nginx.conf: worker sizing from the simulated host, the upstream of every app instance, keepalive by version,
// limit_req, proxy_cache, static files, gzip and proxy timeouts.

import type { ExportContext } from './context';
import { FILE, header, kv, num } from './format';
import { limitZoneSizes, nginxWorkers, peakClientConnections } from './sizing';

const I = '    ';

/** nginx rates are whole requests per second or per minute. */
function rate(perS: number): { text: string; exact: boolean } {
  if (Number.isInteger(perS)) return { text: `${perS}r/s`, exact: true };
  const perM = perS * 60;
  if (Number.isInteger(perM)) return { text: `${perM}r/m`, exact: true };
  return { text: `${Math.max(1, Math.round(perM))}r/m`, exact: false };
}

export function nginxConf(ctx: ExportContext): string {
  const s = ctx.s;
  const n = s.nginx!;
  const host = ctx.host(n.host);
  const v129 = ctx.versions.nginx === '1.29';
  const wp = nginxWorkers(ctx);
  const wc = n.worker_connections;
  const conc = peakClientConnections(ctx);
  const out: string[] = [];

  out.push(kv(`user ${ctx.target === 'bare' ? 'www-data' : 'nginx'};`, ctx.target === 'bare' ? 'Debian\'s nginx user' : 'user of the official nginx image'));
  out.push(kv(`worker_processes ${wp};`, n.worker_processes === 'auto'
    ? `host ${host.name}'s ${host.vcpus} vCPUs (scenario says auto; written out so the container/host CPU count is never guessed)`
    : `scenario nginx.worker_processes (host ${host.name} has ${host.vcpus} vCPUs)`));
  out.push(kv(`worker_rlimit_nofile ${2 * wc};`, `≥ 2 × worker_connections ${num(wc)} (client + upstream socket per request)`));
  out.push('pid /run/nginx.pid;', 'error_log /var/log/nginx/error.log warn;', '');
  out.push('events {');
  const need = conc ? `; needs ≥ 2 × ${num(Math.ceil(conc.n / wp))} = ${num(2 * Math.ceil(conc.n / wp))} per worker (client + upstream; ${conc.formula}, / ${wp} workers)` : '';
  out.push(I + kv(`worker_connections ${wc};`, `scenario nginx.worker_connections${need}; capacity ≈ ${wp} × ${num(wc)} / 2 = ${num(Math.floor((wp * wc) / 2))} proxied requests`));
  out.push('}', '', 'http {');
  out.push(I + 'include /etc/nginx/mime.types;', I + 'default_type application/octet-stream;', I + 'access_log /var/log/nginx/access.log;');
  out.push(I + 'sendfile on;', I + 'tcp_nopush on;', I + 'server_tokens off;');
  out.push(I + kv(`keepalive_timeout ${n.keepalive_timeout_s}s;`, 'scenario nginx.keepalive_timeout_s'));
  out.push(I + kv('keepalive_requests 1000;', 'nginx default since 1.19.10'));
  out.push(I + kv('client_max_body_size 16m;', 'nginxconfig.io default (not simulated)'), '');

  if (n.gzip) {
    out.push(I + kv('gzip on;', 'scenario nginx.gzip: true (simulated gzip CPU per KB)'));
    out.push(I + kv('gzip_comp_level 5;', 'balance of CPU and ratio (assumption; nginx default 1)'));
    out.push(I + kv('gzip_min_length 1024;', 'bytes; smaller bodies are not worth compressing (assumption)'));
    out.push(I + 'gzip_proxied any;', I + 'gzip_vary on;');
    out.push(I + 'gzip_types text/plain text/css application/json application/javascript text/xml application/xml image/svg+xml;', '');
  } else {
    out.push(I + kv('gzip off;', 'scenario nginx.gzip: false'), '');
  }

  const zones = limitZoneSizes(ctx);
  n.limit_req.forEach((l, i) => {
    const r = rate(l.rate_per_s);
    if (!r.exact) ctx.warn([FILE.nginx], `limit_req zone ${l.zone}: rate ${l.rate_per_s}/s is not a whole number per second or minute; written as ${r.text}`);
    const key = l.key === 'global' ? '$server_name' : '$binary_remote_addr';
    out.push(I + kv(`limit_req_zone ${key} zone=${l.zone}:${zones[i].mb}m rate=${r.text};`,
      `scenario nginx.limit_req[${i}].rate_per_s ${l.rate_per_s} (${l.key === 'global' ? 'one bucket for all clients' : 'per client'}); size ${zones[i].formula}`));
  });
  const pc = n.proxy_cache;
  if (pc) {
    out.push(I + kv(`proxy_cache_path /var/cache/nginx/capsim levels=1:2 keys_zone=capsim_cache:${pc.keys_zone_mb}m max_size=${pc.max_size_gb}g inactive=60m use_temp_path=off;`,
      `scenario nginx.proxy_cache.keys_zone_mb ${pc.keys_zone_mb} (1 MB ≈ 8,000 keys), max_size_gb ${pc.max_size_gb}; simulated hit ratio ${pc.hit_ratio}`));
  }
  if (n.limit_req.length || pc) out.push('');

  const insts = ctx.appInstances();
  out.push(I + 'upstream app {');
  if (n.upstream_method === 'least_conn') out.push(I + I + kv('least_conn;', 'scenario nginx.upstream_method'));
  else out.push(I + I + '# round robin (nginx default): scenario nginx.upstream_method');
  if (ctx.target === 'k8s') {
    out.push(I + I + kv(`server app:${insts[0].port} max_fails=0;`, `Service "app": kube-proxy spreads over the ${insts.length} replicas (app.instances)`));
  } else {
    for (const i of insts) out.push(I + I + kv(`server ${i.address}:${i.port} max_fails=3 fail_timeout=10s;`, `${i.name}: app instance on host ${i.host}`));
  }
  if (n.upstream_keepalive > 0) {
    out.push(I + I + kv(`keepalive ${n.upstream_keepalive};`, 'scenario nginx.upstream_keepalive: idle upstream connections cached per worker'));
    out.push(I + I + kv('keepalive_timeout 60s;', 'nginx default; the app keeps idle connections longer (see its keepalive)'));
  } else if (v129) {
    out.push(I + I + kv('keepalive 0;', 'scenario nginx.upstream_keepalive 0; nginx ≥ 1.29.7 would cache 32 by default'));
  }
  out.push(I + '}', '');

  out.push(I + 'server {');
  out.push(I + I + kv('listen 80 default_server;', 'plain HTTP; TLS below is left for you to enable'));
  out.push(I + I + 'server_name _;');
  out.push(I + I + '# TLS (not simulated; needs your certificate files):');
  if (v129) out.push(I + I + '# listen 443 ssl;', I + I + '# http2 on;                              # nginx ≥ 1.25.1');
  else out.push(I + I + '# listen 443 ssl http2;                  # nginx 1.22: http2 is a listen parameter ("http2 on" needs 1.25.1)');
  out.push(I + I + '# ssl_certificate /etc/ssl/app/fullchain.pem;', I + I + '# ssl_certificate_key /etc/ssl/app/privkey.pem;', '');
  out.push(I + I + kv(`proxy_connect_timeout ${n.proxy_connect_timeout_s}s;`, 'scenario nginx.proxy_connect_timeout_s'));
  out.push(I + I + kv(`proxy_read_timeout ${n.proxy_read_timeout_s}s;`, 'scenario nginx.proxy_read_timeout_s (over it: 504)'));
  out.push(I + I + kv(`proxy_send_timeout ${n.proxy_read_timeout_s}s;`, 'same as proxy_read_timeout_s'));
  if (!v129 && n.upstream_keepalive > 0) {
    out.push(I + I + kv('proxy_http_version 1.1;', 'needed for upstream keepalive before nginx 1.29.7'));
    out.push(I + I + kv('proxy_set_header Connection "";', 'idem: do not send "Connection: close" to the app'));
  }
  out.push(I + I + 'proxy_set_header Host $host;', I + I + 'proxy_set_header X-Real-IP $remote_addr;');
  out.push(I + I + 'proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;', I + I + 'proxy_set_header X-Forwarded-Proto $scheme;', '');
  out.push(I + I + 'location = /healthz {', I + I + I + 'access_log off;', I + I + I + 'return 200 "ok\\n";', I + I + '}', '');

  const classes = s.workload.classes;
  const statics = classes.filter((c) => c.static);
  const limitsFor = (cls: string | undefined) => n.limit_req.filter((l) => (cls === undefined ? !l.classes : !l.classes || l.classes.includes(cls)));
  // nginx allows one limit_req_status per location: the first matching limit's status wins (warned when they differ).
  const limitLines = (cls: string | undefined) => {
    const ls = limitsFor(cls);
    if (!ls.length) return [];
    const lines = ls.map((l) => kv(`limit_req zone=${l.zone}${l.burst > 0 ? ` burst=${l.burst}` : ''}${l.nodelay ? ' nodelay' : ''};`, `scenario nginx.limit_req[${n.limit_req.indexOf(l)}].burst ${l.burst}${l.burst > 0 ? '' : ' (nginx rejects burst=0: omitted, its default)'} / nodelay`));
    const st = ls[0].status;
    if (ls.some((l) => l.status !== st)) ctx.warn([FILE.nginx], `limit_req zones ${ls.map((l) => l.zone).join(', ')} apply to the same location with different statuses; nginx has one limit_req_status per location, written as ${st}`);
    lines.push(kv(`limit_req_status ${st};`, `scenario nginx.limit_req[${n.limit_req.indexOf(ls[0])}].status`));
    return lines;
  };
  if (statics.length) {
    out.push(I + I + `# static class(es) ${statics.map((c) => `"${c.name}"`).join(', ')}: served from disk, never reach the app`);
    out.push(I + I + 'location /static/ {', ...limitLines(statics[0].name).map((l) => I + I + I + l), I + I + I + 'alias /srv/app/static/;', I + I + I + kv('expires 7d;', 'nginxconfig.io default for assets'), I + I + I + 'access_log off;', I + I + '}', '');
  }
  const special = classes.filter((c) => !c.static && (pc?.classes.includes(c.name) || n.limit_req.some((l) => l.classes?.includes(c.name))));
  for (const c of special) {
    out.push(I + I + `# class "${c.name}" (share ${c.share}): replace /${c.name}/ with the URL prefix of these requests`);
    out.push(I + I + `location /${c.name}/ {`);
    for (const l of limitLines(c.name)) out.push(I + I + I + l);
    if (pc?.classes.includes(c.name)) {
      out.push(I + I + I + kv('proxy_cache capsim_cache;', 'scenario nginx.proxy_cache.classes'));
      out.push(I + I + I + kv(`proxy_cache_valid 200 301 ${pc.valid_s}s;`, 'scenario nginx.proxy_cache.valid_s'));
      out.push(I + I + I + 'proxy_cache_use_stale error timeout updating;', I + I + I + 'add_header X-Cache-Status $upstream_cache_status;');
    }
    out.push(I + I + I + 'proxy_pass http://app;', I + I + '}', '');
  }
  out.push(I + I + 'location / {');
  for (const l of limitLines(undefined)) out.push(I + I + I + l);
  out.push(I + I + I + 'proxy_pass http://app;', I + I + '}');
  out.push(I + '}', '}', '');
  return [...header(ctx, FILE.nginx, 'nginx.conf'), ...out].join('\n');
}
