import { describe, expect, it } from 'vitest';
import { armReadPolicy, isResourceGraphQuery, laneOf, RequestStats } from '../../src/collect/arm-policy.js';
import { RequestScheduler } from '../../src/collect/scheduler.js';

const ARM = 'https://arm';
const QUERY = `${ARM}/providers/Microsoft.ResourceGraph/resources?api-version=2022-10-01`;

function counting() {
  const sent: string[] = [];
  const next = async (request: { method: string; url: string }) => {
    sent.push(`${request.method} ${request.url}`);
    return { status: 200, headers: { get: () => undefined, has: () => false } } as never;
  };
  return { sent, next };
}

describe('the request policy allows one POST: a Resource Graph query', () => {
  it('sends POST {ARM}/providers/Microsoft.ResourceGraph/resources?api-version=…, in any casing of the path', async () => {
    const policy = armReadPolicy(new RequestScheduler(), new RequestStats(), ARM);
    const { sent, next } = counting();
    for (const url of [QUERY, `${ARM}/PROVIDERS/microsoft.resourcegraph/RESOURCES?api-version=2021-03-01`, `${ARM}:443/providers/Microsoft.ResourceGraph/resources?api-version=2022-10-01`]) {
      await expect(policy.sendRequest({ method: 'POST', url } as never, next as never)).resolves.toMatchObject({ status: 200 });
    }
    expect(sent).toHaveLength(3);
  });

  it('refuses every other POST, and every other non-GET, before it is sent', async () => {
    const policy = armReadPolicy(new RequestScheduler(), new RequestStats(), ARM);
    const { sent, next } = counting();
    const refused: Array<[string, string]> = [
      ['POST', `${ARM}/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st/listKeys?api-version=2023-01-01`],
      ['POST', `${ARM}/providers/Microsoft.ResourceGraph/resourcesHistory?api-version=2021-06-01-preview`],
      ['POST', `${ARM}/providers/Microsoft.ResourceGraph/resources/extra?api-version=2022-10-01`],
      ['POST', `${ARM}/subscriptions/s/providers/Microsoft.ResourceGraph/resources?api-version=2022-10-01`],
      ['POST', `${ARM}/providers/Microsoft.ResourceGraph/resources/?api-version=2022-10-01`],
      ['POST', `${ARM}/providers/Microsoft.ResourceGraph/resources?api-version=2022-10-01&$expand=x`],
      ['POST', `${ARM}/providers/Microsoft.ResourceGraph/resources`],
      ['POST', `https://evil.example/providers/Microsoft.ResourceGraph/resources?api-version=2022-10-01`],
      ['POST', `http://arm/providers/Microsoft.ResourceGraph/resources?api-version=2022-10-01`],
      ['PUT', QUERY],
      ['PATCH', QUERY],
      ['DELETE', QUERY],
    ];
    for (const [method, url] of refused) {
      await expect(policy.sendRequest({ method, url } as never, next as never), `${method} ${url}`).rejects.toThrow(/azscan makes GET requests only; refused/);
    }
    expect(sent).toEqual([]);
  });

  it('isResourceGraphQuery is the allow-list, exactly', () => {
    expect(isResourceGraphQuery('POST', QUERY, ARM)).toBe(true);
    expect(isResourceGraphQuery('GET', QUERY, ARM)).toBe(false);
    expect(isResourceGraphQuery('post', QUERY, ARM)).toBe(false);
    expect(isResourceGraphQuery('POST', 'not a url', ARM)).toBe(false);
    expect(isResourceGraphQuery('POST', `https://user:pw@arm/providers/Microsoft.ResourceGraph/resources?api-version=1`, ARM)).toBe(false);
  });

  it('puts Graph queries in a lane of their own: Graph meters them per user, not per subscription', () => {
    expect(laneOf(QUERY)).toBe('resource-graph');
    expect(laneOf(`${ARM}/subscriptions/ABC/providers/Microsoft.ResourceGraph/resources?api-version=1`)).toBe('abc');
  });
});
