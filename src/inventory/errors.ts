/**
 * The closed set of errors azscan reports to the user in one line with exit code 2: what it
 * was given is wrong. Anything else that reaches the top level is a failure inside azscan,
 * reported as an internal error with exit code 4.
 */

export class AzscanError extends Error {
  override readonly name: string = 'AzscanError';
}

/** A bad flag or argument. */
export class UsageError extends AzscanError {
  override readonly name = 'UsageError';
}

/** Input that cannot be read: a missing or malformed snapshot or config file. */
export class InputError extends AzscanError {
  override readonly name = 'InputError';
}

export function isAzscanError(error: unknown): error is AzscanError {
  return error instanceof AzscanError;
}
