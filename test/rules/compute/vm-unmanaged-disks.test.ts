import rule from '../../../rules/compute/vm-unmanaged-disks.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'managed-os-and-data-disks': {}, 'no-data-disks': {} },
  fail: {
    'arm-example-unmanaged-os-and-data-disks': {
      findings: [{
        resource: '/virtualMachines/myVM',
        message: /^Virtual machine 'myVM' uses unmanaged disks, stored as page blobs in a storage account: 'myVMosdisk', 'dataDisk0', 'dataDisk1'\.$/,
        evidencePaths: ['properties.storageProfile.osDisk.vhd.uri', 'properties.storageProfile.dataDisks[0].vhd.uri', 'properties.storageProfile.dataDisks[1].vhd.uri'],
      }],
    },
    'one-unmanaged-data-disk': { findings: [{ resource: '/virtualMachines/vmfixture', message: /: data disk at LUN 1\.$/, evidencePaths: ['properties.storageProfile.dataDisks[1].vhd.uri'] }] },
  },
  notEvaluated: {
    'vhd-not-an-object': { code: 'MalformedProperty', reason: /^properties\.storageProfile\.osDisk\.vhd is "https:/ },
    'data-disks-not-an-array': { code: 'MalformedProperty', reason: /^properties\.storageProfile\.dataDisks is \{"lun":0\}, expected an array$/ },
    'no-os-disk': { code: 'MalformedProperty', reason: /^properties\.storageProfile\.osDisk is missing/ },
    'vm-list-read-failed': { code: 'AuthorizationFailed' },
  },
});
