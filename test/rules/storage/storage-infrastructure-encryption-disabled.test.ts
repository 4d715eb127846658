import rule from '../../../rules/storage/storage-infrastructure-encryption-disabled.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'infrastructure-encryption-on': {} },
  fail: {
    'infrastructure-encryption-off': { findings: [{ resource: '/storageAccounts/stfixture', severity: 'low', message: /^Storage account 'stfixture' does not use infrastructure \(double\) encryption\.$/, evidencePaths: ['properties.encryption.requireInfrastructureEncryption'] }] },
    'arm-example-account': { findings: [{ resource: '/storageAccounts/sto8596', message: /\(not set\)\.$/ }] },
    'no-encryption-object': { findings: [{ message: /\(not set\)\.$/ }] },
  },
  notEvaluated: { 'infrastructure-encryption-malformed': { code: 'MalformedProperty', reason: /requireInfrastructureEncryption is "required"/ } },
});
