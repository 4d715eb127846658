import { ruleEvidence } from '../../src/adapters/nsg.js';
import { NSG_RULE_BASE, NSG_RULE_FIX, reachability } from './port-exposure.js';
import { defineRule } from '../../src/model/rule.js';
import { nsgExposure } from '../../src/adapters/nsg-exposure.js';
import { PortSet } from '../../src/model/ports.js';

const EVERY_TCP_PORT = PortSet.of([{ from: 1, to: 65535 }]);

export default defineRule({
  ...NSG_RULE_BASE,
  id: 'AZ-NSG-005',
  name: 'nsg-all-ports-open',
  title: 'All ports open to the internet',
  severity: 'critical',
  service: 'nsg',
  description:
    'The NSG\'s inbound rules together admit the internet to every TCP port from 1 to 65535: one rule with `*`, or several whose ranges cover them, after higher-priority Denies are applied.',
  rationale:
    'An NSG that admits everything is no network boundary: every service on the workload, including ones nobody meant to publish, answers the internet.',
  remediation: {
    text: 'Replace the allow-all rules with rules for the ports the workload serves, from the sources that need them.',
    az: NSG_RULE_FIX,
  },
  references: ['https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview'],
  compliance: { 'cis-azure-3.0': ['7.1', '7.2', '7.4'], mcsb: ['NS-1'] },
  check(nsg, context) {
    const exposure = nsgExposure(nsg);
    if (!EVERY_TCP_PORT.subtract(exposure.exposed.tcp).isEmpty) return;
    const contributing = exposure.allows.filter((allow) => !allow.exposed.tcp.isEmpty);
    const names = contributing.map((allow) => `'${allow.rule.name}' (priority ${allow.rule.priority}, TCP ${allow.exposed.tcp.toString()})`);
    const reach = reachability(nsg, context, contributing[0]!.rule, EVERY_TCP_PORT);
    context.report({
      message: `NSG '${nsg.name}' admits the internet to every TCP port through ${names.join(', ')}.${reach.note}`,
      evidence: contributing.flatMap((allow) => ruleEvidence(nsg, allow.rule)),
      severity: reach.shift(context.rule.severity),
      ...(reach.path ? { path: reach.path } : {}),
    });
  },
});
