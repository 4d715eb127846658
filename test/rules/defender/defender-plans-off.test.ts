import rule from '../../../rules/defender/defender-plans-off.js';
import { testRule } from '../rule-tester.js';

const PRICINGS = '/subscriptions/11111111-2222-3333-4444-555555555555/providers/Microsoft.Security/pricings';

testRule(rule, {
  pass: {
    'arm-example-pricings': {},
    'tier-case-differs': {},
  },
  fail: {
    'every-plan-free': {
      findings: [
        { resource: `${PRICINGS}/VirtualMachines`, message: /^Defender for Servers is off in subscription 'contoso-fixture': pricing 'VirtualMachines' has tier 'Free'\.$/, evidencePaths: ['properties.pricingTier'] },
        { resource: `${PRICINGS}/StorageAccounts`, message: /^Defender for Storage is off/ },
        { resource: `${PRICINGS}/SqlServers`, message: /^Defender for Azure SQL Databases is off/ },
        { resource: `${PRICINGS}/KeyVaults`, message: /^Defender for Key Vault is off/ },
        { resource: `${PRICINGS}/Arm`, message: /^Defender for Resource Manager is off/ },
      ],
    },
    'some-plans-off': { findings: [{ resource: `${PRICINGS}/StorageAccounts` }, { resource: `${PRICINGS}/Arm` }] },
    'plan-missing-from-list': { findings: [{ resource: `${PRICINGS}/KeyVaults`, message: /there is no 'KeyVaults' pricing, which means the Free tier\.$/, evidencePaths: ['properties.pricingTier'] }] },
    'tier-absent': { findings: [{ resource: `${PRICINGS}/SqlServers`, message: /pricing 'SqlServers' has no pricingTier \(read as Free\)\.$/ }] },
    'malformed-tier-beside-free-plan': {
      findings: [{ resource: `${PRICINGS}/Arm` }],
      unread: [{ code: 'MalformedProperty', reason: /^'SqlServers': properties\.pricingTier is/ }],
    },
    'two-subscriptions': { findings: [{ resource: '/subscriptions/22222222-3333-4444-5555-666666666666/providers/Microsoft.Security/pricings/VirtualMachines', message: /subscription 'contoso-analytics'/ }] },
  },
  notEvaluated: {
    'pricings-not-collected': { code: 'NotCollected' },
    'pricings-read-failed': { code: 'AuthorizationFailed' },
    'only-malformed-tier': { code: 'MalformedProperty', reason: /^'KeyVaults'/ },
  },
});
