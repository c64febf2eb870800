/** Errors of the command-line program and their exit codes. @internal */
export { InputError } from '../node/lineReader.js';

/** Exit codes: 0 success, 1 a `--fail-under` threshold not met, 2 bad usage or bad input. */
export const EXIT_OK = 0;
export const EXIT_THRESHOLD = 1;
export const EXIT_USAGE = 2;

/** Bad usage (unknown option or metric, a missing or malformed value). The CLI exits 2 with its message. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
