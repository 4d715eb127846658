import { isJsonObject } from '../inventory/types.js';
import { originOf, RetriesExhausted } from './arm-policy.js';
import { RefusedRead } from './refused-read.js';

/** The options every SDK operation accepts that azscan uses: a hook on each raw response, and whether to map it. */
export interface RawResponseHook {
  onResponse?: (rawResponse: { status: number; bodyAsText?: string | null; request?: { url: string } }) => void;
  requestOptions?: { shouldDeserialize?: (response: { status: number }) => boolean };
}

/**
 * azscan reads each response's body text as ARM sent it and never looks at the SDK's models, so
 * a successful body is not mapped into them: the mapping cost ten times the rest of the read (a
 * page of 100 storage accounts: 4.4 ms of CPU, 0.37 ms without). The SDK still parses the body
 * (its pagers take `value` and `nextLink` from it, which ARM names as the models do), and an
 * error status is still deserialised, so that the SDK throws it as a RestError with ARM's code.
 */
const RAW_BODIES: RawResponseHook['requestOptions'] = { shouldDeserialize: (response) => response.status < 200 || response.status >= 300 };

export interface Pageable {
  byPage(): AsyncIterableIterator<unknown>;
}

/**
 * Takes a list's items a page at a time, as each page arrives, so that reads below them (their
 * children, their diagnostic settings) start before the rest of the list is read. It is handed
 * exactly the items the list read returns — or, when it fails, the failure's `partial` — in order.
 */
export type PageSink = (items: readonly unknown[]) => void;

/** A read that failed, in the terms a snapshot's `errors` records. */
export class ReadFailure extends Error {
  override readonly name = 'ReadFailure';
  constructor(
    readonly code: string,
    message: string,
    /** What was read before the failure (pages before a nextLink loop): real, and kept. */
    readonly partial: readonly unknown[] = [],
  ) {
    super(message);
  }
}

/**
 * Follows a list's nextLinks: each is checked before it is followed, and paging stops at the
 * first that must not be: one that names another origin than the page it came from (the
 * bearer token would go with it), or one seen before (ARM paging in a circle). Either way the
 * read is reported as failed, with the pages read so far.
 */
class NextLinks {
  private readonly seen = new Set<string>();

  /**
   * The failure that following `link`, found on a page read from `pageUrl`, would be; undefined
   * when it may be followed. A page whose URL is unknown vouches for no origin.
   */
  check(link: string, pageUrl: string, items: readonly unknown[]): ReadFailure | undefined {
    const pages = this.seen.size + 1;
    const from = originOf(pageUrl);
    const to = originOf(link, pageUrl);
    if (from === undefined || to !== from) {
      return new ReadFailure('ForeignNextLink', `ARM returned a nextLink to another origin (${to ?? 'an unreadable URL'}), which azscan does not follow; paging stopped after ${pages} page${pages === 1 ? '' : 's'}`, items);
    }
    if (this.seen.has(link)) {
      return new ReadFailure('NextLinkLoop', `ARM returned a nextLink it had returned before; paging stopped after ${pages} pages`, items);
    }
    this.seen.add(link);
    return undefined;
  }
}

/**
 * Every item of a list operation, as ARM sent it. The SDK models rename and flatten fields,
 * so items are taken from each page's body text, not from the SDK's objects. Paging stops
 * at a nextLink that must not be followed (see NextLinks), before the SDK requests it.
 * Each page's items go to `onPage` as the page arrives.
 */
export async function readList(list: (options: RawResponseHook) => Pageable, onPage?: PageSink): Promise<unknown[]> {
  const items: unknown[] = [];
  const nextLinks = new NextLinks();
  let problem: ReadFailure | undefined;
  const iterator = list({
    requestOptions: RAW_BODIES,
    onResponse: (raw) => {
      if (raw.status < 200 || raw.status >= 300 || problem) return;
      const body = parseBody(raw.bodyAsText);
      if (!isJsonObject(body) || !Array.isArray(body.value)) {
        problem = new ReadFailure('MalformedResponse', 'the list response has no value array', items);
        return;
      }
      items.push(...body.value);
      onPage?.(body.value);
      const nextLink = body.nextLink;
      if (typeof nextLink === 'string' && nextLink !== '') problem = nextLinks.check(nextLink, raw.request?.url ?? '', items);
    },
  });
  try {
    for await (const _page of iterator.byPage()) if (problem) break;
  } catch (error) {
    throw problem ?? asReadFailure(error, items);
  }
  if (problem) throw problem;
  return items;
}

/** One resource read by GET, as ARM sent it. */
export async function readOne(get: (options: RawResponseHook) => Promise<unknown>): Promise<unknown> {
  let body: unknown;
  try {
    await get({
      requestOptions: RAW_BODIES,
      onResponse: (raw) => {
        if (raw.status >= 200 && raw.status < 300) body = parseBody(raw.bodyAsText);
      },
    });
  } catch (error) {
    throw asReadFailure(error, []);
  }
  if (body === MALFORMED || !isJsonObject(body)) throw new ReadFailure('MalformedResponse', 'the response body is not a JSON object');
  return body;
}

/** A list returned whole (`{ value: [...] }`, no paging), as diagnostic settings are. */
export async function readValue(get: (options: RawResponseHook) => Promise<unknown>): Promise<unknown[]> {
  const body = await readOne(get);
  if (!isJsonObject(body) || !Array.isArray(body.value)) throw new ReadFailure('MalformedResponse', 'the list response has no value array');
  return body.value;
}

const MALFORMED = Symbol('malformed');

function parseBody(text: string | null | undefined): unknown {
  if (text === undefined || text === null || text === '') return MALFORMED;
  try {
    return JSON.parse(text);
  } catch {
    return MALFORMED;
  }
}

/** Turns what an SDK call threw into the code and message a snapshot records. */
export function asReadFailure(error: unknown, partial: readonly unknown[]): ReadFailure {
  if (error instanceof ReadFailure) return error;
  if (error instanceof RetriesExhausted || error instanceof RefusedRead) return new ReadFailure(error.code, error.message, partial);
  const rest = error as { statusCode?: number; code?: string; message?: string };
  const message = oneLine(rest.message ?? String(error));
  if (rest.code === 'PARSE_ERROR') return new ReadFailure('MalformedResponse', 'the response body is not valid JSON', partial);
  if (typeof rest.statusCode === 'number') {
    const code = rest.code && rest.code !== 'REQUEST_SEND_ERROR' ? rest.code : `HTTP${rest.statusCode}`;
    const retried = rest.statusCode === 429 || rest.statusCode >= 500 ? ' (still failing after retries)' : '';
    return new ReadFailure(code, `${rest.statusCode}: ${message}${retried}`, partial);
  }
  return new ReadFailure(typeof rest.code === 'string' ? rest.code : 'RequestFailed', message, partial);
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 400 ? `${line.slice(0, 397)}…` : line;
}

/** An SDK client's own pipeline, which `readArmPath` sends through. */
export interface PipelineClient {
  sendRequest(request: import('@azure/core-rest-pipeline').PipelineRequest): Promise<import('@azure/core-rest-pipeline').PipelineResponse>;
}

/**
 * Every item of an ARM list at `path` (`/subscriptions/…/providers/Microsoft.EventGrid/namespaces`)
 * read through an SDK client's pipeline, for resource types azscan reads by path rather than
 * through an SDK operation. Pages are followed by nextLink, with the same checks as `readList`,
 * and go to `onPage` as they arrive.
 */
export async function readArmPath(client: PipelineClient, endpoint: string, path: string, apiVersion: string, query?: Readonly<Record<string, string>>, onPage?: PageSink): Promise<unknown[]> {
  const items: unknown[] = [];
  const nextLinks = new NextLinks();
  let url: string | undefined = armUrl(endpoint, path, apiVersion, query);
  while (url !== undefined) {
    const body = await getArmJson(client, url, items);
    if (!isJsonObject(body) || !Array.isArray(body.value)) throw new ReadFailure('MalformedResponse', 'the list response has no value array', items);
    items.push(...body.value);
    onPage?.(body.value);
    const next: unknown = body.nextLink;
    if (typeof next !== 'string' || next === '') break;
    const problem = nextLinks.check(next, url, items);
    if (problem) throw problem;
    url = new URL(next, url).href;
  }
  return items;
}

/** One resource at `path` (`{siteId}/config/web` filled in), read by GET through an SDK client's pipeline. */
export async function readArmPathOne(client: PipelineClient, endpoint: string, path: string, apiVersion: string): Promise<unknown> {
  const body = await getArmJson(client, armUrl(endpoint, path, apiVersion), []);
  if (!isJsonObject(body)) throw new ReadFailure('MalformedResponse', 'the response body is not a JSON object');
  return body;
}

/** `query` adds parameters after the api-version (`$filter` of role definitions), each encoded. */
function armUrl(endpoint: string, path: string, apiVersion: string, query: Readonly<Record<string, string>> = {}): string {
  const extra = Object.entries(query).map(([name, value]) => `&${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('');
  const url = `${endpoint}${path}?api-version=${encodeURIComponent(apiVersion)}${extra}`;
  // A path is azscan's template filled with ids from responses; whatever they held, the read
  // goes to ARM's own origin or nowhere (the bearer token goes with it).
  if (originOf(url) !== originOf(endpoint)) throw new ReadFailure('ForeignPath', `a read by path would leave ARM's origin (${path.slice(0, 120)}), which azscan does not do`);
  return url;
}

/** The parsed body of a GET of `url`; a failed status is a ReadFailure with ARM's error code. */
async function getArmJson(client: PipelineClient, url: string, partial: readonly unknown[]): Promise<unknown> {
  const { createPipelineRequest } = await import('@azure/core-rest-pipeline');
  let response;
  try {
    response = await client.sendRequest(createPipelineRequest({ url, method: 'GET' }));
  } catch (error) {
    throw asReadFailure(error, partial);
  }
  const body = parseBody(response.bodyAsText);
  if (response.status < 200 || response.status >= 300) {
    const error = isJsonObject(body) && isJsonObject(body.error) ? body.error : {};
    const code = typeof error.code === 'string' ? error.code : `HTTP${response.status}`;
    const message = typeof error.message === 'string' ? error.message : `status ${response.status}`;
    throw new ReadFailure(code, oneLine(`${response.status}: ${message}${response.status === 429 || response.status >= 500 ? ' (still failing after retries)' : ''}`), partial);
  }
  if (body === MALFORMED) throw new ReadFailure('MalformedResponse', 'the response body is not valid JSON', partial);
  return body;
}
