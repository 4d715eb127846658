import rule from '../../../rules/storage/storage-secure-transfer-disabled.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'https-only': {}, 'https-only-absent-defaults-true': {} },
  fail: {
    'arm-example-account-list': { findings: [{ resource: '/storageAccounts/sto1125' }] },
    'http-allowed': { findings: [{ evidencePaths: ['properties.supportsHttpsTrafficOnly'] }] },
  },
});
