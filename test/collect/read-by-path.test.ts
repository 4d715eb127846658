/**
 * Reads by ARM path build their URL from a template and ids that came from ARM's own responses.
 * A hostile response (an id such as `@evil.example/x`, `a?b`, `../..`) must not turn that URL
 * into another host's or another path's: the token goes with every request. Each segment of a
 * parent id is encoded, and a URL that would leave ARM's origin is refused before it is sent.
 */
import { describe, expect, it } from 'vitest';
import { readArmPath, readArmPathOne, type PipelineClient } from '../../src/collect/read.js';
import { parentPath } from '../../src/collect/readers/reader.js';
import { WEB_SITE_TYPE } from '../../src/inventory/arm-types.js';

const ENDPOINT = 'https://arm.example';
const SITE = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Web/sites';

/** A pipeline that records what it is asked for and answers each URL from `bodies`. */
function recordingClient(bodies: Record<string, unknown> = {}): PipelineClient & { urls: string[] } {
  const urls: string[] = [];
  return {
    urls,
    async sendRequest(request) {
      urls.push(request.url);
      const body = bodies[request.url.split('?')[0]!] ?? { properties: {} };
      return { status: 200, headers: new Map() as never, request, bodyAsText: JSON.stringify(body) };
    },
  };
}

describe('parentPath', () => {
  it('fills the template with the parent id, unchanged when the id is an ordinary ARM id', () => {
    expect(parentPath('{siteId}/config/web', WEB_SITE_TYPE, { id: `${SITE}/app-1`, name: 'app-1' })).toBe(`${SITE}/app-1/config/web`);
  });

  it('encodes each segment of a hostile id, so that it stays one path under ARM', () => {
    const path = parentPath('{siteId}/config/web', WEB_SITE_TYPE, { id: `${SITE}/a b?x=1#frag/../../../providers/@evil.example`, name: 'x' });
    expect(path).toBe(`${SITE}/a%20b%3Fx%3D1%23frag/%2E%2E/%2E%2E/%2E%2E/providers/%40evil.example/config/web`);
    expect(new URL(`${ENDPOINT}${path}`).origin).toBe(ENDPOINT);
  });

  it('refuses an id that is not an ARM resource id, or a template not under the parent', () => {
    expect(() => parentPath('{siteId}/config/web', WEB_SITE_TYPE, { id: '@evil.example/x', name: 'x' })).toThrow(/is not an ARM resource id/);
    expect(() => parentPath('{siteId}/config/web', WEB_SITE_TYPE, undefined)).toThrow(/no parent/);
    expect(() => parentPath('{serverId}/firewallRules', WEB_SITE_TYPE, { id: `${SITE}/a`, name: 'a' })).toThrow(/not a path under \{siteId\}/);
  });
});

describe('reads by path', () => {
  it('sends a read of an encoded hostile id to ARM and nowhere else', async () => {
    const client = recordingClient();
    const path = parentPath('{siteId}/config/web', WEB_SITE_TYPE, { id: `${SITE}/@evil.example`, name: 'x' });
    await readArmPathOne(client, ENDPOINT, path, '2024-04-01');
    expect(client.urls).toEqual([`${ENDPOINT}${SITE}/%40evil.example/config/web?api-version=2024-04-01`]);
  });

  it('refuses, without sending it, a path that would leave ARM\'s origin', async () => {
    const client = recordingClient();
    await expect(readArmPathOne(client, ENDPOINT, '@evil.example/x', '2024-04-01')).rejects.toMatchObject({ code: 'ForeignPath' });
    await expect(readArmPath(client, ENDPOINT, '@evil.example/x', '2024-04-01')).rejects.toMatchObject({ code: 'ForeignPath' });
    expect(client.urls).toEqual([]);
  });

  it('stops paging at a nextLink to another origin, keeping the page read', async () => {
    const first = `${ENDPOINT}/subscriptions/s1/providers/Microsoft.Web/sites`;
    const client = recordingClient({ [first]: { value: [{ id: `${SITE}/a` }], nextLink: 'https://evil.example/next' } });
    const failure = await readArmPath(client, ENDPOINT, '/subscriptions/s1/providers/Microsoft.Web/sites', '2024-04-01').catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'ForeignNextLink', partial: [{ id: `${SITE}/a` }] });
    expect(client.urls).toHaveLength(1);
  });

  it('reads a body that is not a JSON object as a malformed response, not as an empty resource', async () => {
    const url = `${ENDPOINT}${SITE}/a/config/web`;
    await expect(readArmPathOne(recordingClient({ [url]: [1, 2] }), ENDPOINT, `${SITE}/a/config/web`, '2024-04-01')).rejects.toMatchObject({ code: 'MalformedResponse' });
    await expect(readArmPath(recordingClient({ [url]: { value: 'x' } }), ENDPOINT, `${SITE}/a/config/web`, '2024-04-01')).rejects.toMatchObject({ code: 'MalformedResponse' });
  });
});

describe('readArmPath pages', () => {
  it('hands each page over as it arrives, and what a failed read kept is exactly what was handed over', async () => {
    const list = '/subscriptions/s1/providers/Microsoft.Web/sites';
    const client: PipelineClient = {
      async sendRequest(request) {
        const skip = new URL(request.url).searchParams.get('$skiptoken');
        const body = skip === null ? { value: [{ id: 'a' }], nextLink: `${ENDPOINT}${list}?$skiptoken=1` } : skip === '1' ? { value: [{ id: 'b' }], nextLink: `${ENDPOINT}${list}?$skiptoken=2` } : 'not json';
        return { status: 200, headers: new Map() as never, request, bodyAsText: typeof body === 'string' ? body : JSON.stringify(body) };
      },
    };
    const pages: unknown[][] = [];
    const failure = await readArmPath(client, ENDPOINT, list, '2024-04-01', undefined, (page) => pages.push([...page])).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'MalformedResponse', partial: [{ id: 'a' }, { id: 'b' }] });
    expect(pages).toEqual([[{ id: 'a' }], [{ id: 'b' }]]);
  });
});
