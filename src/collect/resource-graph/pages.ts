import { isJsonObject, type JsonObject } from '../../inventory/types.js';
import type { ArmClients } from '../clients.js';
import { asReadFailure, ReadFailure } from '../read.js';
import { normaliseGraphRow } from './normalise.js';
import { GRAPH_PAGE_SIZE } from './query.js';
import type { UserQuota } from './quota.js';

/** A resource Graph returned, in ARM's shape, with the subscription its id names. */
export interface GraphResource {
  readonly resource: JsonObject;
  readonly subscriptionKey: string;
}

/**
 * How one batch's query ended: every page read; an answer azscan cannot read (a recorded
 * error, never zero resources); or a request that failed (denied, throttled out, unreachable),
 * which the caller answers by listing through ARM instead.
 */
export type BatchAnswer =
  | { readonly kind: 'read'; readonly rows: readonly GraphResource[] }
  | { readonly kind: 'unreadable'; readonly failure: ReadFailure; readonly rows: readonly GraphResource[] }
  | { readonly kind: 'failed'; readonly failure: ReadFailure };

interface RawAnswer {
  status: number;
  bodyAsText?: string | null;
  headers?: { get(name: string): string | undefined };
}

/**
 * Every page of `query` over `subscriptions`, following `$skipToken`, 1,000 rows a page, each
 * query after a turn from the user quota. A skip token seen before (Graph paging in a circle)
 * stops the read like a nextLink loop: what was read is kept, and the batch is an error.
 */
export async function queryBatch(clients: ArmClients, subscriptions: readonly string[], query: string, quota: UserQuota): Promise<BatchAnswer> {
  const client = await clients.resourceGraph();
  const rows: GraphResource[] = [];
  const seenTokens = new Set<string>();
  let skipToken: string | undefined;
  for (let page = 1; ; page++) {
    await quota.take();
    let raw: RawAnswer | undefined;
    try {
      await client.resources(
        { subscriptions: [...subscriptions], query, options: { top: GRAPH_PAGE_SIZE, resultFormat: 'objectArray', ...(skipToken === undefined ? {} : { skipToken }) } },
        {
          onResponse: (response: RawAnswer) => {
            quota.observe(response.headers?.get('x-ms-user-quota-remaining'), response.headers?.get('x-ms-user-quota-resets-after'));
            if (response.status >= 200 && response.status < 300) raw = response;
          },
        },
      );
    } catch (error) {
      const failure = asReadFailure(error, []);
      // A body that is not JSON is Graph's answer, unreadable; anything else is a request that failed.
      if (failure.code === 'MalformedResponse') return unreadable(failure.message, rows, page);
      return { kind: 'failed', failure };
    }
    const body = parse(raw?.bodyAsText);
    if (!isJsonObject(body) || !Array.isArray(body.data)) return unreadable('the answer has no data array (resultFormat objectArray)', rows, page);
    for (const row of body.data) {
      const normalised = normaliseGraphRow(row);
      if ('problem' in normalised) return unreadable(normalised.problem, rows, page);
      rows.push(normalised);
    }
    const next = body.$skipToken;
    if (typeof next !== 'string' || next === '') {
      // Graph truncates instead of paging when a query cannot be paged; then rows are missing.
      if (body.resultTruncated === 'true' || body.resultTruncated === true) return unreadable('Graph truncated the answer without a $skipToken to read the rest', rows, page);
      return { kind: 'read', rows };
    }
    if (seenTokens.has(next)) {
      return { kind: 'unreadable', failure: new ReadFailure('SkipTokenLoop', `Resource Graph returned a $skipToken it had returned before; paging stopped after ${page} pages`), rows };
    }
    seenTokens.add(next);
    skipToken = next;
  }
}

function unreadable(problem: string, rows: readonly GraphResource[], page: number): BatchAnswer {
  return { kind: 'unreadable', failure: new ReadFailure('MalformedResponse', `Resource Graph's answer (page ${page}) cannot be read: ${problem}`), rows };
}

function parse(text: string | null | undefined): unknown {
  if (typeof text !== 'string' || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
