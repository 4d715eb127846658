import { NSG_CONTEXT_TYPES, NSG_RULE_FIX, PORT_RULE_OPTIONS, portCheckWithOptions, reportTcpPortExposure, tcpPortCheck, type PortRuleOptions } from './port-exposure.js';
import { NSG_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';
import { SENSITIVE_PORTS } from '../../src/model/sensitive-ports.js';

const CHECK = tcpPortCheck(SENSITIVE_PORTS.management);
const checkFor = portCheckWithOptions(CHECK);

export default defineRule<PortRuleOptions>({
  id: 'AZ-NSG-001',
  name: 'nsg-management-port-open',
  title: 'Management port (SSH, RDP, WinRM) open to the internet',
  severity: 'high',
  raisesSeverity: true,
  service: 'nsg',
  resourceTypes: [NSG_TYPE],
  requires: NSG_CONTEXT_TYPES,
  description:
    'An inbound security rule admits the internet to SSH (22), RDP (3389) or WinRM (5985/5986) over TCP, and no higher-priority Deny blocks those ports.',
  rationale:
    'Management ports facing the internet are scanned within minutes of exposure and brute-forced continuously; a single weak or reused credential gives an attacker an interactive shell on the workload.',
  remediation: {
    text: 'Remove the rule, or restrict its source to the administrators\' addresses; prefer Azure Bastion or just-in-time VM access, which open the port only on request.',
    az: NSG_RULE_FIX,
  },
  references: [
    'https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview',
    'https://learn.microsoft.com/azure/bastion/bastion-overview',
    'https://learn.microsoft.com/azure/defender-for-cloud/just-in-time-access-usage',
  ],
  options: PORT_RULE_OPTIONS,
  compliance: { 'cis-azure-3.0': ['7.1', '7.2'], mcsb: ['NS-1'] },
  check(nsg, context) {
    reportTcpPortExposure(nsg, context, checkFor(context.options));
  },
});
