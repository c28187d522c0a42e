// Exit codes of the capsim command.

export const EXIT_OK = 0;
/** A check the user asked for failed (selftest FAIL). */
export const EXIT_FAILED = 1;
/** Bad input: unreadable or invalid scenario, unknown option. Nothing was written. */
export const EXIT_BAD_INPUT = 2;
/** Stopped by Ctrl+C or SIGTERM (128 + SIGINT, as shells report it). */
export const EXIT_CANCELLED = 130;

/** An error whose message is meant for the user as is (one line per problem), with its exit code. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = EXIT_BAD_INPUT) {
    super(message);
    this.name = 'CliError';
  }
}
