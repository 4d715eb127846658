/**
 * One table-driven tester for every rule, after ESLint's RuleTester: each rule's test file
 * names its fixtures by outcome, and the tester checks the table against the fixture folder
 * as well as the rule against the fixtures.
 *
 *   fixtures/rules/<RULE-ID>/<bucket>/<case>.json     bucket: pass | fail | notApplicable | notEvaluated
 *
 * A fixture is a snapshot (ARM REST JSON with `collected`); the tester evaluates the one rule
 * over it and asserts every outcome of the rule falls in the fixture's bucket.
 *
 * A fixture lists in `collected` only what its case is about. The tester adds what a live scan
 * of the rule alone would record as collected: `planCollection([rule]).collected`, the rule's
 * `resourceTypes` (every top-level type for `*`) and `requires`, the parents the readers of those
 * need, and `Microsoft.Insights/diagnosticSettings@<Type>` for the types whose diagnostic settings
 * the rule reads (`@…/blobServices` for storage accounts). So a case reads "everything the rule
 * needs was read" unless it says otherwise:
 *
 *   "collected":    what was read beyond the rule's needs, when the case is about it (diagnostic
 *                   settings read for Key Vaults but not for the subscription the rule looks
 *                   at); an entry the tester adds anyway is refused;
 *   "notCollected": what the rule needs that the tester must not add: types that were not
 *                   read, for "not read → not evaluated" cases (and for cases whose outcome
 *                   depends on a read missing, such as an NSG whose attachments are unknown), or
 *                   a `Type@Parent` that `collected` records as the bare `Type` (read for every
 *                   parent). An entry matches a needed entry as written, in any case; a bare
 *                   type (`Microsoft.Network/networkInterfaces`) also withholds its
 *                   `Type@Parent` entries. An entry that matches nothing the rule needs, or that
 *                   withholds what `collected` lists, is refused.
 *
 * `notCollected` is the tester's, not the snapshot format's: it is taken off before the
 * snapshot reader sees the document. A bare array of resources is read as it is (it carries no
 * `collected`). `fixtureSnapshot` does this for anything else that evaluates a fixture.
 *
 * The tester also checks the rule's doc: its `## What it reads` section must name, as code, every
 * property path the rule's outcomes over its fixtures show it read (see doc-paths.ts).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { evaluate } from '../../src/engine/evaluate.js';
import type { Finding } from '../../src/model/result.js';
import type { AnyRule as Rule } from '../../src/model/rule.js';
import { highestSeverity } from '../../src/engine/select.js';
import { isAtLeast, type Severity } from '../../src/model/severity.js';
import { inventoryFromSnapshot } from '../../src/inventory/snapshot.js';
import { planCollection } from '../../src/collect/plan.js';
import { typeKey } from '../../src/inventory/arm-id.js';
import { isJsonObject } from '../../src/inventory/types.js';
import { codeSpans, propertyPathsRead, READS_HEADING, readsSection } from './doc-paths.js';

const ROOT = join(import.meta.dirname, '..', '..');
export const FIXTURE_ROOT = join(ROOT, 'fixtures', 'rules');
export const BUCKETS = ['pass', 'fail', 'notApplicable', 'notEvaluated'] as const;
type Bucket = (typeof BUCKETS)[number];

export interface ExpectedFinding {
  /** The end of the finding's resource id, case-insensitive: `/securityRules/allow-ssh`. */
  readonly resource?: string;
  readonly message?: RegExp;
  readonly severity?: Severity;
  /** Evidence paths the finding must carry. */
  readonly evidencePaths?: readonly string[];
}

/** What every case may set: the rule's options, as the config file's `rules.<id>.options` gives them. */
export interface CaseOptions {
  /** Parsed with the rule's option schema; the rule's defaults when absent. */
  readonly options?: unknown;
}

export interface FailCase extends CaseOptions {
  /** Exactly these findings, in any order. */
  readonly findings: readonly ExpectedFinding[];
  /** Parts that could not be read alongside the findings (a malformed child); none unless given. */
  readonly unread?: readonly ReasonCase[];
}

export interface ReasonCase {
  readonly reason?: RegExp;
  readonly code?: string;
}

export interface RuleCases {
  readonly pass: Readonly<Record<string, CaseOptions>>;
  readonly fail: Readonly<Record<string, FailCase>>;
  readonly notApplicable?: Readonly<Record<string, ReasonCase & CaseOptions>>;
  readonly notEvaluated?: Readonly<Record<string, ReasonCase & CaseOptions>>;
}

export function fixtureCases(ruleId: string, bucket: Bucket): string[] {
  const dir = join(FIXTURE_ROOT, ruleId, bucket);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

const neededByRule = new WeakMap<Rule, readonly string[]>();

/** What a live scan of the rule alone records as `collected`: what the planner reads for it. */
export function neededTypes(rule: Rule): readonly string[] {
  let needed = neededByRule.get(rule);
  if (!needed) {
    needed = planCollection([rule]).collected;
    neededByRule.set(rule, needed);
  }
  return needed;
}

/** `notCollected` entry `withheld` covers `needed`: the same type, or `needed` is `withheld@Parent`. */
function withholds(withheld: string, needed: string): boolean {
  const key = typeKey(withheld);
  const neededKey = typeKey(needed);
  return neededKey === key || (!key.includes('@') && neededKey.startsWith(`${key}@`));
}

function stringList(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) throw new Error(`${where}: expected an array of type names`);
  return value;
}

/**
 * The snapshot a fixture stands for, as the header says: its `collected` with the rule's needs
 * added, less its `notCollected`, and `notCollected` itself taken off.
 */
export function fixtureSnapshot(rule: Rule, document: unknown, path: string): unknown {
  if (!isJsonObject(document)) return document;
  const { notCollected, ...snapshot } = document;
  const listed = snapshot.collected === undefined ? [] : stringList(snapshot.collected, `${path}: collected`);
  const withheld = notCollected === undefined ? [] : stringList(notCollected, `${path}: notCollected`);
  const needed = neededTypes(rule);
  for (const type of listed) {
    if (needed.some((need) => typeKey(need) === typeKey(type))) throw new Error(`${path}: collected lists ${type}, which the tester adds for ${rule.id}: list only what the case is about`);
    if (withheld.some((entry) => withholds(entry, type))) throw new Error(`${path}: ${type} is both collected and notCollected`);
  }
  for (const entry of withheld) {
    if (!needed.some((need) => withholds(entry, need))) throw new Error(`${path}: notCollected lists ${entry}, which ${rule.id} does not need (it needs ${needed.join(', ')})`);
  }
  const added = needed.filter((need) => !withheld.some((entry) => withholds(entry, need)));
  return { ...snapshot, collected: [...listed, ...added] };
}

function evaluateFixture(rule: Rule, bucket: Bucket, name: string, testCase: CaseOptions) {
  const path = join(FIXTURE_ROOT, rule.id, bucket, `${name}.json`);
  const inventory = inventoryFromSnapshot(fixtureSnapshot(rule, JSON.parse(readFileSync(path, 'utf8')), path), path);
  return evaluate(inventory, [rule], ruleOptionsFor(rule, testCase));
}

function runFixture(rule: Rule, bucket: Bucket, name: string, testCase: CaseOptions) {
  return evaluateFixture(rule, bucket, name, testCase).outcomes;
}

/** The options map the engine takes, with the case's options parsed as the config file's would be. */
function ruleOptionsFor(rule: Rule, testCase: CaseOptions): ReadonlyMap<string, unknown> {
  if (testCase.options === undefined) return new Map();
  if (!rule.options) throw new Error(`${rule.id} takes no options, but a test case gives some`);
  return new Map([[rule.id, rule.options.schema(z).parse(testCase.options)]]);
}

function matches(finding: Finding, expected: ExpectedFinding): boolean {
  if (expected.resource && !finding.resourceId.toLowerCase().endsWith(expected.resource.toLowerCase())) return false;
  if (expected.message && !expected.message.test(finding.message)) return false;
  if (expected.severity && finding.severity !== expected.severity) return false;
  if (expected.evidencePaths && !expected.evidencePaths.every((path) => finding.evidence.some((item) => item.path === path))) return false;
  return true;
}

export function testRule(rule: Rule, cases: RuleCases): void {
  describe(`${rule.id} ${rule.name}`, () => {
    it('has a test case for every fixture and a fixture for every test case', () => {
      for (const bucket of BUCKETS) {
        const table = Object.keys(cases[bucket] ?? {}).sort();
        expect(table, `${bucket} cases of ${rule.id}`).toEqual(fixtureCases(rule.id, bucket));
      }
    });

    it('has at least one pass and one fail case', () => {
      expect(Object.keys(cases.pass).length).toBeGreaterThan(0);
      expect(Object.keys(cases.fail).length).toBeGreaterThan(0);
    });

    it(`names in its doc's '${READS_HEADING}' every property path it reads`, () => {
      const read = new Set<string>();
      for (const bucket of BUCKETS) {
        for (const [name, testCase] of Object.entries(cases[bucket] ?? {})) for (const path of propertyPathsRead(evaluateFixture(rule, bucket, name, testCase))) read.add(path);
      }
      const section = readsSection(readFileSync(join(ROOT, 'rules', rule.service, `${rule.name}.md`), 'utf8'));
      if ('problem' in section) expect.fail(`${rule.service}/${rule.name}.md: ${section.problem}`);
      const named = codeSpans(section.text);
      expect([...read].filter((path) => !named.has(path)).sort(), `paths ${rule.id} reads that ${rule.service}/${rule.name}.md does not name as \`path\` under '${READS_HEADING}'`).toEqual([]);
    });

    for (const [name, testCase] of Object.entries(cases.pass)) {
      it(`passes: ${name}`, () => {
        const outcomes = runFixture(rule, 'pass', name, testCase);
        expect(outcomes.length, 'the fixture must contain a resource the rule evaluates').toBeGreaterThan(0);
        for (const outcome of outcomes) expect(outcome, outcome.reason).toMatchObject({ status: 'pass' });
      });
    }

    for (const [name, expected] of Object.entries(cases.fail)) {
      it(`fails: ${name}`, () => {
        const { outcomes, notEvaluated } = evaluateFixture(rule, 'fail', name, expected);
        expect(notEvaluated.length, notEvaluated.map((entry) => entry.reason).join('\n')).toBe(expected.unread?.length ?? 0);
        for (const [i, want] of (expected.unread ?? []).entries()) {
          if (want.code) expect(notEvaluated[i]!.code).toBe(want.code);
          if (want.reason) expect(notEvaluated[i]!.reason).toMatch(want.reason);
        }
        expect(outcomes.some((outcome) => outcome.status === 'fail')).toBe(true);
        for (const outcome of outcomes) expect(['pass', 'fail', 'notApplicable'], `${outcome.status}: ${outcome.reason}`).toContain(outcome.status);
        const findings = outcomes.flatMap((outcome) => outcome.findings);
        expect(findings.length, findings.map((f) => f.message).join('\n')).toBe(expected.findings.length);
        for (const want of expected.findings) {
          expect(
            findings.some((finding) => matches(finding, want)),
            `no finding matches ${JSON.stringify({ ...want, message: want.message?.source })} among:\n${findings.map((f) => `${f.resourceId} [${f.severity}] ${f.message}`).join('\n')}`,
          ).toBe(true);
        }
        // One finding per rule and resource: the fingerprint is a ticket's identity.
        const fingerprints = findings.map((finding) => finding.fingerprint);
        expect(new Set(fingerprints).size).toBe(fingerprints.length);
        for (const finding of findings) {
          // --severity selects rules by the most severe finding they can report: none may be above it.
          expect(isAtLeast(highestSeverity(rule), finding.severity), `${finding.severity} above ${rule.id}'s highest`).toBe(true);
          expect(finding.evidence.length).toBeGreaterThan(0);
          for (const item of finding.evidence) {
            expect(item.resourceId).toBeTruthy();
            expect(item.path).toBeTruthy();
          }
        }
      });
    }

    for (const [name, expected] of Object.entries(cases.notApplicable ?? {})) {
      it(`is not applicable: ${name}`, () => {
        const outcomes = runFixture(rule, 'notApplicable', name, expected);
        expect(outcomes.length).toBeGreaterThan(0);
        for (const outcome of outcomes) {
          expect(outcome.status).toBe('notApplicable');
          if (expected.reason) expect(outcome.reason).toMatch(expected.reason);
        }
      });
    }

    for (const [name, expected] of Object.entries(cases.notEvaluated ?? {})) {
      it(`is not evaluated: ${name}`, () => {
        const outcomes = runFixture(rule, 'notEvaluated', name, expected);
        expect(outcomes.length).toBeGreaterThan(0);
        for (const outcome of outcomes) {
          expect(outcome.status, outcome.reason).toBe('error');
          expect(outcome.findings).toEqual([]);
          if (expected.code) expect(outcome.code).toBe(expected.code);
          if (expected.reason) expect(outcome.reason).toMatch(expected.reason);
        }
      });
    }
  });
}
