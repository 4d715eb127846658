import rule from '../../../rules/storage/storage-trusted-services-bypass-off.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'azure-services': {}, 'logging-metrics-and-azure-services': {}, 'bypass-absent': {} },
  fail: {
    'bypass-none': {
      findings: [{ resource: '/storageAccounts/stfixture', severity: 'low', message: /^Storage account 'stfixture' has its firewall on and does not let trusted Azure services through: bypass is 'None'\.$/, evidencePaths: ['properties.networkAcls.bypass', 'properties.networkAcls.defaultAction'] }],
    },
    'logging-and-metrics-only': { findings: [{ message: /bypass is 'Logging, Metrics'\.$/ }] },
  },
  notApplicable: {
    'firewall-off': { reason: /^the firewall is off \(default network action Allow\)/ },
    'no-network-acls': { reason: /default network action not set, which means Allow/ },
  },
  notEvaluated: {
    'bypass-malformed': { code: 'MalformedProperty', reason: /^properties\.networkAcls\.bypass is \["AzureServices"\], expected a string$/ },
    'default-action-malformed': { code: 'MalformedProperty', reason: /^properties\.networkAcls\.defaultAction is false/ },
  },
});
