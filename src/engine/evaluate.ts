import { ANY_TYPE, type AnyRule as Rule, type FindingReport, type RuleContext, type UnreadPart } from '../model/rule.js';
import { idKey, isSameOrAncestorKey, parseArmId, placeOf, typeKey } from '../inventory/arm-id.js';
import { describeFailure, type Inventory } from '../inventory/inventory.js';
import type { ArmResource } from '../inventory/types.js';
import { fingerprintOfKey } from './fingerprint.js';
import { NotEvaluated } from '../model/not-evaluated.js';
import type { Finding, InputOrder, NotEvaluatedEntry, Outcome } from '../model/result.js';
import type { ComplianceFramework, ComplianceMapping } from '../model/compliance.js';
import type { ShardScope } from './shard-scope.js';

export interface Evaluation {
  readonly outcomes: Outcome[];
  readonly notEvaluated: NotEvaluatedEntry[];
  /** Distinct resources with at least one pass, fail or notApplicable outcome. */
  readonly resourcesEvaluated: number;
  /** The same, by lower-cased subscription id. */
  readonly resourcesBySubscription: ReadonlyMap<string, number>;
}

/**
 * Runs every rule over every resource of its types: the heart of a scan.
 *
 * Resources are visited once each and all their rules run back to back, so a view that
 * several rules share (an NSG's exposure) is built once and dropped straight after,
 * rather than kept for the whole estate.
 *
 * With a shard, only what the shard owns is evaluated (see ShardScope), and what it reports
 * carries its place in the unsharded order.
 */
export function evaluate(inventory: Inventory, rules: readonly Rule[], ruleOptions: ReadonlyMap<string, unknown> = new Map(), shard?: ShardScope): Evaluation {
  const outcomes: Outcome[] = [];
  const notEvaluated: NotEvaluatedEntry[] = [];
  let resourcesEvaluated = 0;
  const resourcesBySubscription = new Map<string, number>();

  const rulesByType = new Map<string, Rule[]>();
  const everyType = rules.filter((rule) => rule.resourceTypes.includes(ANY_TYPE));
  for (const rule of rules) {
    for (const type of rule.resourceTypes) {
      if (type === ANY_TYPE) continue;
      const key = typeKey(type);
      const list = rulesByType.get(key);
      if (list) list.push(rule);
      else rulesByType.set(key, [rule]);
    }
  }

  // Each rule's options and each type's rules are worked out once, not once per resource.
  const optionsByRule = new Map<Rule, unknown>(rules.map((rule) => [rule, ruleOptions.get(rule.id) ?? rule.options?.defaults ?? {}]));
  const context = new OutcomeRecorder(inventory, (rule) => optionsByRule.get(rule) ?? {});
  const applicableByType = new Map<string, readonly Rule[]>();
  const resources = inventory.resources;
  for (let position = 0; position < resources.length; position++) {
    const resource = resources[position]!;
    let applicable = applicableByType.get(resource.typeKey);
    if (applicable === undefined) {
      applicable = [...(rulesByType.get(resource.typeKey) ?? []), ...everyType];
      applicableByType.set(resource.typeKey, applicable);
    }
    if (applicable.length === 0) continue;
    if (shard && !shard.ownsResource(resource)) continue;
    const order = shard?.resourceOrder(resource, position);
    let evaluated = false;
    for (const rule of applicable) {
      let result = context.evaluate(rule, resource);
      if (result === OUT_OF_SCOPE) continue;
      if (order !== undefined && result.findings.length > 0) result = { ...result, findings: result.findings.map((finding) => ({ ...finding, inputOrder: order })) };
      outcomes.push(result);
      if (result.status === 'error') notEvaluated.push(placed(entryFor(result.ruleId, result.resourceId, result.resourceType, result.code!, result.reason!), order));
      else evaluated = true;
      if (context.unreadParts.length > 0) {
        for (const part of context.unreadParts) {
          const entry = entryFor(rule.id, part.resourceId ?? resource.id, part.resourceType ?? resource.type, part.code, part.reason);
          notEvaluated.push(placed(part.compliance ? { ...entry, compliance: narrowedMapping(rule, part.compliance) } : entry, order));
        }
      }
    }
    if (evaluated) {
      resourcesEvaluated++;
      const subscription = resource.subscriptionId?.toLowerCase();
      if (subscription !== undefined) resourcesBySubscription.set(subscription, (resourcesBySubscription.get(subscription) ?? 0) + 1);
    }
  }

  let sequence = 0;
  rules.forEach((rule, ruleIndex) => {
    for (const { outcome: result, failure } of unreadOutcomes(rule, inventory)) {
      const order = shard?.unreadOrder(sequence++, ruleIndex, failure);
      if (shard && !shard.ownsScope(result.resourceId)) continue;
      outcomes.push(result);
      const entry = entryFor(result.ruleId, result.resourceId, result.resourceType, result.code!, result.reason!);
      notEvaluated.push(placed(entry, order));
    }
  });

  // A named read (`Microsoft.Web/sites/config/authsettingsV2`) holds resources of the ARM type
  // one segment up, so that type counts too: erring this way only counts more against completeness.
  const relevantTypes = new Set(
    rules.flatMap((rule) => [...rule.resourceTypes, ...rule.requires.flatMap((type) => [type, type.slice(0, type.lastIndexOf('/'))])].map(typeKey)),
  );
  const anyTypeRelevant = everyType.length > 0;
  inventory.malformed.forEach((bad, position) => {
    if (shard && !shard.ownsMalformed(bad)) return;
    // A malformed resource of a type no selected rule reads is listed for the record; one
    // of unknown type might have been anything, so it counts against completeness.
    const relevant = bad.resourceType === undefined || anyTypeRelevant || relevantTypes.has(typeKey(bad.resourceType));
    notEvaluated.push({
      ...(bad.resourceId === undefined ? {} : { resourceId: bad.resourceId, subscriptionId: parseArmId(bad.resourceId).subscriptionId }),
      ...(bad.resourceType === undefined ? {} : { resourceType: bad.resourceType }),
      inputLocation: bad.location,
      code: relevant ? (bad.code ?? 'MalformedResource') : 'MalformedResourceIgnored',
      reason: bad.reason,
      ...(shard ? { inputOrder: shard.malformedOrder(bad, position) } : {}),
    });
  });
  return { outcomes, notEvaluated, resourcesEvaluated, resourcesBySubscription };
}

const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

/** A shard's entry with its place in the unsharded order; unchanged without a shard. */
function placed(entry: NotEvaluatedEntry, order: InputOrder | undefined): NotEvaluatedEntry {
  return order === undefined ? entry : { ...entry, inputOrder: order };
}

/** What the recorder returns for a resource a rule's `appliesTo` leaves out: no outcome at all. */
const OUT_OF_SCOPE = Symbol('out of scope');

/** Every outcome has the same shape, which keeps evaluation of large estates fast. */
function outcome(
  ruleId: string,
  status: Outcome['status'],
  resourceId: string,
  resourceType: string,
  findings: readonly Finding[],
  reason?: string,
  code?: string,
): Outcome {
  return { ruleId, status, resourceId, resourceType, findings, reason, code };
}

/**
 * Error outcomes for reads of the rule's own resource types (or their parents) that failed:
 * the resources that read would have returned are unknown, so the scope is not evaluated.
 */
function* unreadOutcomes(rule: Rule, inventory: Inventory): Iterable<{ outcome: Outcome; failure: { scope: string; resourceType?: string } }> {
  const seen = new Set<string>();
  for (const type of rule.resourceTypes) {
    // A rule over every type is blind wherever any read failed.
    const failures = type === ANY_TYPE ? inventory.errors : selfAndAncestorTypes(type).flatMap((readType) => inventory.failuresReading(readType));
    for (const failure of failures) {
      const key = idKey(failure.scope);
      if (seen.has(key)) continue;
      seen.add(key);
      yield { outcome: outcome(rule.id, 'error', failure.scope, failure.resourceType ?? type, NO_FINDINGS, describeFailure(failure), failure.code), failure };
    }
  }
  for (const bad of inventory.malformed) {
    if (bad.resourceId === undefined || bad.resourceType === undefined) continue;
    if (!rule.resourceTypes.some((type) => type === ANY_TYPE || typeKey(type) === typeKey(bad.resourceType!))) continue;
    const failed = outcome(rule.id, 'error', bad.resourceId, bad.resourceType, NO_FINDINGS, bad.code === undefined ? `${bad.location} is malformed: ${bad.reason}` : bad.reason, bad.code ?? 'MalformedResource');
    yield { outcome: failed, failure: { scope: bad.resourceId, resourceType: bad.resourceType } };
  }
}

/** `Microsoft.Sql/servers/databases` → `Microsoft.Sql/servers`, `Microsoft.Sql/servers/databases`. */
function selfAndAncestorTypes(type: string): string[] {
  const [namespace, ...names] = type.split('/');
  return names.map((_, i) => `${namespace}/${names.slice(0, i + 1).join('/')}`);
}

/**
 * A finding's or unread part's controls: the rule's mapping with the frameworks it names
 * narrowed. A control outside the rule's own mapping is a bug in the rule, and said so.
 */
function narrowedMapping(rule: Rule, narrowed: Partial<ComplianceMapping>): ComplianceMapping {
  const mapping = { ...rule.compliance };
  for (const [framework, controls] of Object.entries(narrowed) as Array<[ComplianceFramework, readonly string[]]>) {
    const outside = controls.find((control) => !rule.compliance[framework].includes(control));
    if (outside !== undefined) throw new Error(`rule ${rule.id} reported control ${outside} of ${framework}, which it does not map to`);
    mapping[framework] = controls;
  }
  return mapping;
}

function entryFor(ruleId: string, resourceId: string, resourceType: string, code: string, reason: string): NotEvaluatedEntry {
  const subscriptionId = parseArmId(resourceId).subscriptionId;
  return { ruleId, resourceId, resourceType, ...(subscriptionId === undefined ? {} : { subscriptionId }), code, reason };
}

/** The context every rule reports through; one instance, reset for each rule × resource. */
class OutcomeRecorder implements RuleContext<unknown> {
  rule!: Rule;
  private resource!: ArmResource;
  options: unknown = {};
  private findings: Finding[] | undefined;
  private notApplicableReason: string | undefined;
  unreadParts: UnreadPart[] = [];

  constructor(
    readonly inventory: Inventory,
    private readonly optionsFor: (rule: Rule) => unknown,
  ) {}

  /** The rule's outcome for the resource, or OUT_OF_SCOPE when its `appliesTo` leaves the resource out. */
  evaluate(rule: Rule, resource: ArmResource): Outcome | typeof OUT_OF_SCOPE {
    if (rule !== this.rule) this.options = this.optionsFor(rule);
    this.rule = rule;
    this.resource = resource;
    this.findings = undefined;
    this.notApplicableReason = undefined;
    if (this.unreadParts.length > 0) this.unreadParts = [];
    try {
      const applicability = rule.appliesTo ? rule.appliesTo(resource) : true;
      if (applicability === false) return OUT_OF_SCOPE;
      if (applicability !== true) return outcome(rule.id, 'notApplicable', resource.id, resource.type, NO_FINDINGS, applicability.notApplicable);
      rule.check(resource, this);
    } catch (error) {
      if (error instanceof NotEvaluated) return outcome(rule.id, 'error', resource.id, resource.type, NO_FINDINGS, error.reason, error.code);
      // A rule that throws has a bug; the resource is still reported, never silently passed.
      return outcome(rule.id, 'error', resource.id, resource.type, NO_FINDINGS, `rule ${rule.id} failed: ${(error as Error).message}`, 'RuleFailed');
    }
    if (this.findings) return outcome(rule.id, 'fail', resource.id, resource.type, this.findings);
    const unread = this.unreadParts[0];
    if (unread) {
      // Nothing failed in what could be read, but not everything could: not a pass.
      this.unreadParts = this.unreadParts.slice(1);
      return outcome(rule.id, 'error', unread.resourceId ?? resource.id, unread.resourceType ?? resource.type, NO_FINDINGS, unread.reason, unread.code);
    }
    if (this.notApplicableReason !== undefined) return outcome(rule.id, 'notApplicable', resource.id, resource.type, NO_FINDINGS, this.notApplicableReason);
    return outcome(rule.id, 'pass', resource.id, resource.type, NO_FINDINGS);
  }

  report(report: FindingReport): void {
    const { rule, resource } = this;
    const target = report.resource ?? resource;
    const targetKey = target === resource ? resource.key : idKey(target.id);
    // A finding on a child (a security rule, a container) shares its parent's subscription and group.
    const place = target === resource || isSameOrAncestorKey(resource.key, targetKey) ? resource : placeOf(target.id);
    (this.findings ??= []).push({
      ruleId: rule.id,
      ruleName: rule.name,
      title: rule.title,
      severity: report.severity ?? rule.severity,
      service: rule.service,
      resourceId: target.id,
      resourceType: target.type,
      resourceName: target.name,
      subscriptionId: place.subscriptionId,
      resourceGroup: place.resourceGroup,
      message: report.message,
      evidence: report.evidence,
      remediation: rule.remediation,
      compliance: report.compliance ? narrowedMapping(rule, report.compliance) : rule.compliance,
      fingerprint: fingerprintOfKey(rule.id, targetKey),
      ...(report.path ? { path: report.path } : {}),
    });
  }

  notApplicable(reason: string): void {
    this.notApplicableReason = reason;
  }

  unreadable(part: UnreadPart): void {
    this.unreadParts.push(part);
  }

  childrenOf(parent: ArmResource | string, type: string): readonly ArmResource[] {
    const unavailable = this.inventory.unavailable(parent, type);
    if (unavailable) throw new NotEvaluated(unavailable.code, unavailable.reason);
    return this.inventory.childrenOf(parent, type);
  }

  resourcesIn(subscription: ArmResource | string, type: string): readonly ArmResource[] {
    const found = this.inventory.resourcesIn(subscription, type);
    if ('reason' in found) throw new NotEvaluated(found.code, found.reason);
    return found;
  }

  childOf(parent: ArmResource | string, type: string, name: string): ArmResource | undefined {
    const wanted = name.toLowerCase();
    return this.childrenOf(parent, type).find((child) => child.name.toLowerCase() === wanted);
  }
}
