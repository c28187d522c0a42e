// capsim export: pure functions from a web-stack scenario to the deployment files that match it (file name →
// text) and the warnings where a simulated setting does not fit the target. See DESIGN.md §8.

import { stringify } from 'yaml';
import type { WebStackScenario } from '../web-stack/schema/web-stack-schema';
import { ExportContext, type ExportOptions, type ExportResult } from './context';
import { djangoSettings } from './django-settings';
import { dockerCompose } from './docker-compose';
import { envExample } from './env-example';
import { FILE, header } from './format';
import { gunicornConf } from './gunicorn-conf';
import { kubernetesFiles } from './kubernetes';
import { mongodConf, pymongoClient } from './mongodb';
import { mysqlCnf } from './mysql-cnf';
import { nginxConf } from './nginx-conf';
import { pgbouncerIni } from './pgbouncer-ini';
import { postgresqlConf } from './postgresql-conf';
import { readme } from './readme';
import { redisConf } from './redis-conf';
import { runChecks } from './sizing';
import { sqlalchemyEngine } from './sqlalchemy-engine';
import { systemdUnits } from './systemd-units';
import { uvicornCommand } from './uvicorn-command';

export * from './context';
export { FILE } from './format';

export function exportScenario(s: WebStackScenario, opts: ExportOptions): ExportResult {
  const ctx = new ExportContext(s, opts.target, opts.versions, opts.simulated);
  runChecks(ctx);
  const files: Record<string, string> = {};
  if (s.nginx) files[FILE.nginx] = nginxConf(ctx);
  if (s.app.server === 'uvicorn') files[FILE.uvicorn] = uvicornCommand(ctx);
  else files[FILE.gunicorn] = gunicornConf(ctx);
  const d = s.database;
  if (d?.engine === 'postgresql') files[FILE.postgresql] = postgresqlConf(ctx);
  if (d?.engine === 'mysql') files[FILE.mysql] = mysqlCnf(ctx);
  if (d?.engine === 'mongodb') files[FILE.mongod] = mongodConf(ctx);
  if (s.pgbouncer) files[FILE.pgbouncer] = pgbouncerIni(ctx);
  if (s.redis) files[FILE.redis] = redisConf(ctx);
  if (s.app.db_access === 'django') files[FILE.django] = djangoSettings(ctx);
  if (s.app.db_access === 'sqlalchemy') files[FILE.sqlalchemy] = sqlalchemyEngine(ctx);
  if (s.app.db_access === 'mongodb') files[FILE.pymongo] = pymongoClient(ctx);
  if (opts.target === 'bare') Object.assign(files, systemdUnits(ctx));
  if (opts.target === 'compose') files[FILE.compose] = dockerCompose(ctx);
  if (opts.target === 'k8s') Object.assign(files, kubernetesFiles(ctx, files));
  files[FILE.env] = envExample(ctx);
  files[FILE.scenario] = [...header(ctx, FILE.scenario, 'scenario.yaml (the scenario, defaults filled in; memory in MB)'), stringify(s, { lineWidth: 0 })].join('\n');
  files[FILE.readme] = readme(ctx, [...Object.keys(files), FILE.readme]);
  return { files, warnings: ctx.warnings };
}
