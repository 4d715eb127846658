import { internetRules, ruleAppliesTo } from './nsg.js';
import type { InternetRule } from '../model/exposure.js';
import { PortSet, type TransportProtocol } from '../model/ports.js';
import { memoizeByResource } from './memo.js';
import type { ArmResource } from '../inventory/types.js';

/** Ports of one protocol that a higher-priority Deny decided before this rule was reached. */
export interface Shadow {
  readonly by: InternetRule;
  readonly protocol: TransportProtocol;
  readonly ports: PortSet;
}

/** What one internet-sourced Allow rule actually exposes once higher-priority rules are applied. */
export interface AllowExposure {
  readonly rule: InternetRule;
  readonly exposed: { readonly [P in TransportProtocol]: PortSet };
  /** Deny rules that took some of this rule's ports away, and which. */
  readonly blockedBy: readonly Shadow[];
}

export interface NsgExposure {
  readonly allows: readonly AllowExposure[];
  readonly exposed: { readonly [P in TransportProtocol]: PortSet };
}

/**
 * Inbound exposure to the internet of one NSG, as Azure evaluates it: for each protocol and
 * port, the internet-sourced rule with the lowest priority number decides. An Allow exposes
 * only the ports no earlier rule decided; a Deny decides its ports for every later rule.
 * Each exposed port is attributed to exactly one Allow, the one that decides it, and each
 * blocked port to the one Deny that decides it.
 */
export const nsgExposure = memoizeByResource((nsg: ArmResource): NsgExposure => evaluateInternetRules(internetRules(nsg)));

/**
 * What an NSG admits from the internet to one IP configuration: only the rules whose
 * destination covers that address (or its application security groups) take part.
 */
export function nsgExposureFor(nsg: ArmResource, destination: { readonly ip: string | undefined; readonly asgIds: readonly string[] }): NsgExposure {
  const rules = internetRules(nsg);
  const applying = rules.filter((rule) => ruleAppliesTo(rule, destination));
  return applying.length === rules.length ? nsgExposure(nsg) : evaluateInternetRules(applying);
}

/** The priority walk itself, over internet-sourced rules already sorted by priority. */
export function evaluateInternetRules(rules: readonly InternetRule[]): NsgExposure {
  const decided: Record<TransportProtocol, PortSet> = { tcp: PortSet.EMPTY, udp: PortSet.EMPTY };
  const denied: Shadow[] = [];
  const allows: AllowExposure[] = [];
  const total: Record<TransportProtocol, PortSet> = { tcp: PortSet.EMPTY, udp: PortSet.EMPTY };

  for (const rule of rules) {
    if (rule.access === 'allow') {
      const exposed: Record<TransportProtocol, PortSet> = { tcp: PortSet.EMPTY, udp: PortSet.EMPTY };
      const blockedBy: Shadow[] = [];
      for (const protocol of rule.protocols) {
        exposed[protocol] = rule.ports.subtract(decided[protocol]);
        total[protocol] = total[protocol].union(exposed[protocol]);
        for (const deny of denied) {
          if (deny.protocol !== protocol) continue;
          const ports = rule.ports.intersect(deny.ports);
          if (!ports.isEmpty) blockedBy.push({ by: deny.by, protocol, ports });
        }
      }
      allows.push({ rule, exposed, blockedBy });
    } else {
      // Only the ports no earlier rule decided are this Deny's to block.
      for (const protocol of rule.protocols) {
        const ports = rule.ports.subtract(decided[protocol]);
        if (!ports.isEmpty) denied.push({ by: rule, protocol, ports });
      }
    }
    for (const protocol of rule.protocols) decided[protocol] = decided[protocol].union(rule.ports);
  }
  return { allows, exposed: total };
}
