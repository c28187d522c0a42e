// The CLI's standard output is an output path too (`capsim run --json > /full-disk/r.json`, `| head -1`): a
// reader that went away ends the command quietly; any other write failure is the one-line error, exit 2.

import { EXIT_BAD_INPUT } from '../exit-codes';
import { reasonOf } from './write-error';

let guarded = false;

export function guardStdout(): void {
  if (guarded) return;
  guarded = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    process.stderr.write(`capsim: cannot write the output to stdout: ${reasonOf(e)}\n`);
    process.exit(EXIT_BAD_INPUT);
  });
}
