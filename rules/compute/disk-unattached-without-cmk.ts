import { defineRule } from '../../src/model/rule.js';
import { customerKeyRule } from './disk-encryption.js';

export default defineRule({
  id: 'AZ-VM-005',
  name: 'disk-unattached-without-cmk',
  title: 'Unattached disk not encrypted with a customer-managed key',
  severity: 'low',
  service: 'compute',
  ...customerKeyRule('unattached'),
  description:
    'A managed disk attached to no VM (`properties.diskState` Unattached, or no `managedBy` VM) has a `properties.encryption.type` other than EncryptionAtRestWithCustomerKey or EncryptionAtRestWithPlatformAndCustomerKeys; absent means platform-managed keys. Attached disks are AZ-VM-004\'s.',
  rationale:
    'Unattached disks are left-overs of deleted or rebuilt VMs, copies and uploads: whole file systems, often forgotten, that can be exported with a SAS URI. Encrypted with a customer-managed key, they stay under your key\'s control: disabling the key makes every forgotten copy unreadable at once.',
  remediation: {
    text: 'Delete unattached disks that are no longer needed (snapshot first if in doubt); switch the ones to keep to a disk encryption set with a customer-managed key.',
    az: 'az disk update --resource-group <resource-group> --name <disk> --encryption-type EncryptionAtRestWithCustomerKey --disk-encryption-set <disk-encryption-set-id>',
  },
  references: [
    'https://learn.microsoft.com/azure/virtual-machines/disk-encryption',
    'https://learn.microsoft.com/azure/virtual-machines/disks-find-unattached-portal',
  ],
  compliance: { 'cis-azure-3.0': ['8.4'], mcsb: ['DP-5'] },
});
