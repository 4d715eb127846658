import { ruleEvidence } from '../../src/adapters/nsg.js';
import { nsgExposure } from '../../src/adapters/nsg-exposure.js';
import { defineRule } from '../../src/model/rule.js';
import { NSG_RULE_BASE, NSG_RULE_FIX, reachability, securityRuleResource } from './port-exposure.js';

export default defineRule({
  ...NSG_RULE_BASE,
  id: 'AZ-NSG-006',
  name: 'nsg-udp-open',
  title: 'UDP open to the internet',
  severity: 'medium',
  service: 'nsg',
  description:
    'An inbound security rule of the NSG allows UDP (protocol `Udp` or `*`) from the internet (`*`, `Internet`, `0.0.0.0/0` or a public range) to any port, and no higher-priority rule denies those ports first. One finding per security rule, naming the UDP ports it exposes and any Deny that shadows part of it.',
  rationale:
    'UDP services answer without a handshake, so a spoofed source gets a reply: DNS, NTP, SSDP, memcached and CLDAP open to the internet are used to amplify denial-of-service attacks against third parties, and VPN, SNMP and game or media servers on UDP are probed like any other service. Few workloads need UDP from the whole internet.',
  remediation: {
    text: 'Remove the rule or narrow its source to the addresses that need UDP, its protocol to TCP where UDP is not needed, and its ports to those the workload serves.',
    az: NSG_RULE_FIX,
  },
  references: ['https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview', 'https://learn.microsoft.com/azure/ddos-protection/ddos-protection-overview'],
  compliance: { 'cis-azure-3.0': ['7.3'], mcsb: ['NS-1'] },
  check(nsg, context) {
    // The same priority walk as the TCP port rules: each exposed UDP port belongs to the one Allow that decides it.
    for (const allow of nsgExposure(nsg).allows) {
      const ports = allow.exposed.udp;
      if (ports.isEmpty) continue;
      const shadowed = allow.blockedBy.filter((shadow) => shadow.protocol === 'udp').map((shadow) => `${shadow.ports.toString()} blocked by '${shadow.by.name}' (priority ${shadow.by.priority})`);
      const reach = reachability(nsg, context, allow.rule, ports, 'udp');
      context.report({
        resource: securityRuleResource(nsg, allow.rule),
        message:
          `Security rule '${allow.rule.name}' (priority ${allow.rule.priority}) in NSG '${nsg.name}' admits the internet to UDP ${ports.toString()}` +
          (shadowed.length > 0 ? `; ${shadowed.join('; ')}` : '') +
          `.${reach.note}`,
        evidence: ruleEvidence(nsg, allow.rule),
        severity: reach.shift(context.rule.severity),
        ...(reach.path ? { path: reach.path } : {}),
      });
    }
  },
});
