/**
 * A request azscan would not send, or an answer it will not take: a request to an origin other
 * than ARM's (only a nextLink can name one), a redirect, or a read the scan's deadline cut off.
 * Reported as a failed read with `code`.
 */
export class RefusedRead extends Error {
  override readonly name = 'RefusedRead';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
