// api: the cross-tier checks of a web-stack scenario (connections, RAM, caps, timeouts); none for queueing models.

import type { ArgsOf, ResultOf } from '../protocol';
import { lintScenario } from '../web-stack/lint';

export function lint(args: ArgsOf<'lint'>): ResultOf<'lint'> {
  return args.scenario.kind === 'web-stack' ? lintScenario(args.scenario) : [];
}
