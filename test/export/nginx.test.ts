// nginx -t on every exported nginx.conf (research B1): a staged copy with listen on 127.0.0.1 and a free high
// port, pid/log/cache/temp paths in a temp dir, upstream hosts mapped to 127.0.0.1, a copy of mime.types.

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { FILE } from '../../sim-core/export';
import { cases, describeWithTools, exportFor, findTool, freePort, targets, tempDir } from './helpers';

/** The staged copy of nginx.conf and what was rewritten. */
export function stageNginx(conf: string, dir: string, port: number): { text: string; mapped: string[] } {
  mkdirSync(join(dir, 'tmp'), { recursive: true });
  copyFileSync('/etc/nginx/mime.types', join(dir, 'mime.types'));
  const mapped = new Set<string>();
  let text = conf
    .replace(/^user nginx;/m, 'user nobody nogroup;')
    .replace(/^pid [^;]+;/m, `pid ${dir}/nginx.pid;`)
    .replace(/^error_log [^ ;]+/m, `error_log ${dir}/error.log`)
    .replace(/access_log \/var\/log\/nginx\/access\.log;/, `access_log ${dir}/access.log;\n    client_body_temp_path ${dir}/tmp/body;\n    proxy_temp_path ${dir}/tmp/proxy;`)
    .replace('include /etc/nginx/mime.types;', `include ${dir}/mime.types;`)
    .replace(/proxy_cache_path \/var\/cache\/nginx\/capsim/, `proxy_cache_path ${dir}/cache`)
    .replace(/listen 80 default_server;/, `listen 127.0.0.1:${port} default_server;`);
  text = text.replace(/^(\s*server )([A-Za-z][\w.-]*):(\d+)/gm, (_m, pre: string, host: string, p: string) => {
    mapped.add(host);
    return `${pre}127.0.0.1:${p}`;
  });
  return { text, mapped: [...mapped] };
}

export function nginxTest(file: string): { ok: boolean; out: string } {
  const r = spawnSync(findTool('nginx')!, ['-t', '-e', 'stderr', '-p', `${file.replace(/[^/]+$/, '')}`, '-c', file], { encoding: 'utf8' });
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
}

describeWithTools('nginx -t accepts every exported nginx.conf (nginx 1.22 target)', ['nginx'], () => {
  const all = cases().filter((c) => c.scenario.nginx);
  it('has scenarios with nginx to check', () => expect(all.length).toBeGreaterThanOrEqual(4));
  for (const c of all) {
    for (const target of targets) {
      it(`${c.name} (${target})`, async () => {
        const conf = exportFor(c, target).files[FILE.nginx];
        const dir = tempDir('nginx');
        const staged = stageNginx(conf, dir, await freePort());
        expect(staged.text).not.toMatch(/listen 80/);
        writeFileSync(join(dir, 'nginx.conf'), staged.text);
        const r = nginxTest(join(dir, 'nginx.conf'));
        expect(r.out).toMatch(/test is successful/);
        expect(r.ok, r.out).toBe(true);
        // Not checked by nginx itself (B1 gotcha 7): the fd limit must cover the connections.
        const wc = Number(/worker_connections (\d+);/.exec(conf)![1]);
        const nofile = Number(/worker_rlimit_nofile (\d+);/.exec(conf)![1]);
        expect(nofile).toBeGreaterThanOrEqual(2 * wc);
        expect(conf).not.toMatch(/worker_processes auto/);
      });
    }
  }

  it('rejects a broken copy (a misspelt directive), so the check is real', async () => {
    const c = all[0];
    const dir = tempDir('nginx-bad');
    const staged = stageNginx(exportFor(c, 'bare').files[FILE.nginx], dir, await freePort());
    writeFileSync(join(dir, 'nginx.conf'), staged.text.replace('proxy_read_timeout', 'proxy_read_timout'));
    const r = nginxTest(join(dir, 'nginx.conf'));
    expect(r.ok).toBe(false);
    expect(r.out).toMatch(/unknown directive "proxy_read_timout"/);
  });

  it('the nginx 1.29 variant differs only where 1.29.7 changed defaults, and its 1.22-valid part passes', async () => {
    const c = all.find((x) => (x.scenario.nginx?.upstream_keepalive ?? 0) > 0)!;
    const conf = exportFor(c, 'compose', { nginx: '1.29' }).files[FILE.nginx];
    expect(conf).not.toMatch(/proxy_http_version 1\.1/);
    expect(conf).toMatch(/# http2 on;/);
    const dir = tempDir('nginx-129');
    writeFileSync(join(dir, 'nginx.conf'), stageNginx(conf, dir, await freePort()).text);
    const r = nginxTest(join(dir, 'nginx.conf'));
    expect(r.ok, r.out).toBe(true);
  });
});
