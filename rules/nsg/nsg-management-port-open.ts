import { NSG_RULE_FIX, tcpPortExposureRule, type PortRuleOptions } from './port-exposure.js';
import { defineRule } from '../../src/model/rule.js';
import { SENSITIVE_PORTS } from '../../src/model/sensitive-ports.js';

export default defineRule<PortRuleOptions>({
  ...tcpPortExposureRule(SENSITIVE_PORTS.management),
  id: 'AZ-NSG-001',
  name: 'nsg-management-port-open',
  title: 'Management port (SSH, RDP, WinRM) open to the internet',
  severity: 'high',
  service: 'nsg',
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
  compliance: { 'cis-azure-3.0': ['7.1', '7.2'], mcsb: ['NS-1'] },
});
