import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportNameProblem, planExport } from '../../electron/export-plan';

describe('exportNameProblem', () => {
  it.each(['nginx.conf', '.env.example', 'systemd/app@.service', 'k8s/web-deployment.yaml', 'README.md', 'gunicorn.conf.py'])('accepts %s', (n) => {
    expect(exportNameProblem(n)).toBeNull();
  });
  it.each(['', '..', '../x', 'a/../../x', '/etc/passwd', 'C:/x', 'c:x', 'a\\b', 'a//b', './a', 'a/', 'con', 'nul.txt', 'a b', 'a/b/c/d/e', 'x\0y', 'ü.conf'])('refuses %j', (n) => {
    expect(exportNameProblem(n)).not.toBeNull();
  });
});

describe('planExport', () => {
  it('puts every file inside the folder, sorted', () => {
    const dir = resolve('/tmp/out');
    const plan = planExport(dir, { 'systemd/app@.service': 'b', 'nginx.conf': 'a' });
    expect(plan).toEqual([
      { name: 'nginx.conf', target: join(dir, 'nginx.conf'), content: 'a' },
      { name: 'systemd/app@.service', target: join(dir, 'systemd', 'app@.service'), content: 'b' },
    ]);
  });
  it('throws on a name that escapes', () => {
    expect(() => planExport('/tmp/out', { '../x': '' })).toThrow(/refusing/);
  });
});
