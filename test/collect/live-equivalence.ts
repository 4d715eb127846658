/**
 * The checks the live-vs-snapshot tests share: a tenant fixture under `fixtures/live/` is served
 * by the fake ARM server, and a live scan of it (through the real SDK pipeline) must report what
 * a scan of the same file as a snapshot reports; a live `collect` must write the tenant back as
 * it is, with nothing but authorized GET requests and never a key- or credential-listing path.
 *
 * Not a test file (vitest runs `test/**\/*.test.ts` only): each `live-*.test.ts` keeps its own
 * describe and it names, and its own extra assertions beside these helpers.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { startFakeArm, type FakeArm, type FakeArmOptions } from '../fake-arm/server.js';
import { fakeTenantFromSnapshot, type SnapshotLike } from '../fake-arm/tenant.js';
import { runLive, TOKEN, type LiveRun } from './live-cli.js';

/** A resource as a tenant fixture holds it: ARM JSON with at least an id and a type. */
export interface TenantResource {
  id: string;
  type: string;
  properties?: Record<string, unknown>;
}

/** A tenant fixture: a snapshot with the resource types it records as collected. */
export type Tenant<R extends { id: string } = TenantResource> = Omit<SnapshotLike, 'resources'> & { collected: string[]; resources: R[] };

/** A snapshot as `azscan collect` writes it. */
export interface CollectedSnapshot<R extends { id: string } = TenantResource> {
  collected: string[];
  resources: R[];
  errors: unknown[];
}

/** The parts of a JSON report the comparisons read. */
export interface Report {
  source: { kind: string };
  findings: Array<{ fingerprint: string; ruleId: string }>;
  notEvaluated: Array<{ ruleId?: string; resourceId?: string; code?: string }>;
}

/** Reads and parses a tenant fixture (a snapshot file). */
export function loadTenant<R extends { id: string } = TenantResource>(file: string): Tenant<R> {
  return JSON.parse(readFileSync(file, 'utf8')) as Tenant<R>;
}

/**
 * Starts a fake ARM server serving a tenant (a fixture, or the fixture as a test has ARM serve
 * it), authenticated by the live CLI's token; `options` as {@link startFakeArm}'s (a `pageSize`…).
 */
export function serveTenant(tenant: SnapshotLike | Tenant<{ id: string }>, options: Partial<Omit<FakeArmOptions, 'tenant' | 'token'>> = {}): Promise<FakeArm> {
  return startFakeArm({ tenant: fakeTenantFromSnapshot(tenant as SnapshotLike), token: TOKEN, ...options });
}

/**
 * A report without its source, its findings (by fingerprint) and not-evaluated entries (by rule,
 * resource and code) in an order that does not depend on reading order: a live collection comes
 * out sorted by id, a file in the order it was written.
 */
export function comparable<T extends { source?: unknown; findings: ReadonlyArray<{ fingerprint: string }>; notEvaluated: readonly unknown[] }>(report: T) {
  const key = (entry: unknown) => {
    const { ruleId, resourceId, code } = (entry ?? {}) as { ruleId?: string; resourceId?: string; code?: string };
    return `${ruleId}|${resourceId}|${code}`;
  };
  return {
    ...report,
    source: undefined,
    findings: [...report.findings].sort((a, b) => a.fingerprint.localeCompare(b.fingerprint)),
    notEvaluated: [...report.notEvaluated].sort((a, b) => key(a).localeCompare(key(b))),
  };
}

/** Items sorted by id, case-insensitively (ARM ids are), so that lists compare whatever order they came in. */
export function byId<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.id.toLowerCase().localeCompare(b.id.toLowerCase()));
}

/** The `--rule` arguments selecting the given rules. */
export function ruleArgs(ruleIds: readonly string[]): string[] {
  return ruleIds.flatMap((id) => ['--rule', id]);
}

/** The paths no reader may ever request: key listing and regeneration, and any `list*` action. */
export const FORBIDDEN_PATHS = /listkeys|\/list[A-Z]|regeneratekey/i;

/**
 * Expects every request the fake ARM server recorded to be a GET, authorized with the valid
 * token, to a path matching neither {@link FORBIDDEN_PATHS} nor `alsoForbidden` (the file's own
 * never-read paths: credentials, publishing profiles, the data plane…).
 */
export function expectReadOnlyRequests(arm: FakeArm, alsoForbidden?: RegExp): void {
  const forbidden = alsoForbidden ? new RegExp(`${FORBIDDEN_PATHS.source}|${alsoForbidden.source}`, 'i') : FORBIDDEN_PATHS;
  for (const request of arm.requests) {
    expect(request.method).toBe('GET');
    expect(request.authorization).toBe('valid');
    expect(request.path).not.toMatch(forbidden);
  }
}

export interface LiveScanExpectations {
  /** Whether the rule has not-evaluated entries on this tenant (the tenant gives it a malformed or unreadable value). */
  expectNotEvaluated: boolean;
}

/**
 * Scans the tenant live for one rule and the tenant file as a snapshot for the same rule, and
 * expects: no stderr, the same exit status, a live source, the same report (up to order), at
 * least one finding and all of them the rule's, not-evaluated entries exactly when
 * `expectNotEvaluated`, and GET requests only. Resets the server's requests first; returns the
 * live run and its report for the file's own assertions.
 */
export async function expectLiveScanMatchesSnapshot(arm: FakeArm, tenantFile: string, ruleId: string, { expectNotEvaluated }: LiveScanExpectations): Promise<{ live: LiveRun; liveReport: Report }> {
  arm.resetRequests();
  const live = await runLive(arm, ['scan', '--rule', ruleId, '--format', 'json']);
  const offline = runCli(['scan', '--snapshot', tenantFile, '--rule', ruleId, '--format', 'json']);
  expect(live.stderr).toBe('');
  expect(live.status).toBe(offline.status);
  const liveReport = JSON.parse(live.stdout) as Report;
  const offlineReport = JSON.parse(offline.stdout) as Report;
  expect(liveReport.source.kind).toBe('live');
  expect(comparable(liveReport)).toEqual(comparable(offlineReport));
  expect(liveReport.findings.length).toBeGreaterThan(0);
  expect(new Set(liveReport.findings.map((finding) => finding.ruleId))).toEqual(new Set([ruleId]));
  expect(liveReport.notEvaluated.length > 0).toBe(expectNotEvaluated);
  expect(arm.requests.map((request) => request.method).filter((method) => method !== 'GET')).toEqual([]);
  return { live, liveReport };
}

export interface CollectExpectations<R extends { id: string }> {
  /** Collect with `--quiet` and expect nothing on stderr (the default); `false` runs without `--quiet` and leaves the output to the caller. */
  quiet?: boolean;
  /** The resources the collected snapshot must hold, compared by id; the tenant's resources by default. */
  expectedResources?: readonly R[];
  /** When given, expects more than this many requests. */
  moreRequestsThan?: number;
  /** Paths forbidden beside {@link FORBIDDEN_PATHS}; see {@link expectReadOnlyRequests}. */
  alsoForbidden?: RegExp;
}

/**
 * Collects the tenant live for the given rules into a temporary file, and expects: exit status 0
 * (and no stderr, when quiet), no collection errors, the tenant's `collected` types, its resources
 * (or `expectedResources`) as ARM JSON, and only read-only requests (see
 * {@link expectReadOnlyRequests}). Resets the server's requests first; returns the run, the
 * snapshot's text and the parsed snapshot for the file's own assertions.
 */
export async function expectCollectsTenantBack<R extends { id: string }>(
  arm: FakeArm,
  tenant: Tenant<R>,
  ruleIds: readonly string[],
  { quiet = true, expectedResources = tenant.resources, moreRequestsThan, alsoForbidden }: CollectExpectations<R> = {},
): Promise<{ collect: LiveRun; text: string; snapshot: CollectedSnapshot<R> }> {
  arm.resetRequests();
  const path = join(mkdtempSync(join(tmpdir(), 'azscan-collected-')), 'collected.json');
  const collect = await runLive(arm, ['collect', ...(quiet ? ['--quiet'] : []), '--output', path, ...ruleArgs(ruleIds)]);
  if (quiet) expect(collect.stderr).toBe('');
  expect(collect.status).toBe(0);
  const text = readFileSync(path, 'utf8');
  const snapshot = JSON.parse(text) as CollectedSnapshot<R>;
  expect(snapshot.errors).toEqual([]);
  expect(snapshot.collected).toEqual(tenant.collected);
  expect(byId(snapshot.resources)).toEqual(byId(expectedResources));
  if (moreRequestsThan !== undefined) expect(arm.requests.length).toBeGreaterThan(moreRequestsThan);
  expectReadOnlyRequests(arm, alsoForbidden);
  return { collect, text, snapshot };
}
