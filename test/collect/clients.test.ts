/**
 * Every SDK client of a scan — whichever build of core-client its package loads — sends through
 * the one HttpClient (one keep-alive pool per host), and none carries core-rest-pipeline's
 * tracing policy, since azscan configures no tracer.
 */
import type { TokenCredential } from '@azure/core-auth';
import { createHttpHeaders, createPipelineRequest, type HttpClient, type PipelinePolicy } from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import { ArmClients } from '../../src/collect/clients.js';

// Nothing listens there: a request that left the HttpClient given would fail, and never leave the machine.
const ARM = 'https://127.0.0.1:1';
const credential: TokenCredential = { getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 3_600_000 }) };
const passThrough: PipelinePolicy = { name: 'test', sendRequest: (request, next) => next(request) };

describe('ArmClients', () => {
  it('sends every client\'s requests through one HttpClient, without a tracing policy', async () => {
    const sent: string[] = [];
    const httpClient: HttpClient = {
      sendRequest: async (request) => {
        sent.push(request.url);
        return { request, status: 200, headers: createHttpHeaders({ 'content-type': 'application/json' }), bodyAsText: '{"value":[]}' };
      },
    };
    const clients = new ArmClients(credential, { endpoint: ARM, scope: `${ARM}/.default`, authorityHost: 'https://127.0.0.1:1' }, passThrough, httpClient);
    // arm-network loads core-client's ES module build, arm-sql and arm-monitor its CommonJS one.
    const all = [await clients.subscriptions(), await clients.network('s1'), await clients.sql('s2'), await clients.monitor('s2')];
    for (const [i, client] of all.entries()) {
      expect(client.pipeline.getOrderedPolicies().map((policy) => policy.name)).not.toContain('tracingPolicy');
      await client.sendRequest(createPipelineRequest({ url: `${ARM}/client-${i}`, method: 'GET' }));
    }
    expect(sent).toEqual([0, 1, 2, 3].map((i) => `${ARM}/client-${i}`));
    expect(await clients.network('s1')).toBe(all[1]);
  });
});
