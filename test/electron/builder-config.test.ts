// electron-builder.yml must be valid for the electron-builder we ship with (its own JSON schema, as
// electron-builder itself validates it), target every platform we promise, and package only built output.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../../', import.meta.url));
const config = parse(readFileSync(`${root}electron-builder.yml`, 'utf8')) as Record<string, any>;
const scheme = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;

const targets = (t: unknown): string[] => (Array.isArray(t) ? t : [t]).map((x) => (typeof x === 'string' ? x : (x as { target: string }).target));

describe('electron-builder.yml', () => {
  it("validates against app-builder-lib's scheme.json", () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(scheme);
    const ok = validate(config);
    expect(ok ? [] : validate.errors?.map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`)).toEqual([]);
  });

  it('would reject a misspelt key (the schema is really applied)', () => {
    const validate = new Ajv({ strict: false }).compile(scheme);
    expect(validate({ ...config, linxu: { target: 'AppImage' } })).toBe(false);
  });

  it('targets Linux AppImage and deb, Windows nsis, macOS dmg', () => {
    expect(targets(config.linux.target).sort()).toEqual(['AppImage', 'deb']);
    expect(targets(config.win.target)).toEqual(['nsis']);
    expect(targets(config.mac.target)).toEqual(['dmg']);
  });

  it('packages the built shell and renderer, with the scenarios as extra resources', () => {
    expect(config.files).toEqual(expect.arrayContaining(['package.json', 'electron/dist/**', 'renderer/dist/**']));
    expect(config.extraResources).toEqual([expect.objectContaining({ from: 'scenarios', to: 'scenarios' })]);
    expect(config.extraMetadata.main).toBe('electron/dist/main.cjs');
  });
});
