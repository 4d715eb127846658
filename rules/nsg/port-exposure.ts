import type { z as Zod } from 'zod';
import { LOAD_BALANCER_TYPE, NIC_TYPE, NSG_TYPE, PUBLIC_IP_TYPE, SCALE_SET_TYPE, SECURITY_RULE_TYPE, VIRTUAL_MACHINE_TYPE, VIRTUAL_NETWORK_TYPE } from '../../src/inventory/arm-types.js';
import { ruleEvidence } from '../../src/adapters/nsg.js';
import { describePath, type InternetRule, type PathStep } from '../../src/model/exposure.js';
import type { Rule, RuleContext, RuleOptions } from '../../src/model/rule.js';
import { type Severity, shiftSeverity } from '../../src/model/severity.js';
import { exposureGraph, pathFor } from '../../src/adapters/exposure/graph.js';
import { parsePortRange, PortRangeSyntaxError } from '../../src/adapters/ports.js';
import type { ArmResource } from '../../src/inventory/types.js';
import { nsgExposure } from '../../src/adapters/nsg-exposure.js';
import type { PortSet, TransportProtocol } from '../../src/model/ports.js';
import { exposedServices, portSetOf, type ServicePort } from '../../src/model/sensitive-ports.js';

export interface PortExposureCheck {
  readonly ports: readonly ServicePort[];
  readonly portSet: PortSet;
  /** Severity for a finding, from the services it exposes; the rule's own when undefined. */
  readonly severityFor?: (exposed: readonly ServicePort[]) => Severity | undefined;
}

/** Prepares a check once per rule, so that scanning an estate does not rebuild its port set per NSG. */
export function tcpPortCheck(ports: readonly ServicePort[], severityFor?: PortExposureCheck['severityFor']): PortExposureCheck {
  return { ports, portSet: portSetOf(ports), ...(severityFor ? { severityFor } : {}) };
}

export interface PortRuleOptions {
  /** More ports this rule treats as sensitive, from the config file. */
  readonly extraPorts: readonly ServicePort[];
}

/** One `extraPorts` entry; built with the schema library the config reader passes in. */
const portEntry = (z: typeof Zod) =>
  z.object({
    ports: z.union([z.number().int(), z.string()]).transform((value, context) => {
      try {
        return parsePortRange(String(value));
      } catch (error) {
        if (!(error instanceof PortRangeSyntaxError)) throw error;
        context.addIssue({ code: 'custom', message: `expected a port or a range a-b, got ${JSON.stringify(value)}` });
        return z.NEVER;
      }
    }),
    service: z.string().min(1),
  });

/** The options every port-exposure rule takes: extra sensitive ports (`{ ports: "9000-9001", service: "ClickHouse" }`). */
export const PORT_RULE_OPTIONS: RuleOptions<PortRuleOptions> = {
  schema: (z) =>
    z.strictObject({
      extraPorts: z
        .array(portEntry(z))
        .default([])
        .transform((entries) => entries.map(({ ports, service }) => ({ from: ports.from, to: ports.to, service }))),
    }),
  defaults: { extraPorts: [] },
  describe: ['extraPorts: more TCP ports to treat as sensitive, e.g. [{ ports: "9000-9001", service: "ClickHouse" }]'],
};

/** A rule's check with its configured extra ports, built once per set of options. */
export function portCheckWithOptions(base: PortExposureCheck): (options: PortRuleOptions) => PortExposureCheck {
  const built = new WeakMap<PortRuleOptions, PortExposureCheck>();
  return (options) => {
    if (options.extraPorts.length === 0) return base;
    let check = built.get(options);
    if (!check) {
      check = tcpPortCheck([...base.ports, ...options.extraPorts], base.severityFor);
      built.set(options, check);
    }
    return check;
  };
}

/**
 * Reports every internet-sourced Allow rule of `nsg` that exposes TCP ports from the check,
 * one finding per security rule, naming the ports and any Deny that shadows part of the rule.
 * Shared by the AZ-NSG rules so that they agree on what "open to the internet" means.
 */
export function reportTcpPortExposure(nsg: ArmResource, context: RuleContext<unknown>, check: PortExposureCheck): void {
  for (const allow of nsgExposure(nsg).allows) {
    if (!allow.exposed.tcp.overlaps(check.portSet)) continue;
    const { ports, services, hit } = exposedServices(allow.exposed.tcp, check.ports);
    if (ports.isEmpty) continue;
    const shadowed: string[] = [];
    for (const shadow of allow.blockedBy) {
      if (shadow.protocol !== 'tcp') continue;
      const blocked = shadow.ports.intersect(check.portSet);
      if (!blocked.isEmpty) shadowed.push(`${blocked.toString()} blocked by '${shadow.by.name}' (priority ${shadow.by.priority})`);
    }
    const reach = reachability(nsg, context, allow.rule, ports);
    const severity = reach.shift(check.severityFor?.(hit) ?? context.rule.severity);
    context.report({
      resource: securityRuleResource(nsg, allow.rule),
      message:
        `Security rule '${allow.rule.name}' (priority ${allow.rule.priority}) in NSG '${nsg.name}' admits the internet to TCP ${services.join(', ')}` +
        (shadowed.length > 0 ? `; ${shadowed.join('; ')}` : '') +
        `.${reach.note}`,
      evidence: ruleEvidence(nsg, allow.rule),
      severity,
      ...(reach.path ? { path: reach.path } : {}),
    });
  }
}

export interface Reachability {
  /** The finding's severity, raised when reachable from the internet, lowered when the NSG guards nothing. */
  readonly shift: (severity: Severity) => Severity;
  /** A sentence for the message, starting with a space, or empty. */
  readonly note: string;
  readonly path?: readonly PathStep[];
}

/**
 * Whether an open rule matters, from the exposure graph: its ports reach a workload from the
 * internet through a public IP or a public load balancer (raised one level, with the way in),
 * the NSG is attached to nothing (lowered one level), or the other NSG on every public path
 * blocks them (no change, said so). Where the scan did not read what the NSG is attached
 * to, nothing is claimed either way.
 */
export function reachability(nsg: ArmResource, context: RuleContext<unknown>, rule: InternetRule, ports: PortSet, protocol: TransportProtocol = 'tcp'): Reachability {
  const graph = exposureGraph(context.inventory);
  const attachment = graph.attachment(nsg);
  if (attachment === 'unattached') {
    return { shift: (severity) => shiftSeverity(severity, -1), note: ` The NSG is attached to no network interface, subnet or scale set, so nothing is exposed through it today.` };
  }
  if (attachment === 'unknown') return UNCHANGED;
  const reached = graph
    .throughNsg(nsg)
    .filter((endpoint) => endpoint.protocol === protocol && !endpoint.backendPorts.intersect(ports).isEmpty && endpoint.allowedBy.some((entry) => entry.rule.id.toLowerCase() === rule.id.toLowerCase()));
  if (reached.length > 0) {
    const first = reached[0]!;
    const path = pathFor(first, ports);
    const more = reached.length > 1 ? ` (and ${reached.length - 1} more way${reached.length > 2 ? 's' : ''} in)` : '';
    return { shift: (severity) => shiftSeverity(severity, 1), note: ` Reachable from the internet: ${describePath(path)}${more}.`, path };
  }
  if (graph.guardsPublicPath(nsg)) return { shift: (severity) => severity, note: ` Not reachable today: the other NSG on every way in from the internet blocks these ports.` };
  return UNCHANGED;
}

const UNCHANGED: Reachability = { shift: (severity) => severity, note: '' };

export function securityRuleResource(nsg: ArmResource, rule: InternetRule): { id: string; type: string; name: string } {
  return { id: rule.id, type: SECURITY_RULE_TYPE, name: `${nsg.name}/${rule.name}` };
}

/**
 * What the NSG rules read besides NSGs, to tell an NSG that guards a public workload from one
 * attached to nothing: the exposure graph's resources.
 */
export const NSG_CONTEXT_TYPES = [NIC_TYPE, PUBLIC_IP_TYPE, VIRTUAL_NETWORK_TYPE, LOAD_BALANCER_TYPE, VIRTUAL_MACHINE_TYPE, SCALE_SET_TYPE] as const;

/** The `az` command that narrows or removes an open rule, shared by the AZ-NSG remediations. */
export const NSG_RULE_FIX =
  'az network nsg rule update --resource-group <resource-group> --nsg-name <nsg> --name <rule> --source-address-prefixes <trusted-cidr>';

/**
 * What every AZ-NSG rule has in common, spread into its definition: it evaluates NSGs, reads
 * the exposure graph's resources to rate reachability, and may raise a finding's severity.
 */
export const NSG_RULE_BASE = {
  raisesSeverity: true,
  resourceTypes: [NSG_TYPE],
  requires: NSG_CONTEXT_TYPES,
} as const satisfies Partial<Rule<never>>;

/**
 * The set-up the port rules (AZ-NSG-001 … 004) repeat, built once per rule: the extra-ports
 * option and a check that reports every Allow opening one of `ports`, the finding's severity
 * from `severityFor` when given. The rule adds its identity and its words:
 * `defineRule({ ...tcpPortExposureRule(SENSITIVE_PORTS.elasticsearch), id: 'AZ-NSG-002', … })`.
 */
export function tcpPortExposureRule(ports: readonly ServicePort[], severityFor?: PortExposureCheck['severityFor']): Pick<Rule<PortRuleOptions>, 'raisesSeverity' | 'resourceTypes' | 'requires' | 'options' | 'check'> {
  const checkFor = portCheckWithOptions(tcpPortCheck(ports, severityFor));
  return {
    ...NSG_RULE_BASE,
    options: PORT_RULE_OPTIONS,
    check(nsg, context) {
      reportTcpPortExposure(nsg, context, checkFor(context.options));
    },
  };
}
