import rule from '../../../rules/compute/disk-unattached-without-cmk.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'customer-key': {} },
  fail: {
    'arm-example-platform-key': { findings: [{ resource: '/disks/myManagedDisk2', severity: 'low', message: /^Unattached disk 'myManagedDisk2' is encrypted with a platform-managed key, not a customer-managed key: encryption type 'EncryptionAtRestWithPlatformKey'\.$/, evidencePaths: ['properties.encryption.type'] }] },
    'state-absent-no-managed-by': { findings: [{ resource: '/disks/disk-spare', message: /not set, which means EncryptionAtRestWithPlatformKey/ }] },
  },
  notApplicable: { attached: { reason: /^the disk is attached to a VM \(CIS 8\.3, AZ-VM-004\)$/ } },
  notEvaluated: {
    'encryption-type-malformed': { code: 'MalformedProperty', reason: /^properties\.encryption\.type is \{"name":"CMK"\}/ },
    'managed-by-malformed': { code: 'MalformedProperty', reason: /^managedBy is 42, expected a string$/ },
    'disk-list-read-failed': { code: 'AuthorizationFailed' },
  },
});
