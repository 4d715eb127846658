import rule from '../../../rules/storage/storage-cross-tenant-replication-allowed.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'disallowed-explicitly': {}, 'absent-on-account-created-after-the-change': {}, 'absent-on-account-created-on-the-day': {} },
  fail: {
    'allowed-explicitly': { findings: [{ resource: '/storageAccounts/stfixture', message: /^Storage account 'stfixture' allows object replication to and from other Microsoft Entra tenants\.$/, evidencePaths: ['properties.allowCrossTenantReplication'] }] },
    'allowed-explicitly-on-new-account': { findings: [{ message: /tenants\.$/ }] },
    'absent-on-account-created-before-the-change': { findings: [{ message: /allowCrossTenantReplication is not set on an account created 2023-12-14\)/, evidencePaths: ['properties.allowCrossTenantReplication', 'properties.creationTime'] }] },
    'absent-creation-time-unknown': { findings: [{ message: /on an account of unknown age\)/, evidencePaths: ['properties.creationTime'] }] },
    'arm-example-account': { findings: [{ resource: '/storageAccounts/sto8596', message: /created 2017-06-01/ }] },
  },
  notApplicable: { 'file-storage-account': { reason: /no blob service/ } },
  notEvaluated: {
    'property-malformed': { code: 'MalformedProperty', reason: /allowCrossTenantReplication is "sometimes"/ },
    'creation-time-malformed': { code: 'MalformedProperty', reason: /creationTime is "last spring", expected an ISO 8601 date and time/ },
  },
});
