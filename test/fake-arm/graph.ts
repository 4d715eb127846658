import type { OutgoingHttpHeaders } from 'node:http';
import { type ArmResource, type TenantIndex, segmentsOf } from './tenant-index.js';
import type { GraphQuota } from './types.js';

/** Resource Graph's query path, lower case: the fake's one POST. */
export const GRAPH_PATH = '/providers/microsoft.resourcegraph/resources';

/** What a Graph query is answered with. */
export interface GraphReply {
  status: number;
  body: unknown;
  headers: OutgoingHttpHeaders;
}

/** The fault kinds the Graph route acts on itself (the others are applied before it, as for any path). */
export interface GraphFaults {
  /** 'nextLinkLoop': the page's `$skipToken` names the page itself. */
  skipTokenLoop: boolean;
  /** 'badRows': a row without an id is added to the page. */
  badRows: boolean;
  /** Rows per page at most, whatever `$top` asks (Graph's own largest is 1,000). */
  pageSize: number;
}

export const DEFAULT_PAGE = 1000;

/**
 * A fake Resource Graph: answers the inventory query azscan sends, and only that. It parses what
 * azscan's query builder emits (the body's `subscriptions`; the types in `type in~ (…)`), and
 * answers with the tenant's top-level resources of those types as Graph rows: lower-cased
 * `type`, Graph's own columns (`tenantId`, `subscriptionId`, `resourceGroup`), "" and null for
 * empty columns, ordered by id, paged by `$skipToken` at `$top` (1,000 at most) rows.
 */
export function answerGraph(index: TenantIndex, bodyText: string, quota: QuotaBuckets, identity: string, faults: GraphFaults): GraphReply {
  const admission = quota.admit(identity);
  if (!admission.admitted) {
    return error(429, 'RateLimiting', 'Please provide below info when asking for support: the user quota is exhausted.', { ...admission.headers, 'retry-after': String(admission.retryAfterSeconds) });
  }
  const request = parse(bodyText, faults.pageSize);
  if (typeof request === 'string') return error(400, 'BadRequest', request, admission.headers);
  const rows = request.subscriptions.flatMap((subscriptionId) => {
    const subscription = index.subscription(subscriptionId);
    if (subscription === undefined) return [];
    return request.types.flatMap((type) => {
      const [namespace = '', name = ''] = type.split('/');
      return index.subscriptionWide(subscriptionId, namespace, name).map((resource) => graphRow(resource, subscription.tenantId));
    });
  });
  rows.sort((a, b) => (String(a.id).toLowerCase() < String(b.id).toLowerCase() ? -1 : 1));
  const page = rows.slice(request.skip, request.skip + request.top);
  if (faults.badRows) page.push({ name: 'no-id', type: request.types[0] ?? 'x' });
  const end = request.skip + request.top;
  const skipToken = faults.skipTokenLoop ? tokenFor(request.skip) : end < rows.length ? tokenFor(end) : undefined;
  return {
    status: 200,
    headers: admission.headers,
    body: { totalRecords: rows.length, count: page.length, resultTruncated: 'false', ...(skipToken === undefined ? {} : { $skipToken: skipToken }), data: page, facets: [] },
  };
}

interface GraphRequest {
  subscriptions: string[];
  types: string[];
  top: number;
  skip: number;
}

/** The request, or why the fake does not serve it (a 400). */
function parse(bodyText: string, pageSize: number): GraphRequest | string {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return 'The request body is not JSON.';
  }
  const { subscriptions, query, options } = (body ?? {}) as { subscriptions?: unknown; query?: unknown; options?: Record<string, unknown> };
  if (!Array.isArray(subscriptions) || !subscriptions.every((id) => typeof id === 'string')) return 'The fake serves queries over a list of subscriptions only.';
  if (typeof query !== 'string') return 'The query is missing.';
  const types = /^Resources \| where type in~ \(([^)]*)\) \|/.exec(query)?.[1]?.split(',').map((quoted) => quoted.trim().replace(/^'|'$/g, ''));
  if (types === undefined) return `The fake serves azscan's inventory query only, not: ${query.slice(0, 80)}`;
  if (options?.resultFormat !== 'objectArray') return 'The fake answers resultFormat objectArray only.';
  const top = Math.min(typeof options.$top === 'number' ? options.$top : DEFAULT_PAGE, pageSize);
  const token = options.$skipToken;
  const skip = token === undefined ? 0 : skipOf(token);
  if (skip === undefined) return `The $skipToken '${String(token)}' is not valid.`;
  return { subscriptions, types, top, skip };
}

/** A resource as Graph's `resources` table holds it. */
function graphRow(resource: ArmResource, tenantId: string): Record<string, unknown> {
  const segments = segmentsOf(String(resource.id));
  const inGroup = segments[2]?.toLowerCase() === 'resourcegroups';
  return {
    id: resource.id,
    name: resource.name,
    type: String(resource.type).toLowerCase(),
    tenantId,
    kind: resource.kind ?? '',
    location: resource.location ?? '',
    resourceGroup: inGroup ? (segments[3] ?? '').toLowerCase() : '',
    subscriptionId: segments[1],
    managedBy: resource.managedBy ?? '',
    sku: resource.sku ?? null,
    plan: resource.plan ?? null,
    properties: resource.properties ?? null,
    tags: resource.tags ?? null,
    identity: resource.identity ?? null,
    zones: resource.zones ?? null,
    extendedLocation: resource.extendedLocation ?? null,
  };
}

function tokenFor(skip: number): string {
  return Buffer.from(`fake-graph:${skip}`).toString('base64');
}

function skipOf(token: unknown): number | undefined {
  if (typeof token !== 'string') return undefined;
  const match = /^fake-graph:(\d+)$/.exec(Buffer.from(token, 'base64').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}

function error(status: number, code: string, message: string, headers: OutgoingHttpHeaders): GraphReply {
  return { status, body: { error: { code, message } }, headers };
}

type QuotaAdmission = { admitted: true; headers: OutgoingHttpHeaders } | { admitted: false; headers: OutgoingHttpHeaders; retryAfterSeconds: number };

/**
 * Graph's per-user quota: `capacity` queries per window of `windowSeconds` for each identity
 * (here, each bearer token), the window starting at the identity's first query. Every answer
 * carries `x-ms-user-quota-remaining` and `x-ms-user-quota-resets-after`; a query over the
 * quota is a 429 with Retry-After.
 */
export class QuotaBuckets {
  private readonly windows = new Map<string, { startedAt: number; used: number }>();

  constructor(private readonly quota: GraphQuota = { capacity: 1000, windowSeconds: 5 }) {}

  admit(identity: string): QuotaAdmission {
    const now = Date.now();
    const windowMs = this.quota.windowSeconds * 1000;
    let window = this.windows.get(identity);
    if (window === undefined || now - window.startedAt >= windowMs) {
      window = { startedAt: now, used: 0 };
      this.windows.set(identity, window);
    }
    const left = Math.max(1, Math.ceil((window.startedAt + windowMs - now) / 1000));
    const resetsAfter = `00:${String(Math.floor(left / 60)).padStart(2, '0')}:${String(left % 60).padStart(2, '0')}`;
    if (window.used >= this.quota.capacity) {
      return { admitted: false, retryAfterSeconds: left, headers: { 'x-ms-user-quota-remaining': '0', 'x-ms-user-quota-resets-after': resetsAfter } };
    }
    window.used++;
    return { admitted: true, headers: { 'x-ms-user-quota-remaining': String(this.quota.capacity - window.used), 'x-ms-user-quota-resets-after': resetsAfter } };
  }
}
