import type { Fault } from './types.js';

interface ArmedFault {
  fault: Fault;
  matches: (path: string) => boolean;
  /** Requests this fault may still take; Infinity when `times` is not set. */
  remaining: number;
}

/** The injected faults, matched in list order; a fault that has used up its `times` is skipped. */
export class FaultList {
  private armed: ArmedFault[] = [];

  constructor(faults: Fault[]) {
    this.replace(faults);
  }

  replace(faults: Fault[]): void {
    this.armed = faults.map((fault) => ({
      fault,
      matches: matcherFor(fault.match),
      remaining: fault.times ?? Infinity,
    }));
  }

  /** The fault that applies to a request for `path`, counting it as used. */
  take(path: string): Fault | undefined {
    const hit = this.armed.find((armed) => armed.remaining > 0 && armed.matches(path));
    if (hit === undefined) return undefined;
    hit.remaining -= 1;
    return hit.fault;
  }
}

function matcherFor(match: RegExp | string): (path: string) => boolean {
  if (typeof match === 'string') {
    const prefix = match.toLowerCase();
    return (path) => path.toLowerCase().startsWith(prefix);
  }
  // Paths are case-insensitive in ARM, so a pattern written in one casing must match any other.
  // A global or sticky flag would make `test` stateful between requests; drop them.
  const pattern = new RegExp(match.source, match.flags.replace(/[gyi]/g, '') + 'i');
  return (path) => pattern.test(path);
}

const defaultErrors: Record<string, { code: string; message: string }> = {
  '401': { code: 'InvalidAuthenticationToken', message: 'The access token is invalid.' },
  '403': {
    code: 'AuthorizationFailed',
    message: 'The client does not have authorization to perform action over this scope or the scope is invalid.',
  },
  '404': { code: 'ResourceNotFound', message: 'The resource was not found.' },
  '429': { code: 'TooManyRequests', message: 'The request is being throttled.' },
  '500': { code: 'InternalServerError', message: 'Encountered internal server error.' },
  '503': { code: 'ServiceUnavailable', message: 'The service is temporarily unavailable.' },
};

/** The status and ARM error of a fault that answers with an HTTP error, or undefined for other kinds. */
export function faultError(fault: Fault): { status: number; code: string; message: string } | undefined {
  const defaults = defaultErrors[fault.kind];
  if (defaults === undefined) return undefined;
  return { status: Number(fault.kind), code: fault.code ?? defaults.code, message: fault.message ?? defaults.message };
}
