import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isTrustedUrl } from '../../electron/trusted-url';

describe('isTrustedUrl', () => {
  it('trusts our app:// origin, any path', () => {
    expect(isTrustedUrl(APP_ENTRY_URL)).toBe(true);
    expect(isTrustedUrl('app://capsim/assets/index.js')).toBe(true);
    expect(isTrustedUrl('app://capsim/index.html#/compare')).toBe(true);
  });

  it.each([
    ['remote https', 'https://example.com/'],
    ['file URL', 'file:///etc/passwd'],
    ['other app host', 'app://evil/index.html'],
    ['credentials', 'app://user:pw@capsim/index.html'],
    ['data URL', 'data:text/html,<h1>x</h1>'],
    ['javascript URL', 'javascript:alert(1)'],
    ['garbage', 'not a url'],
    ['empty', ''],
    ['about:blank', 'about:blank'],
  ])('refuses %s', (_what, url) => {
    expect(isTrustedUrl(url)).toBe(false);
  });

  it('refuses null and undefined', () => {
    expect(isTrustedUrl(null)).toBe(false);
    expect(isTrustedUrl(undefined)).toBe(false);
  });

  it('trusts a loopback dev server only when configured, and only its exact origin', () => {
    const devOrigin = 'http://127.0.0.1:5174';
    expect(isTrustedUrl('http://127.0.0.1:5174/src/main.tsx')).toBe(false);
    expect(isTrustedUrl('http://127.0.0.1:5174/src/main.tsx', { devOrigin })).toBe(true);
    expect(isTrustedUrl('http://127.0.0.1:5175/', { devOrigin })).toBe(false);
    expect(isTrustedUrl('https://127.0.0.1:5174/', { devOrigin })).toBe(false);
    expect(isTrustedUrl('http://evil.example:5174/', { devOrigin: 'http://evil.example:5174' })).toBe(false);
  });
});
