import { describe, expect, it } from 'vitest';
import { laneOf, retryAfterMs } from '../../src/collect/arm-policy.js';
import { asReadFailure, readList, readOne, ReadFailure, type RawResponseHook } from '../../src/collect/read.js';

/** A stand-in for an SDK list operation: calls onResponse with each body, as the SDK does per page. */
function pager(bodies: string[]) {
  return (options: RawResponseHook) => ({
    async *byPage() {
      for (const body of bodies) {
        options.onResponse?.({ status: 200, bodyAsText: body, request: { url: 'https://arm/x' } });
        yield [];
      }
    },
  });
}

describe('readList', () => {
  it('collects every page\'s items as ARM sent them', async () => {
    const items = await readList(pager([JSON.stringify({ value: [{ id: 'a', properties: { x: 1 } }], nextLink: 'n1' }), JSON.stringify({ value: [{ id: 'b' }] })]));
    expect(items).toEqual([{ id: 'a', properties: { x: 1 } }, { id: 'b' }]);
  });

  it('stops at a nextLink it has seen, keeping what it read', async () => {
    const page = JSON.stringify({ value: [{ id: 'a' }], nextLink: 'https://arm/x?$skiptoken=1' });
    const failure = await readList(pager([page, page, page, page])).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ReadFailure);
    expect(failure).toMatchObject({ code: 'NextLinkLoop', partial: [{ id: 'a' }, { id: 'a' }] });
  });

  it('does not follow a nextLink to another origin, keeping what it read', async () => {
    const page = (nextLink: string) => JSON.stringify({ value: [{ id: 'a' }], nextLink });
    for (const link of ['https://evil.example/x?$skiptoken=1', 'http://arm/x?$skiptoken=1', 'https://arm:8443/x', '//evil.example/x']) {
      const failure = await readList(pager([page(link), page('https://arm/y')])).catch((error: unknown) => error);
      expect(failure, link).toMatchObject({ code: 'ForeignNextLink', partial: [{ id: 'a' }] });
    }
    // The same origin, however it is written, is followed: an explicit default port, a relative link.
    for (const link of ['https://arm:443/x?$skiptoken=1', 'HTTPS://ARM/x?$skiptoken=1', '/x?$skiptoken=1']) {
      await expect(readList(pager([page(link), JSON.stringify({ value: [{ id: 'b' }] })]))).resolves.toEqual([{ id: 'a' }, { id: 'b' }]);
    }
  });

  it('hands each page\'s items over as the page arrives, exactly the items it returns or keeps', async () => {
    const pages: unknown[][] = [];
    const items = await readList(pager([JSON.stringify({ value: [{ id: 'a' }, { id: 'b' }], nextLink: 'n1' }), JSON.stringify({ value: [{ id: 'c' }] })]), (page) => pages.push([...page]));
    expect(pages).toEqual([[{ id: 'a' }, { id: 'b' }], [{ id: 'c' }]]);
    expect(pages.flat()).toEqual(items);

    const looping = JSON.stringify({ value: [{ id: 'a' }], nextLink: 'https://arm/x?$skiptoken=1' });
    const handed: unknown[] = [];
    const failure = await readList(pager([looping, looping, looping]), (page) => handed.push(...page)).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'NextLinkLoop' });
    expect(handed).toEqual((failure as ReadFailure).partial);
  });

  it('asks the SDK not to map a successful body into its models, and to deserialise an error, which it throws with ARM\'s code', async () => {
    let asked: RawResponseHook | undefined;
    await readList((options) => {
      asked = options;
      return pager([JSON.stringify({ value: [] })])(options);
    });
    const shouldDeserialize = asked?.requestOptions?.shouldDeserialize;
    expect([200, 204, 403, 404, 500].map((status) => shouldDeserialize?.({ status }))).toEqual([false, false, true, true, true]);
  });

  it('reports a page without a value array as a malformed response', async () => {
    await expect(readList(pager([JSON.stringify({ items: [] })]))).rejects.toMatchObject({ code: 'MalformedResponse' });
  });
});

describe('readOne', () => {
  it('returns the body as sent, and refuses one that is not an object', async () => {
    const body = await readOne(async (options) => options.onResponse?.({ status: 200, bodyAsText: '{"id":"x","properties":{"minimalTlsVersion":"1.2"}}' }));
    expect(body).toEqual({ id: 'x', properties: { minimalTlsVersion: '1.2' } });
    await expect(readOne(async (options) => options.onResponse?.({ status: 200, bodyAsText: '[1]' }))).rejects.toMatchObject({ code: 'MalformedResponse' });
  });
});

describe('asReadFailure', () => {
  it('keeps ARM\'s error code and status, and says when retries did not help', () => {
    expect(asReadFailure({ statusCode: 403, code: 'AuthorizationFailed', message: 'The client does not have authorization' }, [])).toMatchObject({
      code: 'AuthorizationFailed',
      message: '403: The client does not have authorization',
    });
    expect(asReadFailure({ statusCode: 503, message: 'busy' }, []).message).toBe('503: busy (still failing after retries)');
    expect(asReadFailure({ code: 'PARSE_ERROR', message: 'Unexpected token' }, [])).toMatchObject({ code: 'MalformedResponse' });
    expect(asReadFailure({ code: 'ECONNRESET', message: 'socket hang up' }, [])).toMatchObject({ code: 'ECONNRESET' });
  });
});

describe('request lanes and Retry-After', () => {
  const headers = (values: Record<string, string>) => ({ headers: { get: (name: string) => values[name], has: (name: string) => name in values } });

  it('puts each subscription in its own lane, case-insensitively', () => {
    expect(laneOf('https://management.azure.com/subscriptions/ABC/providers/x?api-version=1')).toBe('abc');
    expect(laneOf('https://management.azure.com/subscriptions?api-version=1')).toBe('tenant');
  });

  it('reads Retry-After as seconds or a date, and x-ms-retry-after-ms first', () => {
    expect(retryAfterMs(headers({ 'retry-after': '7' }) as never)).toBe(7000);
    expect(retryAfterMs(headers({ 'retry-after': '7', 'x-ms-retry-after-ms': '250' }) as never)).toBe(250);
    const inTwoSeconds = new Date(Date.now() + 2000).toUTCString();
    expect(retryAfterMs(headers({ 'retry-after': inTwoSeconds }) as never)).toBeGreaterThan(500);
    expect(retryAfterMs(headers({}) as never)).toBeUndefined();
    expect(retryAfterMs(headers({ 'retry-after': 'soon' }) as never)).toBeUndefined();
  });
});

describe('armReadPolicy', async () => {
  const { armReadPolicy, RequestStats } = await import('../../src/collect/arm-policy.js');
  const { RequestScheduler } = await import('../../src/collect/scheduler.js');

  it('refuses anything but GET before it reaches the network', async () => {
    const policy = armReadPolicy(new RequestScheduler(), new RequestStats(), 'https://arm');
    let sent = 0;
    const next = async () => {
      sent++;
      return { status: 200, headers: { get: () => undefined, has: () => false } } as never;
    };
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      await expect(policy.sendRequest({ method, url: 'https://arm/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st/listKeys' } as never, next)).rejects.toThrow(
        /azscan makes GET requests only; refused/,
      );
    }
    expect(sent).toBe(0);
  });

  it('refuses a request to any origin but ARM\'s before it is sent, and refuses redirects', async () => {
    const policy = armReadPolicy(new RequestScheduler(), new RequestStats(), 'https://arm');
    let sent = 0;
    const answer = (status: number, location?: string) => async () => {
      sent++;
      return { status, headers: { get: (name: string) => (name === 'location' ? location : undefined), has: (name: string) => name === 'location' && location !== undefined } } as never;
    };
    for (const url of ['https://evil.example/subscriptions/s', 'http://arm/subscriptions/s', 'https://arm:444/subscriptions/s']) {
      await expect(policy.sendRequest({ method: 'GET', url } as never, answer(200))).rejects.toMatchObject({ code: 'ForeignOrigin' });
    }
    expect(sent).toBe(0);
    await expect(policy.sendRequest({ method: 'GET', url: 'https://arm:443/subscriptions/s' } as never, answer(200))).resolves.toMatchObject({ status: 200 });
    await expect(policy.sendRequest({ method: 'GET', url: 'https://arm/subscriptions/s' } as never, answer(302, 'https://evil.example/steal'))).rejects.toMatchObject({
      code: 'HTTP302',
      message: expect.stringContaining('redirect to https://evil.example'),
    });
    await expect(policy.sendRequest({ method: 'GET', url: 'https://arm/subscriptions/s' } as never, answer(307))).rejects.toMatchObject({ code: 'HTTP307' });
  });
});

describe('armReadPolicy retries', async () => {
  const { armReadPolicy, RequestStats, DEFAULT_RETRY_OPTIONS, RetriesExhausted } = await import('../../src/collect/arm-policy.js');
  const { RequestScheduler } = await import('../../src/collect/scheduler.js');
  const ok = { status: 200, headers: { get: () => undefined, has: () => false } };
  const fast = { ...DEFAULT_RETRY_OPTIONS, backoffMs: 1 };
  const request = () => ({ method: 'GET', url: 'https://arm/subscriptions/s/providers/Microsoft.Devices/IotHubs' }) as never;

  it('retries a timed-out request and a reset connection', async () => {
    const stats = new RequestStats();
    const failures = [Object.assign(new Error('The operation was aborted. Rejecting from timeout.'), { name: 'AbortError' }), Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })];
    const response = await armReadPolicy(new RequestScheduler(), stats, 'https://arm', fast).sendRequest(request(), async () => {
      const failure = failures.shift();
      if (failure) throw failure;
      return ok as never;
    });
    expect(response.status).toBe(200);
    expect(stats).toMatchObject({ requests: 3, retries: 2, failures: 0 });
  });

  it('gives up after the attempts allowed, naming the network error', async () => {
    const stats = new RequestStats();
    const policy = armReadPolicy(new RequestScheduler(), stats, 'https://arm', { ...fast, maxAttempts: 3 });
    const failure = await policy
      .sendRequest(request(), async () => {
        throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RetriesExhausted);
    expect(failure).toMatchObject({ code: 'ECONNRESET', message: 'the connection was reset after 3 attempts' });
    expect(stats.requests).toBe(3);
  });

  it('retries a request that times out at most twice: one that never answers costs three attempts, not six', async () => {
    const stats = new RequestStats();
    const failure = await armReadPolicy(new RequestScheduler(), stats, 'https://arm', fast)
      .sendRequest(request(), async () => {
        throw Object.assign(new Error('The operation was aborted. Rejecting from timeout.'), { name: 'AbortError' });
      })
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'ETIMEDOUT', message: 'the request timed out after 3 attempts' });
    expect(stats.requests).toBe(3);
    expect(DEFAULT_RETRY_OPTIONS).toMatchObject({ timeoutMs: 30_000, maxTimeoutRetries: 2 });
  });

  it('stops at the scan\'s deadline: the attempt in flight is cut short and later reads are refused unsent, as ScanTimeout', async () => {
    const { Deadline } = await import('../../src/collect/deadline.js');
    const deadline = Deadline.after(300);
    const policy = armReadPolicy(new RequestScheduler(), new RequestStats(), 'https://arm', fast, deadline);
    let sent = 0;
    // A request that never answers: it ends only when the attempt's timeout aborts it.
    const hang = async (pending: { timeout: number }) => {
      sent++;
      await new Promise((resolve) => setTimeout(resolve, pending.timeout));
      throw Object.assign(new Error('The operation was aborted. Rejecting from timeout.'), { name: 'AbortError' });
    };
    const first = request() as unknown as { timeout: number };
    const failure = await policy.sendRequest(first as never, () => hang(first)).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'ScanTimeout' });
    expect(first.timeout).toBeLessThanOrEqual(300);
    await expect(policy.sendRequest(request(), async () => ok as never)).rejects.toMatchObject({ code: 'ScanTimeout', message: expect.stringMatching(/--timeout of 0\.3 s/) });
    expect(sent).toBe(1);
  });

  it('does not retry what retrying cannot fix', async () => {
    const stats = new RequestStats();
    const forbidden = Object.assign(new Error('denied'), { statusCode: 403, response: { status: 403, headers: { get: () => undefined, has: () => false } } });
    await expect(
      armReadPolicy(new RequestScheduler(), stats, 'https://arm', fast).sendRequest(request(), async () => {
        throw forbidden;
      }),
    ).rejects.toBe(forbidden);
    expect(stats.requests).toBe(1);
  });
});
