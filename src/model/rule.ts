import type { ComplianceMapping } from './compliance.js';
import type { Evidence } from './evidence.js';
import type { Service } from './services.js';
import type { z } from 'zod';
import type { Inventory } from '../inventory/inventory.js';
import type { PathStep } from './exposure.js';
import type { ArmResource } from '../inventory/types.js';
import type { Severity } from './severity.js';

/** What a rule is, as data: everything a report, a doc or the collector needs to know. */
export interface RuleMeta {
  /** Stable id, never reused: `AZ-NSG-002`. */
  readonly id: string;
  /** Readable name, equal to the rule's file name: `nsg-elasticsearch-open`. */
  readonly name: string;
  /** One line, what a failing resource has: "Elasticsearch or Kibana open to the internet". */
  readonly title: string;
  readonly severity: Severity;
  /**
   * Some findings are reported one level above `severity` (an open NSG rule that the internet
   * reaches, an Elasticsearch port on a public address): `--severity` selects the rule by that
   * level, so a raised finding is never skipped.
   */
  readonly raisesSeverity?: true;
  readonly service: Service;
  /**
   * ARM types the rule evaluates, one outcome per resource of these types. `*` means every
   * resource `appliesTo` accepts (data residency looks at whatever was read).
   */
  readonly resourceTypes: readonly string[];
  /** Child and extension resource types the rule reads, so the collector can plan its calls. */
  readonly requires: readonly string[];
  readonly description: string;
  readonly rationale: string;
  readonly remediation: {
    readonly text: string;
    /** An `az` command that fixes it, with placeholders in angle brackets. */
    readonly az: string;
  };
  readonly references: readonly string[];
  readonly compliance: ComplianceMapping;
}

export interface FindingReport {
  readonly message: string;
  readonly evidence: readonly Evidence[];
  /** The resource the finding is about, when it is not the one evaluated (a security rule, a container). */
  readonly resource?: { readonly id: string; readonly type: string; readonly name: string };
  /** Overrides the rule's severity for this finding (MQTT over TLS is reported lower than plaintext). */
  readonly severity?: Severity;
  /** The way from the internet to the workload, when the finding is reachable. */
  readonly path?: readonly PathStep[];
  /**
   * The controls this finding answers, where a rule covers several and a finding only some
   * (AZ-DEF-001's finding for the Key Vault plan answers CIS 3.1.8.1, not the other plans'
   * controls). Per framework; a framework not given keeps the rule's mapping. Must lie within
   * the rule's own mapping.
   */
  readonly compliance?: Partial<ComplianceMapping>;
}

/** Part of a resource a rule could not read (one malformed firewall rule among many). */
export interface UnreadPart {
  readonly code: string;
  readonly reason: string;
  /** The part, when it is a resource of its own; the evaluated resource otherwise. */
  readonly resourceId?: string;
  readonly resourceType?: string;
  /** The controls the part would have answered, as for a finding; the rule's when absent. */
  readonly compliance?: Partial<ComplianceMapping>;
}

export interface RuleContext<Options = NoOptions> {
  readonly inventory: Inventory;
  /** The rule being run, with any severity override applied. */
  readonly rule: RuleMeta;
  /** The rule's options: its defaults, with what the config file sets merged over them. */
  readonly options: Options;
  report(finding: FindingReport): void;
  notApplicable(reason: string): void;
  /**
   * Records a part that could not be read while the rest was evaluated: the findings from
   * the rest still count, and the part is listed as not evaluated. With no findings, the
   * resource is not evaluated rather than passed.
   */
  unreadable(part: UnreadPart): void;
  /**
   * Children of `parentId` (or extension resources targeting it) of one type. When that type
   * was not read, or reading it failed, the rule stops here and the resource is reported as
   * not evaluated: a rule cannot mistake "not read" for "none".
   */
  childrenOf(parent: ArmResource | string, type: string): readonly ArmResource[];
  /** One named child, e.g. TDE `current`; undefined when it was read and is not there. */
  childOf(parent: ArmResource | string, type: string, name: string): ArmResource | undefined;
  /**
   * The resources of a type in a subscription (activity log alerts, Defender pricings), for
   * rules about the subscription; stops the rule, as `childrenOf` does, when they were not read.
   */
  resourcesIn(subscription: ArmResource | string, type: string): readonly ArmResource[];
}

export type NoOptions = Readonly<Record<string, never>>;

/** A rule's options, as the config file's `rules.<id>.options` sets them. */
export interface RuleOptions<Options> {
  /**
   * Builds the validator of what the config file gives, with the defaults filled in, from the
   * schema library passed in: zod is loaded only when there is a config file to read.
   */
  readonly schema: (zod: typeof z) => z.ZodType<Options>;
  readonly defaults: Options;
  /** One line per option for `azscan rules show` and the README. */
  readonly describe: readonly string[];
  /**
   * Set for a rule with no sensible default (there is no default region): it runs only when
   * the config gives its options, in `rules.<id>.options` or in this top-level setting, whose
   * value becomes the option of the same name. Without them the rule is left out of every
   * selection, and asking for it with --rule is refused, saying what to set.
   */
  readonly fromConfig?: {
    /** The top-level config setting: `allowedLocations`. */
    readonly setting: string;
    /** What the rule cannot run without: `the allowed locations`. */
    readonly needs: string;
    /** A line of config that sets it: `allowedLocations: [westeurope]`. */
    readonly example: string;
  };
}

/** What a rule's `appliesTo` says of a resource. */
export type Applicability = boolean | { readonly notApplicable: string };

/** `appliesTo`'s answer for a resource the rule does not concern, with the reason reports give. */
export function notApplicable(reason: string): Applicability {
  return { notApplicable: reason };
}

export interface Rule<Options = NoOptions> extends RuleMeta {
  readonly options?: RuleOptions<Options>;
  /**
   * Whether the rule evaluates a resource of its types, decided before `check` runs: `true`;
   * `false` to leave it out of the rule's scope with no outcome at all (a `*` rule and the
   * resources it does not look at); or `notApplicable(reason)` for a resource of the rule's
   * type the rule does not concern (a storage account without a blob service). It may throw
   * NotEvaluated, as `check` may, when what decides it is malformed.
   */
  readonly appliesTo?: (resource: ArmResource) => Applicability;
  check(resource: ArmResource, context: RuleContext<Options>): void;
}

/** Any rule, whatever its options: what the catalogue and the engine hold. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>;

/** Declares a rule; the identity function, there to type-check the literal and freeze it. */
export function defineRule<Options = NoOptions>(rule: Rule<Options>): Rule<Options> {
  return Object.freeze(rule);
}
/** The resource type of rules that look at every resource. */
export const ANY_TYPE = '*';

/** A rule of the catalogue by its id (any case) or its name. */
export function findRule(catalogue: readonly AnyRule[], text: string): AnyRule | undefined {
  const key = text.trim().toLowerCase();
  return catalogue.find((r) => r.id.toLowerCase() === key || r.name === key);
}
