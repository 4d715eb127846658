import type { PipelinePolicy, PipelineRequest, PipelineResponse } from '@azure/core-rest-pipeline';
import { Deadline } from './deadline.js';
import { RefusedRead } from './refused-read.js';
import type { RequestScheduler } from './scheduler.js';

export interface RetryOptions {
  /** Attempts for one request, the first included. */
  readonly maxAttempts: number;
  /**
   * Retries of one request after an attempt timed out: a request that never answers costs at
   * most (1 + this) × `timeoutMs`, not `maxAttempts` × `timeoutMs`.
   */
  readonly maxTimeoutRetries: number;
  /** Retries allowed across the whole scan: past it, a failing request fails for good. */
  readonly budget: number;
  /** The longest azscan waits on one Retry-After, whatever ARM asks. */
  readonly maxWaitMs: number;
  /** First backoff for 5xx, timeouts and resets; doubled each attempt, with jitter. */
  readonly backoffMs: number;
  /** Time allowed for one attempt. */
  readonly timeoutMs: number;
}

export const DEFAULT_RETRY_OPTIONS: RetryOptions = {
  maxAttempts: 6,
  maxTimeoutRetries: 2,
  budget: 1000,
  maxWaitMs: 60_000,
  backoffMs: 500,
  timeoutMs: 30_000,
};

/** What the requests of a scan did, for progress and the benchmark. */
export class RequestStats {
  requests = 0;
  throttled = 0;
  retries = 0;
  failures = 0;
}

/** A request that failed for good after retrying, or because the retry budget was spent. */
export class RetriesExhausted extends Error {
  override readonly name = 'RetriesExhausted';
  constructor(
    readonly code: string,
    message: string,
    readonly statusCode?: number,
  ) {
    super(message);
  }
}

const RETRIABLE_STATUS = new Set([500, 502, 503, 504]);

/**
 * One policy in front of every SDK client's pipeline (the SDKs' own retries and redirects are
 * off): it refuses anything but GET and anything not for ARM's origin, takes a turn from the
 * scheduler, feeds ARM's remaining-reads header back to it, honours 429 Retry-After up to a
 * cap, retries 5xx, timeouts and connection resets with backoff, all within one retry budget
 * for the scan, and refuses redirects.
 *
 * It runs before the SDK's authentication policy, so a request it refuses never carries the
 * bearer token: whatever a response's nextLink or Location says, the token goes to ARM only.
 */
export function armReadPolicy(
  scheduler: RequestScheduler,
  stats: RequestStats,
  armOrigin: string,
  options: RetryOptions = DEFAULT_RETRY_OPTIONS,
  deadline: Deadline = Deadline.NONE,
): PipelinePolicy {
  let budget = options.budget;
  const takeRetry = (): boolean => {
    if (budget <= 0) return false;
    budget--;
    stats.retries++;
    return true;
  };

  return {
    name: 'azscanArmReadPolicy',
    async sendRequest(request: PipelineRequest, next): Promise<PipelineResponse> {
      // azscan is read-only by construction: a write can only be a bug, and must not reach ARM.
      // The one POST it sends is a Resource Graph query, which reads (see isResourceGraphQuery).
      if (request.method !== 'GET' && !isResourceGraphQuery(request.method, request.url, armOrigin)) {
        throw new Error(`azscan makes GET requests only; refused ${request.method} ${pathOf(request.url)} (its one POST is a Resource Graph query)`);
      }
      const origin = originOf(request.url);
      if (origin !== armOrigin) throw new RefusedRead('ForeignOrigin', `refused a request to ${origin ?? 'an unreadable URL'}: azscan sends requests to ARM (${armOrigin}) only`);
      const lane = laneOf(request.url);
      let timeouts = 0;
      for (let attempt = 1; ; attempt++) {
        const release = await deadline.race(scheduler.acquire(lane), (late) => late());
        // The SDK's deserialisation, which runs inside `next`, throws ARM error statuses as a
        // RestError carrying the response; both ways of ending are looked at the same way.
        let response: PipelineResponse | undefined;
        let failure: unknown;
        try {
          deadline.check();
          request.timeout = Math.max(1, Math.min(options.timeoutMs, deadline.remainingMs()));
          stats.requests++;
          response = await next(request);
        } catch (error) {
          failure = error;
          response = (error as { response?: PipelineResponse }).response;
        } finally {
          release();
        }
        if (failure instanceof RefusedRead) throw failure;
        const giveUp = (): PipelineResponse => {
          stats.failures++;
          if (failure !== undefined) throw failure;
          return response!;
        };

        if (response === undefined) {
          const code = networkCode(failure);
          if (code === undefined) throw failure;
          // An attempt cut short by the scan's deadline is not a slow ARM: the scan is over.
          deadline.check();
          if (code === 'ETIMEDOUT') timeouts++;
          if (attempt >= options.maxAttempts || timeouts > options.maxTimeoutRetries || !takeRetry()) {
            stats.failures++;
            throw new RetriesExhausted(code, `${describeNetwork(code)} after ${attempt} attempt${attempt > 1 ? 's' : ''}${budget <= 0 ? ' (retry budget spent)' : ''}`);
          }
          await deadline.sleep(backoff(options.backoffMs, attempt));
          continue;
        }

        const remaining = response.headers.get('x-ms-ratelimit-remaining-subscription-reads');
        if (remaining !== undefined && Number.isFinite(Number(remaining))) scheduler.observeRemaining(lane, Number(remaining));

        if (response.status === 429) {
          stats.throttled++;
          const wait = Math.min(retryAfterMs(response) ?? backoff(options.backoffMs, attempt), options.maxWaitMs);
          scheduler.throttled(lane, wait);
          if (attempt >= options.maxAttempts || !takeRetry()) return giveUp();
          continue; // the scheduler holds the lane for `wait`
        }
        if (RETRIABLE_STATUS.has(response.status)) {
          if (attempt >= options.maxAttempts || !takeRetry()) return giveUp();
          await deadline.sleep(backoff(options.backoffMs, attempt));
          continue;
        }
        if (response.status >= 300 && response.status < 400) {
          // The SDKs' redirect policy is off: a redirect is a read that did not happen, never an empty list.
          const location = response.headers.get('location');
          const to = location === undefined ? '' : ` to ${originOf(location, request.url) ?? 'an unreadable URL'}`;
          throw new RefusedRead(`HTTP${response.status}`, `${response.status}: ARM answered with a redirect${to}, which azscan does not follow`);
        }
        if (failure !== undefined) throw failure;
        return response;
      }
    },
  };
}

/** The origin of a URL (relative to `base` when given): scheme, host and port, default ports left out. */
export function originOf(url: string, base?: string): string | undefined {
  try {
    return new URL(url, base).origin;
  } catch {
    return undefined;
  }
}

/** The path of Resource Graph's query operation, under ARM's origin. */
export const RESOURCE_GRAPH_QUERY_PATH = '/providers/Microsoft.ResourceGraph/resources';

/** The scheduler lane of Resource Graph queries: Graph meters them per user, not per subscription. */
export const RESOURCE_GRAPH_LANE = 'resource-graph';

/**
 * The one non-GET azscan may send: `POST {ARM}/providers/Microsoft.ResourceGraph/resources?api-version=…`,
 * a query, which reads (its permission is `Microsoft.ResourceGraph/resources/read`, in Reader).
 * An allow-list of one: ARM's origin, that path exactly (case-insensitively, as ARM compares
 * paths), and no query parameter but the api-version. A POST to any other path (`…/listKeys`,
 * `…/resources/x`, `…/resourcesHistory`) stays refused before it is sent.
 */
export function isResourceGraphQuery(method: string, url: string, armOrigin: string): boolean {
  if (method !== 'POST') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.origin !== armOrigin || parsed.pathname.toLowerCase() !== RESOURCE_GRAPH_QUERY_PATH.toLowerCase()) return false;
  const names = [...parsed.searchParams.keys()];
  return names.length === 1 && names[0] === 'api-version' && parsed.username === '' && parsed.password === '';
}

/** The scheduler lane of a request: its subscription, `resource-graph` for Graph queries, or `tenant` for tenant-level calls. */
export function laneOf(url: string): string {
  if (pathOf(url).toLowerCase() === RESOURCE_GRAPH_QUERY_PATH.toLowerCase()) return RESOURCE_GRAPH_LANE;
  const match = /\/subscriptions\/([^/?#]+)/i.exec(url);
  return match ? match[1]!.toLowerCase() : 'tenant';
}

/** Retry-After in seconds or as an HTTP date, or x-ms-retry-after-ms; undefined when absent or unreadable. */
export function retryAfterMs(response: PipelineResponse): number | undefined {
  const ms = Number(response.headers.get('x-ms-retry-after-ms'));
  if (response.headers.has('x-ms-retry-after-ms') && Number.isFinite(ms) && ms >= 0) return ms;
  const header = response.headers.get('retry-after');
  if (header === undefined) return undefined;
  const seconds = Number(header);
  if (header.trim() !== '' && Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Exponential backoff with full jitter: a burst of failures does not retry in lockstep. */
function backoff(baseMs: number, attempt: number): number {
  const ceiling = baseMs * 2 ** (attempt - 1);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/** The code of a network-level failure worth retrying, or undefined for anything else. */
function networkCode(error: unknown): string | undefined {
  const candidate = error as { code?: unknown; name?: unknown; cause?: { code?: unknown }; statusCode?: unknown };
  if (typeof candidate !== 'object' || candidate === null || candidate.statusCode !== undefined) return undefined;
  const code = typeof candidate.cause?.code === 'string' ? candidate.cause.code : typeof candidate.code === 'string' ? candidate.code : undefined;
  if (code && /^(ECONNRESET|ECONNREFUSED|ECONNABORTED|EPIPE|ETIMEDOUT|ESOCKETTIMEDOUT|EAI_AGAIN|UND_ERR_SOCKET|REQUEST_SEND_ERROR)$/.test(code)) return code;
  if (candidate.name === 'AbortError' || candidate.name === 'TimeoutError') return 'ETIMEDOUT';
  return undefined;
}

function describeNetwork(code: string): string {
  switch (code) {
    case 'ETIMEDOUT':
    case 'ESOCKETTIMEDOUT':
      return 'the request timed out';
    case 'ECONNRESET':
      return 'the connection was reset';
    case 'ECONNREFUSED':
      return 'the connection was refused';
    default:
      return `the request failed (${code})`;
  }
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

