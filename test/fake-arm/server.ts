import { randomUUID } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { serverCertificate } from './certificate.js';
import { FaultList, faultError } from './faults.js';
import { listPage } from './paging.js';
import { ReadBuckets } from './read-buckets.js';
import { answerGraph, DEFAULT_PAGE, GRAPH_PATH, QuotaBuckets } from './graph.js';
import { armError, routeGet } from './routes.js';
import { TenantIndex, segmentsOf } from './tenant-index.js';
import type { FakeArm, FakeArmOptions, RecordedRequest } from './types.js';

export type {
  FakeArm,
  FakeArmOptions,
  FakeManagementGroup,
  FakeSubscription,
  FakeTenant,
  Fault,
  FaultKind,
  GraphQuota,
  ReadBucket,
  RecordedRequest,
} from './types.js';

/** What ARM reports as remaining reads when no read bucket is configured. */
const UNLIMITED_READS_REMAINING = 11999;

/** The 'malformed' fault's body: a list response cut off mid-way. */
const TRUNCATED_JSON = '{"value": [ {"id": "/subscr';

/** ARM's challenge on a 401. Azure SDKs only act on it when it carries CAE claims, which this one does not. */
const AUTHENTICATE_CHALLENGE = 'Bearer authorization_uri="https://login.microsoftonline.com/common", error="invalid_token", error_description="The access token is invalid."';

/**
 * A fake Azure Resource Manager on https://127.0.0.1:{random port}, serving `options.tenant`
 * the way ARM does, with injectable faults, latency and ARM's per-subscription read limit.
 */
export async function startFakeArm(options: FakeArmOptions): Promise<FakeArm> {
  const certificate = await serverCertificate();
  const index = new TenantIndex(options.tenant);
  const faults = new FaultList(options.faults ?? []);
  const buckets = options.readBucket === undefined ? undefined : new ReadBuckets(options.readBucket);
  const graphQuota = new QuotaBuckets(options.graphQuota);
  const pageSize = options.pageSize ?? 100;
  const latencyMs = options.latencyMs ?? 0;
  const requests: RecordedRequest[] = [];
  const pendingTimers = new Set<NodeJS.Timeout>();
  let url = '';

  function later(delayMs: number, action: () => void): void {
    if (delayMs <= 0) {
      action();
      return;
    }
    const timer = setTimeout(() => {
      pendingTimers.delete(timer);
      action();
    }, delayMs);
    pendingTimers.add(timer);
  }

  function handle(request: IncomingMessage, response: ServerResponse): void {
    const target = request.url ?? '/';
    const queryAt = target.indexOf('?');
    const rawPath = queryAt < 0 ? target : target.slice(0, queryAt);
    const query = queryAt < 0 ? '' : target.slice(queryAt + 1);
    const segments = segmentsOf(decodePath(rawPath));
    const subscriptionId = segments[0]?.toLowerCase() === 'subscriptions' ? segments[1] : undefined;
    // Requests under /subscriptions/{id}/ count against that subscription's reads.
    const limitedSubscription = segments.length > 2 ? subscriptionId?.toLowerCase() : undefined;

    const record: RecordedRequest = {
      method: request.method ?? '',
      path: `/${segments.join('/')}`,
      query,
      status: 0,
      authorization: authorizationOf(request.headers.authorization, options.token),
      at: Date.now(),
    };
    if (subscriptionId !== undefined) record.subscriptionId = subscriptionId;
    requests.push(record);

    let delayMs = latencyMs;
    const send = (status: number, body: string, headers: OutgoingHttpHeaders = {}): void => {
      record.status = status;
      const allHeaders: OutgoingHttpHeaders = {
        'content-type': 'application/json; charset=utf-8',
        'x-ms-request-id': randomUUID(),
        ...headers,
      };
      if (limitedSubscription !== undefined) {
        allHeaders['x-ms-ratelimit-remaining-subscription-reads'] = String(
          buckets?.remaining(limitedSubscription) ?? UNLIMITED_READS_REMAINING,
        );
      }
      later(delayMs, () => response.writeHead(status, allHeaders).end(body));
    };
    const sendError = (status: number, code: string, message: string, headers: OutgoingHttpHeaders = {}): void =>
      send(status, JSON.stringify({ error: { code, message } }), headers);

    // Faults come first, before the token is even looked at: they stand for what the network or
    // ARM's front door does to a request, and a test's `times` should count every matching request.
    const fault = faults.take(record.path);
    if (fault?.kind === 'reset') {
      later(delayMs, () => request.socket.destroy());
      return;
    }
    if (fault?.kind === 'malformed') {
      send(200, TRUNCATED_JSON);
      return;
    }
    if (fault?.kind === 'redirect') {
      send(302, '', { location: fault.location ?? '/' });
      return;
    }
    const injectedError = fault === undefined ? undefined : faultError(fault);
    if (injectedError !== undefined) {
      const headers: OutgoingHttpHeaders = {};
      if (fault?.kind === '429' && fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
      if (fault?.kind === '401') headers['www-authenticate'] = AUTHENTICATE_CHALLENGE;
      sendError(injectedError.status, injectedError.code, injectedError.message, headers);
      return;
    }
    if (fault?.kind === 'slow') delayMs += fault.delayMs ?? 0;

    if (record.authorization === 'missing') {
      sendError(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.", {
        'www-authenticate': AUTHENTICATE_CHALLENGE,
      });
      return;
    }
    if (record.authorization === 'invalid') {
      sendError(401, 'InvalidAuthenticationToken', 'The access token is invalid.', { 'www-authenticate': AUTHENTICATE_CHALLENGE });
      return;
    }
    if (request.method === 'POST' && record.path.toLowerCase() === GRAPH_PATH) {
      // Resource Graph: the one POST ARM serves here, a query, answered once its body has arrived.
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        record.body = Buffer.concat(chunks).toString('utf8');
        const graphFaults = { skipTokenLoop: fault?.kind === 'nextLinkLoop', badRows: fault?.kind === 'badRows', pageSize: options.graphPageSize ?? DEFAULT_PAGE };
        const reply = answerGraph(index, record.body, graphQuota, request.headers.authorization ?? '', graphFaults);
        send(reply.status, JSON.stringify(reply.body), reply.headers);
      });
      return;
    }
    if (request.method !== 'GET') {
      sendError(405, 'MethodNotAllowed', `The fake ARM server is read-only; it does not serve ${record.method}.`, { allow: 'GET' });
      return;
    }
    if (buckets !== undefined && limitedSubscription !== undefined) {
      const admission = buckets.admit(limitedSubscription);
      if (!admission.admitted) {
        sendError(
          429,
          'SubscriptionRequestsThrottled',
          `Number of 'read' requests for subscription '${subscriptionId}' exceeded. Please try again after '${admission.retryAfterSeconds}' seconds after the last request. Please see https://aka.ms/ARMThrottling for more details.`,
          { 'retry-after': String(admission.retryAfterSeconds) },
        );
        return;
      }
    }

    const params = new URLSearchParams(query);
    const skipToken = params.get('$skiptoken') ?? '0';
    const reply = /^\d+$/.test(skipToken)
      ? routeGet(index, segments)
      : armError(400, 'InvalidSkipToken', `The $skiptoken '${skipToken}' is not valid.`);
    if (reply.kind === 'json') {
      send(reply.status, JSON.stringify(reply.body));
      return;
    }
    const apiVersion = params.get('api-version');
    const page = listPage(reply.items, reply.paged, {
      pageSize,
      skip: Number(skipToken),
      loop: fault?.kind === 'nextLinkLoop',
      nextLink: (skip) =>
        `${fault?.kind === 'foreignNextLink' ? (fault.location ?? url) : url}${rawPath}?${apiVersion === null ? '' : `api-version=${encodeURIComponent(apiVersion)}&`}$skiptoken=${skip}`,
      forceNextLink: fault?.kind === 'foreignNextLink',
    });
    if (fault?.kind === 'conflictingCopy' && isRecord(page.value[0])) {
      const first = page.value[0];
      const copy = { ...first, properties: { ...(isRecord(first.properties) ? first.properties : {}), ...fault.properties } };
      send(200, JSON.stringify({ ...page, value: [...page.value, copy] }));
      return;
    }
    send(200, JSON.stringify(page));
  }

  const server = createServer({ key: certificate.key, cert: certificate.cert }, handle);
  // TLS handshakes, one per connection a client opened: how well its keep-alive pool is shared.
  let tlsConnections = 0;
  server.on('secureConnection', () => tlsConnections++);
  // Outlive the clients' idle keep-alive sockets, so a client never reuses one the server is closing.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    caCertPath: certificate.certPath,
    requests,
    tlsConnections: () => tlsConnections,
    setFaults: (replacement) => faults.replace(replacement),
    resetRequests: () => {
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of pendingTimers) clearTimeout(timer);
        pendingTimers.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function authorizationOf(header: string | undefined, token: string): RecordedRequest['authorization'] {
  if (header === undefined) return 'missing';
  const space = header.indexOf(' ');
  const scheme = header.slice(0, Math.max(space, 0));
  return scheme.toLowerCase() === 'bearer' && header.slice(space + 1) === token ? 'valid' : 'invalid';
}

/** ARM ids in a path may arrive percent-encoded (SDKs encode some path parameters). */
function decodePath(rawPath: string): string {
  try {
    return decodeURIComponent(rawPath);
  } catch {
    return rawPath;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
