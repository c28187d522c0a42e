import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, contentType, resolveRendererFile } from '../../electron/renderer-files';

const root = resolve('/opt/capsim/renderer/dist');

describe('resolveRendererFile', () => {
  it('maps app:// URLs into the renderer folder', () => {
    expect(resolveRendererFile(root, 'app://capsim/')).toBe(join(root, 'index.html'));
    expect(resolveRendererFile(root, 'app://capsim/index.html?x=1#y')).toBe(join(root, 'index.html'));
    expect(resolveRendererFile(root, 'app://capsim/assets/sim.worker-1.js')).toBe(join(root, 'assets', 'sim.worker-1.js'));
    expect(resolveRendererFile(root, 'app://capsim/assets/a%20b.js')).toBe(join(root, 'assets', 'a b.js'));
  });
  it('keeps dot segments inside the folder (the URL parser resolves them first)', () => {
    expect(resolveRendererFile(root, 'app://capsim/../secret')).toBe(join(root, 'secret'));
    expect(resolveRendererFile(root, 'app://capsim/%2e%2e/%2e%2e/etc/passwd')).toBe(join(root, 'etc', 'passwd'));
  });
  it.each([
    'app://capsim/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://capsim/a%5c..%5c..%5cx',
    'app://capsim/%00',
    'app://capsim/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://capsim/index.html',
  ])('refuses %s', (url) => {
    expect(resolveRendererFile(root, url)).toBeNull();
  });
});

describe('responses', () => {
  it('types module scripts as JavaScript', () => {
    expect(contentType('x/index-abc.js')).toMatch(/^text\/javascript/);
    expect(contentType('index.HTML')).toMatch(/^text\/html/);
    expect(contentType('blob.bin')).toBe('application/octet-stream');
  });
  it('sends a CSP without remote sources or eval', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
});
