/**
 * `azscan collect --plan` against what a collection really sends: every request a live collect
 * makes of the fake ARM server is one row of the plan printed for the same rules (path template
 * and api-version), and every row is requested, once per what it says (once, each subscription,
 * each parent), wherever the tenant has the resources it is made for. The estates between them
 * give every row of the full catalogue's plan something to read.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlannedRead } from '../../src/collect/plan.js';
import { WITH_BLOBS } from '../../src/collect/readers/index.js';
import { typeKey } from '../../src/inventory/arm-id.js';
import { hasBlobService } from '../../src/inventory/arm-types.js';
import { isScannedState } from '../../src/inventory/subscriptions.js';
import { DEMO, ROOT, runCli } from '../cli/run-cli.js';
import { startFakeArm, type RecordedRequest } from '../fake-arm/server.js';
import { fakeTenantFromSnapshot } from '../fake-arm/tenant.js';
import { runLive, TOKEN } from './live-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'azscan-live-plan-'));
/** Allowed locations turn on AZ-GOV-001 too: the whole catalogue, every type listed per subscription. */
const CONFIG = join(dir, 'azscan.config.yaml');
writeFileSync(CONFIG, 'allowedLocations: [westeurope]\n');

const ESTATES = {
  'the demo tenant': DEMO,
  'scale sets, Uniform and Flexible': join(ROOT, 'fixtures', 'exposure', 'scale-set-behind-load-balancer.json'),
  'firewall policies': join(ROOT, 'fixtures', 'exposure', 'firewall-dnat.json'),
  'Cosmos DB accounts and Redis caches': join(ROOT, 'fixtures', 'live', 'cosmos-redis-tenant.json'),
  'App Service sites, slots and their config': join(ROOT, 'fixtures', 'live', 'appservice-tenant.json'),
  'PostgreSQL and MySQL flexible servers, SQL TDE protectors': join(ROOT, 'fixtures', 'live', 'flexible-servers-tenant.json'),
  'Key Vault keys and secrets, workspaces, Network Watchers': join(ROOT, 'fixtures', 'live', 'kv-logging-tenant.json'),
} as const;
type Estate = keyof typeof ESTATES;

interface Plan {
  readonly rules: string[];
  readonly reads: PlannedRead[];
}

interface Resource {
  readonly id: string;
  readonly type: string;
  readonly kind?: string;
  readonly properties?: Record<string, unknown>;
}

interface Collected {
  readonly plan: Plan;
  readonly requests: RecordedRequest[];
  readonly snapshot: { subscriptions: Array<{ state?: string }>; resources: Resource[]; errors: unknown[] };
}

function planFor(selection: readonly string[]): Plan {
  const run = runCli(['collect', '--plan', '--format', 'json', ...selection]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as Plan;
}

/** Collects `estate` live for `selection`, recording every request, and prints the plan for the same flags. */
async function collect(estate: Estate, selection: readonly string[]): Promise<Collected> {
  const arm = await startFakeArm({ tenant: fakeTenantFromSnapshot(JSON.parse(readFileSync(ESTATES[estate], 'utf8'))), token: TOKEN, pageSize: 2 });
  try {
    const output = join(dir, `${estate.replace(/\W+/g, '-')}-${selection.join('-').replace(/\W+/g, '-')}.json`);
    const run = await runLive(arm, ['collect', '--output', output, ...selection]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    return { plan: planFor(selection), requests: [...arm.requests], snapshot: JSON.parse(readFileSync(output, 'utf8')) };
  } finally {
    await arm.close();
  }
}

const collections = new Map<string, Promise<Collected>>();
/** Each estate is collected once per selection, whichever test asks first. */
function collected(estate: Estate, selection: readonly string[] = ['--config', CONFIG]): Promise<Collected> {
  const key = `${estate} ${selection.join(' ')}`;
  let found = collections.get(key);
  if (!found) {
    found = collect(estate, selection);
    collections.set(key, found);
  }
  return found;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An ARM id of a resource of `type`, in a resource group: `/subscriptions/…/resourceGroups/…/providers/Microsoft.Sql/servers/…/databases/…`. */
function idPattern(type: string): string {
  const [namespace = '', ...types] = type.split('/');
  return `/subscriptions/[^/]+/resourceGroups/[^/]+/providers/${escape(namespace)}${types.map((name) => `/${escape(name)}/[^/]+`).join('')}`;
}

/** The paths a row's template stands for: `{subscriptionId}` one segment, a parent's placeholder any id of the parent's type. */
function pathPattern(read: PlannedRead): RegExp {
  const source = read.path
    .split(/(\{\w+\})/)
    .map((part, i) => {
      if (part === '{subscriptionId}') return '[^/]+';
      if (!/^\{\w+\}$/.test(part)) return escape(part);
      expect(i, `${read.path}: a parent's id starts the path`).toBe(1);
      expect(read.parentType, `${read.path}: a row under a parent names its type`).toBeDefined();
      return idPattern(read.parentType!);
    })
    .join('');
  // ARM paths are case-insensitive, and the SDKs do not all spell them as ARM does (`microsoft.Compute`).
  return new RegExp(`^${source}$`, 'i');
}

const rowName = (read: PlannedRead): string => `${read.resourceType} ${read.path} api-version=${read.apiVersion}`;

/** Which parents of a row's type it is made for, by the row's `only`. */
const QUALIFIES: Readonly<Record<string, (parent: Resource) => boolean>> = {
  [WITH_BLOBS]: (account) => hasBlobService(account),
  'Uniform scale sets': (scaleSet) => String(scaleSet.properties?.orchestrationMode).toLowerCase() !== 'flexible',
};

/**
 * Holds a collection's requests to its plan: each request is one row's (its path and
 * api-version), and each row is requested as often as it says, once per page aside: once,
 * once per scanned subscription, or once per resource of its parent type that it is made for.
 * Returns the rows that were requested.
 */
function checkAgainstPlan({ plan, requests, snapshot }: Collected): Set<string> {
  expect(requests.length).toBeGreaterThan(0);
  const patterns = plan.reads.map((read) => ({ read, pattern: pathPattern(read) }));
  const pathsByRow = new Map<string, Set<string>>();
  const unplanned: string[] = [];
  for (const request of requests) {
    expect(request.method).toBe('GET');
    const apiVersion = new URLSearchParams(request.query).get('api-version');
    const rows = patterns.filter(({ read, pattern }) => pattern.test(request.path) && read.apiVersion === apiVersion);
    if (rows.length !== 1) {
      unplanned.push(`${request.path}?api-version=${apiVersion} matches ${rows.length} rows`);
      continue;
    }
    const name = rowName(rows[0]!.read);
    pathsByRow.set(name, (pathsByRow.get(name) ?? new Set()).add(request.path.toLowerCase()));
  }
  expect(unplanned).toEqual([]);

  const subscriptions = snapshot.subscriptions.filter((sub) => isScannedState(sub.state)).length;
  const expected = plan.reads.map((read) => {
    if (read.made === 'once') return { row: rowName(read), reads: 1 };
    if (read.made === 'perSubscription') return { row: rowName(read), reads: subscriptions };
    const qualifies = read.only === undefined ? () => true : QUALIFIES[read.only];
    expect(qualifies, `a test of which parents '${read.only}' means`).toBeDefined();
    const parents = snapshot.resources.filter((resource) => typeKey(resource.type) === typeKey(read.parentType!) && qualifies!(resource));
    return { row: rowName(read), reads: parents.length };
  });
  expect(plan.reads.map((read) => ({ row: rowName(read), reads: pathsByRow.get(rowName(read))?.size ?? 0 }))).toEqual(expected);
  return new Set(pathsByRow.keys());
}

// Each test collects an estate through the built CLI and the real SDK clients: generous time on a loaded machine.
const SLOW = 180_000;

describe('collect --plan is what a live collection requests', () => {
  it.each(Object.keys(ESTATES) as Estate[])('the whole catalogue, %s', async (estate) => {
    const collection = await collected(estate);
    expect(collection.snapshot.errors).toEqual([]);
    checkAgainstPlan(collection);
  }, SLOW);

  it('between the estates, every row of the whole catalogue\'s plan is requested', async () => {
    const requested = new Set<string>();
    for (const estate of Object.keys(ESTATES) as Estate[]) for (const row of checkAgainstPlan(await collected(estate))) requested.add(row);
    const plan = planFor(['--config', CONFIG]);
    expect(plan.rules).toContain('AZ-GOV-001');
    expect(plan.reads.map(rowName).filter((row) => !requested.has(row))).toEqual([]);
  }, SLOW * 3);

  it.each([
    [['--rule', 'AZ-SQL-001']],
    [['--rule', 'AZ-MON-001', '--rule', 'AZ-MON-007']],
    [['--severity', 'high']],
  ])('a narrower selection of rules (%j), on the demo tenant', async (selection) => {
    const collection = await collected('the demo tenant', selection);
    checkAgainstPlan(collection);
    expect(collection.plan.reads.length).toBeLessThan(planFor(['--config', CONFIG]).reads.length);
  }, SLOW);
});
