import rule from '../../../rules/compute/disk-open-to-all-networks.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'public-access-disabled': {}, 'deny-all': {}, 'allow-private-with-disk-access': {}, 'deny-all-public-access-absent': {} },
  fail: {
    'allow-all-enabled': {
      findings: [{ resource: '/disks/diskfixture', severity: 'medium', message: /^Managed disk 'diskfixture' can be exported and imported from all networks: network access policy 'AllowAll', public network access 'Enabled'\.$/, evidencePaths: ['properties.networkAccessPolicy', 'properties.publicNetworkAccess'] }],
    },
    'arm-example-both-absent': { findings: [{ resource: '/disks/myManagedDisk1', message: /network access policy not set, which means AllowAll, public network access not set, which means Enabled\.$/ }] },
    'allow-all-lowercase': { findings: [{ message: /'allowall'.*'enabled'/ }] },
  },
  notEvaluated: {
    'policy-malformed': { code: 'MalformedProperty', reason: /^properties\.networkAccessPolicy is 0, expected a string$/ },
    'public-access-malformed': { code: 'MalformedProperty', reason: /^properties\.publicNetworkAccess is false, expected a string$/ },
    'disk-list-read-failed': { code: 'AuthorizationFailed' },
  },
});
