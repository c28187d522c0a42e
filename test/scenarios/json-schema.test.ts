// The committed JSON Schemas in scenarios/schema/ are the ones the zod schemas generate (regenerate with
// `npx capsim schema web-stack > scenarios/schema/web-stack.schema.json`), and they accept the bundled files.

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemaKinds, scenarioJsonSchema } from '../../sim-core/scenario/scenario-json-schema';

const root = resolve(__dirname, '../..');

describe('scenario JSON Schemas', () => {
  for (const kind of jsonSchemaKinds) {
    it(`scenarios/schema/${kind}.schema.json is up to date`, () => {
      const committed = JSON.parse(readFileSync(join(root, `scenarios/schema/${kind}.schema.json`), 'utf8'));
      expect(committed).toEqual(scenarioJsonSchema(kind));
    });
  }
  it('rejects unknown fields (additionalProperties false at the top level)', () => {
    expect(scenarioJsonSchema('web-stack').additionalProperties).toBe(false);
  });
});
