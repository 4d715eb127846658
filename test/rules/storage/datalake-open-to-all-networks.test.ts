import rule from '../../../rules/storage/datalake-open-to-all-networks.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'default-action-deny': {}, 'public-network-disabled': {} },
  fail: {
    'network-acls-absent': { findings: [{ message: /no network rules set/ }] },
    'arm-example-hns-allow': { findings: [{ resource: '/storageAccounts/sto8596', evidencePaths: ['properties.isHnsEnabled', 'properties.networkAcls.defaultAction'] }] },
  },
  notApplicable: { 'no-hierarchical-namespace': { reason: /not a Data Lake Gen2/ }, 'hns-absent': {} },
});
