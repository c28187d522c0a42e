// JSON Schema (draft 2020-12) of each scenario kind, generated from the zod schemas so editors can complete
// and check scenario files. Memory fields accept "8GB" or a number of MB (the transform is not representable,
// so the schema shows their input form).

import { z } from 'zod';
import { webStackSchema } from '../web-stack/schema/web-stack-schema';
import { queueingModelSchema } from '../queueing/queueing-model-schema';

export const jsonSchemaKinds = ['web-stack', 'queueing'] as const;
export type JsonSchemaKind = (typeof jsonSchemaKinds)[number];

export function scenarioJsonSchema(kind: JsonSchemaKind): Record<string, unknown> {
  const schema = kind === 'web-stack' ? webStackSchema : queueingModelSchema;
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $schema: json.$schema,
    $id: `https://capsim.dev/schema/${kind}.v1.json`,
    title: kind === 'web-stack' ? 'capsim web-stack scenario, version 1' : 'capsim queueing model, version 1',
    ...json,
  };
}
