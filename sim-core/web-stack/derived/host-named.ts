// The host a component names (the schema checks that every name exists; a missing one is a programming error
// in a caller that built the scenario by hand, said as such).

import type { HostSpec } from '../schema/hardware';
import type { WebStackScenario } from '../schema/web-stack-schema';

export function hostNamed(s: WebStackScenario, name: string): HostSpec {
  const h = s.hosts.find((x) => x.name === name);
  if (!h) throw new RangeError(`host "${name}" is not among the scenario's hosts`);
  return h;
}
