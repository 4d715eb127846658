import type { UnreadPart } from './rule.js';

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
    super('MalformedProperty', `${path} is ${quoted(value)}, expected ${expected}`);
  }
}

/** A value as JSON for a reason, cut short: a malformed property may be an object of any size. */
function quoted(value: unknown): string {
  const text = value === undefined ? 'missing' : (JSON.stringify(value) ?? String(value));
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

/**
 * Reads each child with `read`; a child that is malformed is recorded as an unreadable part
 * (named by its own id) and skipped, so that one bad child does not hide what the others show.
 */
export function readEach<C extends { readonly id: string; readonly type: string; readonly name: string }, T>(
  children: readonly C[],
  read: (child: C) => T,
  context: { unreadable(part: { code: string; reason: string; resourceId?: string; resourceType?: string }): void },
): Array<{ child: C; value: T }> {
  const values: Array<{ child: C; value: T }> = [];
  for (const child of children) {
    try {
      values.push({ child, value: read(child) });
    } catch (error) {
      if (!(error instanceof NotEvaluated)) throw error;
      context.unreadable({ code: error.code, reason: `'${child.name}': ${error.reason}`, resourceId: child.id, resourceType: child.type });
    }
  }
  return values;
}

/**
 * Reads every child; those that are malformed come back as unread parts, for a rule that
 * passes on any one good child to record only when no child passes (one of them might have).
 */
export function readAll<C extends { readonly id: string; readonly type: string; readonly name: string }, T>(children: readonly C[], read: (child: C) => T): { values: T[]; unread: UnreadPart[] } {
  const unread: UnreadPart[] = [];
  const values = readEach(children, read, { unreadable: (part) => unread.push(part) }).map((entry) => entry.value);
  return { values, unread };
}
