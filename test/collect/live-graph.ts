/**
 * What the Resource Graph live tests share (not a test file): a JSON scan against a fake ARM
 * server, a report as compared across inventories, and the requests Graph replaces.
 */
import { GRAPH_INVENTORY_TYPES } from '../../src/collect/resource-graph/types.js';
import type { FakeArm, Fault } from '../fake-arm/server.js';
import { comparable } from './live-equivalence.js';
import { runLive } from './live-cli.js';

export const GRAPH_PATH = '/providers/Microsoft.ResourceGraph/resources';

/** A GET of a subscription-wide list of a type Graph lists: what the Graph inventory replaces. */
export const TOP_LEVEL_LIST = new RegExp(`^/subscriptions/[^/]+/providers/(${GRAPH_INVENTORY_TYPES.map((type) => type.replace('.', '\\.')).join('|')})$`, 'i');

export interface LiveReport {
  source: { kind: string; inventory?: string; inventoryQueriedAt?: string; inventoryFallback?: Array<{ subscriptionId: string; code: string; message: string }> };
  findings: Array<{ fingerprint: string; ruleId: string; resourceType: string }>;
  notEvaluated: Array<{ ruleId?: string; resourceId?: string; code?: string; resourceType?: string }>;
  summary: { complete: boolean };
}

/** `azscan scan --format json ARGS` against `server` with `faults`, after clearing its request log. */
export async function scanJson(server: FakeArm, args: string[], faults: Fault[] = []) {
  server.setFaults(faults);
  server.resetRequests();
  const run = await runLive(server, ['scan', '--format', 'json', ...args]);
  return { ...run, report: (run.stdout ? JSON.parse(run.stdout) : undefined) as LiveReport };
}

/**
 * A report as compared across inventories: Graph lower-cases types and azscan restores its own
 * casing (`Microsoft.Cache/redis` where ARM writes `Microsoft.Cache/Redis`), so a type is
 * compared case-insensitively; ids, fingerprints and everything else exactly.
 */
export function sameAcrossInventories(report: LiveReport) {
  const lower = <T extends { resourceType?: string }>(entry: T): T => (entry.resourceType === undefined ? entry : { ...entry, resourceType: entry.resourceType.toLowerCase() });
  const { source: _source, ...rest } = report;
  const compared = comparable({ ...rest, source: undefined });
  return { ...compared, findings: compared.findings.map(lower), notEvaluated: (compared.notEvaluated as LiveReport['notEvaluated']).map(lower) };
}

export function graphRequests(server: FakeArm) {
  return server.requests.filter((request) => request.method === 'POST');
}

/** Every request a GET, or the POST of a Graph query; all with the valid token. */
export function onlyGetsAndGraphPosts(server: FakeArm): boolean {
  return server.requests.every((request) => request.authorization === 'valid' && (request.method === 'GET' || (request.method === 'POST' && request.path === GRAPH_PATH)));
}
