import { z } from 'zod';
import { ruleEvidence, SECURITY_RULE_TYPE, type InternetRule } from '../adapters/nsg.js';
import type { RuleContext, RuleOptions } from '../engine/rule.js';
import { parsePortRange, PortRangeSyntaxError } from '../net/ports.js';
import type { Severity } from '../engine/severity.js';
import type { ArmResource } from '../inventory/types.js';
import { nsgExposure } from '../net/nsg-exposure.js';
import type { PortSet } from '../net/ports.js';
import { exposedServices, portSetOf, type ServicePort } from '../net/sensitive-ports.js';

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

const portEntry = z.object({
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
  schema: z.strictObject({
    extraPorts: z
      .array(portEntry)
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
    const severity = check.severityFor?.(hit);
    context.report({
      resource: securityRuleResource(nsg, allow.rule),
      message:
        `Security rule '${allow.rule.name}' (priority ${allow.rule.priority}) in NSG '${nsg.name}' admits the internet to TCP ${services.join(', ')}` +
        (shadowed.length > 0 ? `; ${shadowed.join('; ')}` : '') +
        '.',
      evidence: ruleEvidence(nsg, allow.rule),
      ...(severity === undefined ? {} : { severity }),
    });
  }
}

export function securityRuleResource(nsg: ArmResource, rule: InternetRule): { id: string; type: string; name: string } {
  return { id: rule.id, type: SECURITY_RULE_TYPE, name: `${nsg.name}/${rule.name}` };
}

export const NSG_TYPE = 'Microsoft.Network/networkSecurityGroups';

/** The `az` command that narrows or removes an open rule, shared by the AZ-NSG remediations. */
export const NSG_RULE_FIX =
  'az network nsg rule update --resource-group <resource-group> --nsg-name <nsg> --name <rule> --source-address-prefixes <trusted-cidr>';
