import rule from '../../../rules/storage/storage-public-network-access-enabled.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'public-access-disabled': {}, 'public-access-disabled-lowercase': {} },
  fail: {
    'enabled-default-allow': {
      findings: [{ resource: '/storageAccounts/stfixture', severity: 'medium', message: /^Storage account 'stfixture' is reachable over its public endpoint \(public network access Enabled\); default network action Allow: every network reaches it\.$/, evidencePaths: ['properties.publicNetworkAccess', 'properties.networkAcls.defaultAction'] }],
    },
    'absent-without-network-rules': { findings: [{ severity: 'medium', message: /not set, which means Enabled\); default network action Allow \(no network rules set\): every network reaches it/ }] },
    'enabled-default-deny-reported-low': { findings: [{ severity: 'low', message: /default network action Deny: only the networks its firewall rules allow reach it\.$/ }] },
    'secured-by-perimeter-reported-low': { findings: [{ severity: 'low', message: /SecuredByPerimeter\); its network security perimeter decides/ }] },
    'file-storage-account': { findings: [{ resource: '/storageAccounts/stfixturefiles' }] },
    'arm-example-account': { findings: [{ resource: '/storageAccounts/sto8596', severity: 'medium', message: /default network action Allow: every network/ }] },
  },
  notEvaluated: {
    'public-access-malformed': { code: 'MalformedProperty', reason: /publicNetworkAccess is false/ },
    'default-action-malformed': { code: 'MalformedProperty', reason: /networkAcls\.defaultAction is 1/ },
  },
});
