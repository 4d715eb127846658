/** The public shapes of the fake ARM server; `server.ts` re-exports them. */

export interface FakeSubscription {
  subscriptionId: string;
  displayName: string;
  state: 'Enabled' | 'Warned' | 'PastDue' | 'Disabled' | 'Deleted';
  tenantId: string;
}

export interface FakeTenant {
  subscriptions: FakeSubscription[];
  /**
   * ARM REST JSON objects with a full `id`: top-level, child and extension resources, e.g.
   * `{dbId}/transparentDataEncryption/current`, `{id}/providers/Microsoft.Insights/diagnosticSettings/x`.
   * An object whose id is a resource group id (`/subscriptions/s/resourceGroups/rg`) is served as that group.
   */
  resources: Array<Record<string, unknown>>;
  /** The management group tree, for `--management-group`: its descendants route serves it. */
  managementGroups?: FakeManagementGroup[];
}

/** A management group: its id (its name), its parent group's id, and the subscriptions directly in it. */
export interface FakeManagementGroup {
  id: string;
  displayName?: string;
  parent?: string;
  subscriptions?: string[];
}

export type FaultKind = '401' | '403' | '404' | '429' | '500' | '503' | 'reset' | 'malformed' | 'nextLinkLoop' | 'slow' | 'foreignNextLink' | 'redirect' | 'conflictingCopy' | 'badRows';

export interface Fault {
  /** Matched against the request path (without query string), case-insensitively: a RegExp, or a string that must be a prefix of the path. */
  match: RegExp | string;
  kind: FaultKind;
  /** How many matching requests get the fault; afterwards they are served normally. Default: every one. */
  times?: number;
  /** For 429: the Retry-After header value in seconds (omit the header when undefined). */
  retryAfterSeconds?: number;
  /** ARM error code and message for error kinds (defaults: 401 InvalidAuthenticationToken, 403 AuthorizationFailed, 404 ResourceNotFound, 429 TooManyRequests, 500 InternalServerError, 503 ServiceUnavailable). */
  code?: string;
  message?: string;
  /** For 'slow': milliseconds to delay the response. */
  delayMs?: number;
  /**
   * For 'foreignNextLink': the origin (`https://localhost:1234`) the list's first page names in its
   * nextLink, with the same path and query. For 'redirect': the Location of a 302 answer.
   */
  location?: string;
  /** For 'conflictingCopy': properties that a second copy of the page's first item, appended to the page, has instead. */
  properties?: Record<string, unknown>;
}

/** Resource Graph's per-user quota: `capacity` queries per `windowSeconds` for each identity (bearer token). */
export interface GraphQuota {
  capacity: number;
  windowSeconds: number;
}

/** ARM's per-subscription read token bucket. */
export interface ReadBucket {
  capacity: number;
  refillPerSecond: number;
}

export interface FakeArmOptions {
  tenant: FakeTenant;
  /** The bearer token the server accepts. */
  token: string;
  /** Items per list page before a nextLink (default 100). */
  pageSize?: number;
  /** Added to every response (default 0). */
  latencyMs?: number;
  /** When set, every request under /subscriptions/{id}/ takes a token from that subscription's bucket. */
  readBucket?: ReadBucket;
  faults?: Fault[];
  /**
   * Resource Graph's quota (`POST /providers/Microsoft.ResourceGraph/resources`); default 1,000
   * queries per 5 s. A fault of kind 'nextLinkLoop' on the Graph path makes its `$skipToken` loop,
   * 'badRows' adds a row without an id to the page; the others apply as on any path.
   */
  graphQuota?: GraphQuota;
  /** Rows per Resource Graph page when the query asks for more (default 1,000, Graph's own largest). */
  graphPageSize?: number;
}

export interface RecordedRequest {
  method: string;
  /** Percent-decoded, without the query string and without a trailing slash. */
  path: string;
  /** The raw query string, without the `?`. */
  query: string;
  /** The id segment of a /subscriptions/{id} path, as sent. */
  subscriptionId?: string;
  /** The status sent; 0 for a connection reset. */
  status: number;
  authorization: 'valid' | 'invalid' | 'missing';
  /** Arrival time, `Date.now()`. */
  at: number;
  /** The request body, for a POST (a Resource Graph query). */
  body?: string;
}

export interface FakeArm {
  /** e.g. https://127.0.0.1:41234 (no trailing slash) */
  url: string;
  /** PEM file of the self-signed certificate, usable as a CA via NODE_EXTRA_CA_CERTS. */
  caCertPath: string;
  /** Every request, in arrival order. */
  requests: RecordedRequest[];
  /** TLS connections clients have opened so far. */
  tlsConnections(): number;
  /** Replaces the fault list (and resets their counters). */
  setFaults(faults: Fault[]): void;
  resetRequests(): void;
  close(): Promise<void>;
}
