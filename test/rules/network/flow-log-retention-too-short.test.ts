import rule from '../../../rules/network/flow-log-retention-too-short.js';
import { testRule } from '../rule-tester.js';

const NSG = '/networkSecurityGroups/nsg-app';

testRule(rule, {
  pass: {
    'nsg-flow-log-90-days': {},
    'vnet-flow-log-for-ever': {},
    'subnet-flow-log-retention-off': {},
    'retention-absent-keeps-for-ever': {},
    'nic-attached-vnet-flow-log': {},
    'thirty-days-with-minimum-30': { options: { minimumDays: 30 } },
  },
  fail: {
    'no-flow-log': {
      findings: [
        {
          resource: NSG,
          severity: 'low',
          message: /^NSG 'nsg-app' has no flow log: no NSG flow log targets it, and no virtual network flow log targets its subnets, interfaces or their virtual networks\.$/,
          evidencePaths: ['providers/Microsoft.Network/networkWatchers/flowLogs'],
        },
      ],
    },
    'flow-log-of-another-vnet': { findings: [{ resource: NSG, message: /has no flow log/ }] },
    'thirty-days': {
      findings: [{ resource: NSG, message: /^NSG 'nsg-app' has no enabled flow log kept for 90 days or more: 'fl-nsg-app' keeps 30 days\.$/, evidencePaths: ['properties.retentionPolicy.enabled', 'properties.retentionPolicy.days', 'properties.targetResourceId'] }],
    },
    'disabled-flow-log': { findings: [{ message: /'fl-nsg-app' is disabled\.$/, evidencePaths: ['properties.enabled'] }] },
    // A malformed flow log that records another NSG does not hide this one's.
    'malformed-flow-log-of-another-nsg': { findings: [{ message: /'fl-nsg-app' keeps 7 days\.$/ }] },
    'enabled-absent': { findings: [{ message: /'fl-nsg-app' is disabled\.$/ }] },
  },
  notApplicable: { 'attached-to-nothing': { reason: /attached to no subnet or network interface/ } },
  notEvaluated: {
    'flow-logs-not-collected': { code: 'NotCollected' },
    'watchers-read-forbidden': { code: 'AuthorizationFailed' },
    'flow-logs-read-forbidden': { code: 'AuthorizationFailed' },
    'retention-days-malformed': { code: 'MalformedProperty', reason: /^'fl-nsg-app': properties\.retentionPolicy\.days is "90", expected a number/ },
    // The unreadable flow log might have been the one kept long enough: the short one does not settle it.
    'malformed-flow-log-beside-short-one': { code: 'MalformedProperty', reason: /^'fl-broken': properties\.retentionPolicy\.days is "90"/ },
    'target-malformed': { code: 'MalformedProperty', reason: /^'fl-broken': properties\.targetResourceId is 42/ },
    'subnets-malformed': { code: 'MalformedProperty', reason: /^properties\.subnets is "/ },
  },
});
