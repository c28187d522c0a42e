// The one-line error of a failed write: the path, what went wrong in words (not an errno code alone) and what
// was left on disk. Exit code 2, like any bad input: the user chose a place that cannot take the output.

import { CliError, EXIT_BAD_INPUT } from '../exit-codes';

const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a parent of it is a file, not a folder',
  ENOENT: 'its folder does not exist (add --mkdir to create it)',
  EISDIR: 'it is a folder, not a file',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  EIO: 'an I/O error',
  EBUSY: 'it is busy',
  EXDEV: 'it is on another file system than its temporary copy',
  ELOOP: 'it goes through a loop of symbolic links',
};

/** A failure's reason in words, with the code for searching: "the disk is full (ENOSPC)". */
export function reasonOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code && REASONS[code]) return `${REASONS[code]} (${code})`;
  return code ?? (e instanceof Error ? e.message.split('\n')[0] : String(e));
}

/** `--out PATH: cannot write the report: the disk is full (ENOSPC); the previous file is unchanged`. */
export function writeError(flag: string, path: string, what: string, e: unknown, left: string): CliError {
  return new CliError(`${flag} ${path}: cannot write ${what}: ${reasonOf(e)}; ${left}`, EXIT_BAD_INPUT);
}
