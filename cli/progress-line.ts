// A command's progress on stderr: one line rewritten in place on a terminal, one line per step otherwise
// (logs and CI), never on stdout (which carries the result).

import type { Progress } from '../sim-core/index';

export interface ProgressLine {
  update: (p: Progress) => void;
  /** Ends the line on a terminal. */
  done: () => void;
}

export function progressLine(command: string): ProgressLine {
  const tty = process.stderr.isTTY;
  let last = '';
  return {
    update: (p) => {
      const line = `${command}: ${Math.round(p.share * 100)}%${p.label ? ` ${p.label}` : ''}`;
      if (line === last) return;
      last = line;
      if (tty) process.stderr.write(`\r\x1b[K${line.slice(0, (process.stderr.columns ?? 120) - 1)}`);
      else if (p.label !== undefined || p.point) process.stderr.write(`${line}\n`);
    },
    done: () => {
      if (tty && last) process.stderr.write('\n');
    },
  };
}
