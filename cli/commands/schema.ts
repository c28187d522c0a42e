// capsim schema <kind>: print the JSON Schema of a scenario kind (scenarios/schema/ holds the committed copies).

import { jsonSchemaKinds, scenarioJsonSchema, type JsonSchemaKind } from '../../sim-core/index';
import { CliError, EXIT_OK } from '../exit-codes';

export function schemaCommand(kind: string | undefined): number {
  if (!kind || !(jsonSchemaKinds as readonly string[]).includes(kind)) {
    throw new CliError(`schema: expected a scenario kind (${jsonSchemaKinds.join(' or ')}), got ${kind === undefined ? 'nothing' : JSON.stringify(kind)}`);
  }
  console.log(JSON.stringify(scenarioJsonSchema(kind as JsonSchemaKind), null, 2));
  return EXIT_OK;
}
