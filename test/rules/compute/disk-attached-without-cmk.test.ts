import rule from '../../../rules/compute/disk-attached-without-cmk.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'customer-key': {}, 'platform-and-customer-keys': {}, 'reserved-customer-key': {} },
  fail: {
    'platform-key': { findings: [{ resource: '/disks/diskfixture', severity: 'low', message: /^Disk 'diskfixture' is encrypted with a platform-managed key, not a customer-managed key: encryption type 'EncryptionAtRestWithPlatformKey'\.$/, evidencePaths: ['properties.encryption.type'] }] },
    'encryption-absent': { findings: [{ message: /encryption type not set, which means EncryptionAtRestWithPlatformKey\.$/ }] },
    'state-absent-managed-by-vm': { findings: [{ resource: '/disks/diskfixture' }] },
  },
  notApplicable: {
    unattached: { reason: /^the disk is not attached to a VM \(CIS 8\.4, AZ-VM-005\)$/ },
    'uploading-not-attached': { reason: /not attached/ },
  },
  notEvaluated: {
    'encryption-type-malformed': { code: 'MalformedProperty', reason: /^properties\.encryption\.type is 1, expected a string$/ },
    'disk-state-malformed': { code: 'MalformedProperty', reason: /^properties\.diskState is \["Attached"\]/ },
    'disk-list-read-failed': { code: 'AuthorizationFailed' },
  },
});
