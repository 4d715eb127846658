/*
 * Auth depends on nothing else in azscan, so the two errors it throws are its own. The CLI
 * reports them as it reports an AzscanError: one line, exit 2.
 */

/** No token could be obtained, or ARM rejected the one given; nothing was scanned. */
export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError';
}

/** A --cloud or --arm-endpoint that azscan cannot sign in to. */
export class CloudSettingError extends Error {
  override readonly name = 'CloudSettingError';
}

export function isAuthError(error: unknown): error is AuthenticationError | CloudSettingError {
  return error instanceof AuthenticationError || error instanceof CloudSettingError;
}
