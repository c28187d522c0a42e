// Bare target: systemd units for the app instances (one templated unit, instance = port) and Celery workers.

import type { ExportContext } from './context';
import { FILE, header, memText } from './format';
import { appInstanceMemory, components, memLimitMb } from './sizing';

export function systemdUnits(ctx: ExportContext): Record<string, string> {
  const s = ctx.s;
  const app = s.app;
  const mem = appInstanceMemory(ctx);
  const appComp = components(ctx).find((c) => c.kind === 'app')!;
  const insts = ctx.appInstances();
  const byHost = new Map<string, number[]>();
  for (const i of insts) byHost.set(i.host, [...(byHost.get(i.host) ?? []), i.port]);
  const exec = app.server === 'uvicorn' ? `/bin/sh /etc/app/${FILE.uvicorn}` : `/usr/bin/gunicorn -c /etc/app/${FILE.gunicorn}`;
  const out: Record<string, string> = {};
  out[FILE.systemdApp] = [
    ...header(ctx, FILE.systemdApp, 'systemd unit: one app instance per port (app@PORT)'),
    '# Enable the simulated instances on each host:',
    ...[...byHost].map(([h, ports]) => `#   on ${h}: systemctl enable --now ${ports.map((p) => `app@${p}`).join(' ')}`),
    '[Unit]',
    'Description=Application instance on port %i (capsim export)',
    'After=network-online.target',
    'Wants=network-online.target',
    '',
    '[Service]',
    'User=www-data',
    'Group=www-data',
    'WorkingDirectory=/srv/app',
    '# Connection settings and the password live in /etc/app/.env (see .env.example), never in this unit.',
    'EnvironmentFile=/etc/app/.env',
    'Environment=PORT=%i',
    `ExecStart=${exec}`,
    'ExecReload=/bin/kill -HUP $MAINPID',
    'Restart=on-failure',
    `# MemoryMax: instance footprint ${memText(mem.mb)} (${mem.formula}) × 1.25, rounded up to 64 MB`,
    `MemoryMax=${memLimitMb(appComp)}M`,
    `# LimitNOFILE: backlog ${app.backlog} + connections in flight, with room to spare`,
    'LimitNOFILE=65536',
    '',
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ].join('\n');
  if (s.celery) {
    const c = s.celery;
    out[FILE.systemdCelery] = [
      ...header(ctx, FILE.systemdCelery, 'systemd unit: Celery workers'),
      `# ${c.workers} worker process(es) (scenario celery.workers), each with --concurrency=${c.concurrency} (scenario celery.concurrency), on host ${c.host}.`,
      '[Unit]',
      'Description=Celery workers (capsim export)',
      'After=network-online.target',
      '',
      '[Service]',
      'Type=forking',
      'User=www-data',
      'WorkingDirectory=/srv/app',
      'EnvironmentFile=/etc/app/.env',
      `ExecStart=/bin/sh -c 'celery -A "$CELERY_APP" multi start ${c.workers} --concurrency=${c.concurrency} --pidfile=/run/celery/%%n.pid --logfile=/var/log/celery/%%n%%I.log'`,
      `ExecStop=/bin/sh -c 'celery multi stopwait ${c.workers} --pidfile=/run/celery/%%n.pid'`,
      'RuntimeDirectory=celery',
      'LogsDirectory=celery',
      'Restart=on-failure',
      '',
      '[Install]',
      'WantedBy=multi-user.target',
      '',
    ].join('\n');
  }
  return out;
}
