import { idKey, parseArmId, typeKey } from '../inventory/arm-id.js';
import { describeFailure, type Inventory } from '../inventory/inventory.js';
import type { ArmResource } from '../inventory/types.js';
import { fingerprint } from './fingerprint.js';
import { NotEvaluated } from './not-evaluated.js';
import type { Finding, NotEvaluatedEntry, Outcome } from './result.js';
import type { FindingReport, Rule, RuleContext } from './rule.js';

export interface Evaluation {
  readonly outcomes: Outcome[];
  readonly notEvaluated: NotEvaluatedEntry[];
  /** Distinct resource keys with at least one pass, fail or notApplicable outcome. */
  readonly resourcesEvaluated: number;
}

/** Runs every rule over every resource of its types: the heart of a scan. */
export function evaluate(inventory: Inventory, rules: readonly Rule[]): Evaluation {
  const outcomes: Outcome[] = [];
  const notEvaluated: NotEvaluatedEntry[] = [];
  const evaluated = new Set<string>();

  for (const rule of rules) {
    for (const type of rule.resourceTypes) {
      for (const resource of inventory.ofType(type)) {
        const outcome = evaluateOne(rule, resource, inventory);
        outcomes.push(outcome);
        if (outcome.status === 'error') notEvaluated.push(entryFor(outcome));
        else evaluated.add(resource.key);
      }
    }
    for (const outcome of unreadOutcomes(rule, inventory)) {
      outcomes.push(outcome);
      notEvaluated.push(entryFor(outcome));
    }
  }

  const relevantTypes = new Set(rules.flatMap((rule) => [...rule.resourceTypes, ...rule.requires].map(typeKey)));
  for (const bad of inventory.malformed) {
    // A malformed resource of a type no selected rule reads is listed for the record; one
    // of unknown type might have been anything, so it counts against completeness.
    const relevant = bad.resourceType === undefined || relevantTypes.has(typeKey(bad.resourceType));
    notEvaluated.push({
      ...(bad.resourceId === undefined ? {} : { resourceId: bad.resourceId, subscriptionId: parseArmId(bad.resourceId).subscriptionId }),
      ...(bad.resourceType === undefined ? {} : { resourceType: bad.resourceType }),
      inputLocation: bad.location,
      code: relevant ? 'MalformedResource' : 'MalformedResourceIgnored',
      reason: bad.reason,
    });
  }
  return { outcomes, notEvaluated, resourcesEvaluated: evaluated.size };
}

/** True when a not-evaluated entry means the scan did not see something a selected rule needed. */
export function makesIncomplete(entry: NotEvaluatedEntry): boolean {
  return entry.code !== 'MalformedResourceIgnored';
}

function evaluateOne(rule: Rule, resource: ArmResource, inventory: Inventory): Outcome {
  const context = new OutcomeRecorder(rule, resource, inventory);
  try {
    rule.check(resource, context);
  } catch (error) {
    const base = { ruleId: rule.id, status: 'error' as const, resourceId: resource.id, resourceType: resource.type, findings: [] };
    if (error instanceof NotEvaluated) return { ...base, code: error.code, reason: error.reason };
    // A rule that throws has a bug; the resource is still reported, never silently passed.
    return { ...base, code: 'RuleFailed', reason: `rule ${rule.id} failed: ${(error as Error).message}` };
  }
  return context.outcome();
}

/**
 * Error outcomes for reads of the rule's own resource types (or their parents) that failed:
 * the resources that read would have returned are unknown, so the scope is not evaluated.
 */
function* unreadOutcomes(rule: Rule, inventory: Inventory): Iterable<Outcome> {
  const seen = new Set<string>();
  for (const type of rule.resourceTypes) {
    for (const readType of selfAndAncestorTypes(type)) {
      for (const failure of inventory.failuresReading(readType)) {
        const key = idKey(failure.scope);
        if (seen.has(key)) continue;
        seen.add(key);
        yield {
          ruleId: rule.id,
          status: 'error',
          resourceId: failure.scope,
          resourceType: failure.resourceType ?? type,
          findings: [],
          code: failure.code,
          reason: describeFailure(failure),
        };
      }
    }
  }
  for (const bad of inventory.malformed) {
    if (bad.resourceId === undefined || bad.resourceType === undefined) continue;
    if (!rule.resourceTypes.some((type) => typeKey(type) === typeKey(bad.resourceType!))) continue;
    yield {
      ruleId: rule.id,
      status: 'error',
      resourceId: bad.resourceId,
      resourceType: bad.resourceType,
      findings: [],
      code: 'MalformedResource',
      reason: `${bad.location} is malformed: ${bad.reason}`,
    };
  }
}

/** `Microsoft.Sql/servers/databases` → `Microsoft.Sql/servers`, `Microsoft.Sql/servers/databases`. */
function selfAndAncestorTypes(type: string): string[] {
  const [namespace, ...names] = type.split('/');
  return names.map((_, i) => `${namespace}/${names.slice(0, i + 1).join('/')}`);
}

function entryFor(outcome: Outcome): NotEvaluatedEntry {
  return {
    ruleId: outcome.ruleId,
    resourceId: outcome.resourceId,
    resourceType: outcome.resourceType,
    ...(parseArmId(outcome.resourceId).subscriptionId === undefined ? {} : { subscriptionId: parseArmId(outcome.resourceId).subscriptionId }),
    code: outcome.code ?? 'Unknown',
    reason: outcome.reason ?? '',
  };
}

class OutcomeRecorder implements RuleContext {
  private readonly findings: Finding[] = [];
  private notApplicableReason: string | undefined;

  constructor(
    private readonly rule: Rule,
    private readonly resource: ArmResource,
    readonly inventory: Inventory,
  ) {}

  report(report: FindingReport): void {
    const rule = this.rule;
    const target = report.resource ?? this.resource;
    const parsed = target === this.resource ? this.resource : parseArmId(target.id);
    this.findings.push({
      ruleId: rule.id,
      ruleName: rule.name,
      title: rule.title,
      severity: report.severity ?? rule.severity,
      service: rule.service,
      resourceId: target.id,
      resourceType: target.type,
      resourceName: target.name,
      subscriptionId: parsed.subscriptionId,
      resourceGroup: parsed.resourceGroup,
      message: report.message,
      evidence: report.evidence,
      remediation: rule.remediation,
      compliance: rule.compliance,
      fingerprint: fingerprint(rule.id, target.id),
    });
  }

  notApplicable(reason: string): void {
    this.notApplicableReason = reason;
  }

  childrenOf(parentId: string, type: string): readonly ArmResource[] {
    const unavailable = this.inventory.unavailable(parentId, type);
    if (unavailable) throw new NotEvaluated(unavailable.code, unavailable.reason);
    return this.inventory.childrenOf(parentId, type);
  }

  childOf(parentId: string, type: string, name: string): ArmResource | undefined {
    const wanted = name.toLowerCase();
    return this.childrenOf(parentId, type).find((child) => child.name.toLowerCase() === wanted);
  }

  outcome(): Outcome {
    const base = { ruleId: this.rule.id, resourceId: this.resource.id, resourceType: this.resource.type };
    if (this.findings.length > 0) return { ...base, status: 'fail', findings: this.findings };
    if (this.notApplicableReason !== undefined) return { ...base, status: 'notApplicable', findings: [], reason: this.notApplicableReason };
    return { ...base, status: 'pass', findings: [] };
  }
}
