import { defineRule } from '../../src/model/rule.js';
import { customerKeyRule } from './disk-encryption.js';

export default defineRule({
  id: 'AZ-VM-004',
  name: 'disk-attached-without-cmk',
  title: 'VM disk not encrypted with a customer-managed key',
  severity: 'low',
  service: 'compute',
  ...customerKeyRule('attached'),
  description:
    'A managed disk attached to a VM (an OS or data disk: `properties.diskState` Attached or Reserved, or a `managedBy` VM) has a `properties.encryption.type` other than EncryptionAtRestWithCustomerKey or EncryptionAtRestWithPlatformAndCustomerKeys; absent means platform-managed keys. Unattached disks are AZ-VM-005\'s.',
  rationale:
    'Every managed disk is encrypted at rest, but with platform-managed keys Microsoft holds the keys and their life cycle. A customer-managed key in your Key Vault, through a disk encryption set, lets you rotate it on your schedule, audit every use, and make the data unreadable at once by disabling or revoking the key: the control regulated data usually requires.',
  remediation: {
    text: 'Create a disk encryption set with a key in Key Vault (purge protection on), grant its identity access to the key, then deallocate the VM and switch each of its disks to the encryption set.',
    az: 'az disk update --resource-group <resource-group> --name <disk> --encryption-type EncryptionAtRestWithCustomerKey --disk-encryption-set <disk-encryption-set-id>',
  },
  references: [
    'https://learn.microsoft.com/azure/virtual-machines/disk-encryption',
    'https://learn.microsoft.com/azure/virtual-machines/linux/disks-enable-customer-managed-keys-cli',
  ],
  compliance: { 'cis-azure-3.0': ['8.3'], mcsb: ['DP-5'] },
});
