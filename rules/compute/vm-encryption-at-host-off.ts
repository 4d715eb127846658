import { encryptionAtHost } from '../../src/adapters/compute.js';
import { evidence } from '../../src/adapters/setting.js';
import { VIRTUAL_MACHINE_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-VM-003',
  name: 'vm-encryption-at-host-off',
  title: 'Virtual machine without encryption at host',
  severity: 'low',
  service: 'compute',
  resourceTypes: [VIRTUAL_MACHINE_TYPE],
  requires: [],
  description:
    'The VM\'s `properties.securityProfile.encryptionAtHost` is not true; absent means off. Without it the VM\'s temporary disk and the host caches of its OS and data disks are not encrypted at rest.',
  rationale:
    'Managed disks are encrypted at rest in storage, but the temporary disk and the disk caches live on the physical host the VM runs on. Encryption at host encrypts them too, with the disks\' own keys, so that no copy of the VM\'s data rests unencrypted anywhere in the platform.',
  remediation: {
    text: 'Register the EncryptionAtHost feature for the subscription once, deallocate the VM, turn encryption at host on, and start it again. Check that the VM size supports it.',
    az: 'az vm update --resource-group <resource-group> --name <vm> --set securityProfile.encryptionAtHost=true',
  },
  references: [
    'https://learn.microsoft.com/azure/virtual-machines/disk-encryption#encryption-at-host---end-to-end-encryption-for-your-vm-data',
    'https://learn.microsoft.com/azure/virtual-machines/linux/disks-enable-host-based-encryption-cli',
  ],
  compliance: { 'cis-azure-3.0': [], mcsb: ['DP-4'] },
  check(vm, context) {
    const atHost = encryptionAtHost(vm);
    if (atHost.value) return;
    context.report({
      message: `Virtual machine '${vm.name}' does not use encryption at host: ${atHost.absent ? 'encryptionAtHost is not set, which means off' : 'encryptionAtHost is false'}; its temporary disk and disk caches are not encrypted at rest.`,
      evidence: [evidence(atHost)],
    });
  },
});
