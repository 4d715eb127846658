/**
 * Thrown inside a rule when the data it needs is not known: not collected, a failed read,
 * or a property whose value azscan cannot interpret. The engine turns it into an `error`
 * outcome with this code and reason; it is never a pass and never a fail.
 */
export class NotEvaluated extends Error {
  constructor(
    readonly code: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** A property present with a value azscan cannot read (a string where a boolean belongs). */
export class MalformedProperty extends NotEvaluated {
  constructor(path: string, expected: string, value: unknown) {
    super('MalformedProperty', `${path} is ${JSON.stringify(value)}, expected ${expected}`);
  }
}
