import rule from '../../../rules/defender/defender-plans-off.js';
import { testRule } from '../rule-tester.js';

const PRICINGS = '/subscriptions/11111111-2222-3333-4444-555555555555/providers/Microsoft.Security/pricings';

testRule(rule, {
  pass: {
    'tier-case-differs': {},
    'dns-free-servers-p2': {},
    'dns-missing-servers-p2': {},
  },
  fail: {
    'every-plan-free': {
      findings: [
        { resource: `${PRICINGS}/VirtualMachines`, message: /^Defender for Servers is off in subscription 'contoso-fixture': pricing 'VirtualMachines' has tier 'Free'\.$/, evidencePaths: ['properties.pricingTier'] },
        { resource: `${PRICINGS}/Containers`, message: /^Defender for Containers is off/ },
        { resource: `${PRICINGS}/StorageAccounts`, message: /^Defender for Storage is off/ },
        { resource: `${PRICINGS}/AppServices`, message: /^Defender for App Service is off/ },
        { resource: `${PRICINGS}/CosmosDbs`, message: /^Defender for Azure Cosmos DB is off/ },
        { resource: `${PRICINGS}/OpenSourceRelationalDatabases`, message: /^Defender for open-source relational databases is off/ },
        { resource: `${PRICINGS}/SqlServers`, message: /^Defender for Azure SQL Databases is off/ },
        { resource: `${PRICINGS}/SqlServerVirtualMachines`, message: /^Defender for SQL servers on machines is off/ },
        { resource: `${PRICINGS}/KeyVaults`, message: /^Defender for Key Vault is off/ },
        { resource: `${PRICINGS}/Arm`, message: /^Defender for Resource Manager is off/ },
        { resource: `${PRICINGS}/Dns`, message: /^Defender for DNS is off/ },
      ],
    },
    'arm-example-pricings': {
      findings: [
        { resource: `${PRICINGS}/AppServices`, message: /pricing 'AppServices' has tier 'Free'\.$/ },
        { resource: `${PRICINGS}/CosmosDbs`, message: /there is no 'CosmosDbs' pricing, which means the Free tier\.$/ },
        { resource: `${PRICINGS}/OpenSourceRelationalDatabases`, message: /tier 'Free'\.$/ },
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
    'dns-off-servers-p1': { findings: [{ resource: `${PRICINGS}/Dns`, message: /^Defender for DNS is off in subscription 'contoso-fixture': pricing 'Dns' has tier 'Free'\.$/ }] },
  },
  notEvaluated: {
    'pricings-not-collected': { code: 'NotCollected' },
    'pricings-read-failed': { code: 'AuthorizationFailed' },
    'only-malformed-tier': { code: 'MalformedProperty', reason: /^'KeyVaults'/ },
    'servers-tier-malformed-dns-free': { code: 'MalformedProperty', reason: /^'VirtualMachines': properties\.pricingTier is/ },
  },
});
