import rule from '../../../rules/compute/subscription-without-bastion.js';
import { testRule } from '../rule-tester.js';

const SUBSCRIPTION = '/subscriptions/11111111-2222-3333-4444-555555555555';

testRule(rule, {
  pass: { 'bastion-beside-vms': {}, 'arm-example-developer-sku': {} },
  fail: {
    'vms-without-bastion': {
      findings: [{ resource: SUBSCRIPTION, severity: 'low', message: /^Subscription 'contoso-fixture' has 2 virtual machines and no Azure Bastion host\.$/, evidencePaths: ['providers/Microsoft.Network/bastionHosts'] }],
    },
    'bastion-in-another-subscription': { findings: [{ resource: SUBSCRIPTION, message: /^Subscription 'contoso-fixture' has 1 virtual machine and no Azure Bastion host\.$/ }] },
  },
  notApplicable: {
    'no-virtual-machines': { reason: /^the subscription has no virtual machines$/ },
    'nothing-at-all': { reason: /no virtual machines/ },
  },
  notEvaluated: {
    'bastion-read-failed': { code: 'AuthorizationFailed', reason: /bastionHosts/ },
    'vm-read-failed': { code: 'AuthorizationFailed', reason: /virtualMachines/ },
    'bastions-not-collected': { code: 'NotCollected' },
  },
});
