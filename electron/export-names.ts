// The file names a capsim export consists of (sim-core/export: FILE and the Kubernetes manifests), and nothing
// else: the desktop shell writes only these into the folder the user picked, so a compromised page cannot
// write ".bashrc" or ".ssh/authorized_keys" into a home folder. The shell may not import sim-core, so the
// list is repeated here; test/electron/export-names.test.ts holds it equal to what the exporters produce.

const TOP_LEVEL = [
  '.env.example', 'README.md', 'django_settings.py', 'docker-compose.yml', 'gunicorn.conf.py', 'mongod.conf', 'my.cnf',
  'nginx.conf', 'pgbouncer.ini', 'postgresql.conf', 'pymongo_client.py', 'redis.conf', 'scenario.yaml', 'sqlalchemy_engine.py', 'uvicorn.sh',
] as const;

/** Sub-folders an export has, each with its files. */
export const EXPORT_FOLDERS = {
  k8s: ['app.yaml', 'celery.yaml', 'database.yaml', 'nginx.yaml', 'pgbouncer.yaml', 'redis.yaml'],
  systemd: ['app@.service', 'celery.service'],
} as const;

export const EXPORT_NAMES: ReadonlySet<string> = new Set([
  ...TOP_LEVEL,
  ...Object.entries(EXPORT_FOLDERS).flatMap(([dir, files]) => files.map((f) => `${dir}/${f}`)),
]);

/** Why this name is refused, or null when it is one of the export's own files. */
export function exportNameProblem(name: string): string | null {
  return EXPORT_NAMES.has(name) ? null : 'not a file capsim exports (expected nginx.conf, k8s/app.yaml, … as the exporters name them)';
}
