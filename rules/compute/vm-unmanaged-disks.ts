import { vmDisks } from '../../src/adapters/compute.js';
import { VIRTUAL_MACHINE_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-VM-001',
  name: 'vm-unmanaged-disks',
  title: 'Virtual machine uses unmanaged disks',
  severity: 'medium',
  service: 'compute',
  resourceTypes: [VIRTUAL_MACHINE_TYPE],
  requires: [],
  description:
    'The VM\'s OS disk (`properties.storageProfile.osDisk`) or one of its data disks (`properties.storageProfile.dataDisks[]`) is an unmanaged disk: it has a `vhd`, a page blob in a storage account, instead of a managed disk. One finding per VM, naming every unmanaged disk.',
  rationale:
    'An unmanaged disk is a blob in a storage account: anyone holding that account\'s keys or a SAS for the container can copy the whole disk, the account\'s network rules decide who reaches it, and none of the managed disk controls apply (customer-managed keys through a disk encryption set, network access policies, Entra ID data access). Unmanaged disks are also retired by Azure on 30 September 2025.',
  remediation: {
    text: 'Convert the VM to managed disks (the VM is deallocated during the conversion), then delete the old VHD blobs and, if nothing else uses it, the storage account that held them.',
    az: 'az vm convert --resource-group <resource-group> --name <vm>',
  },
  references: [
    'https://learn.microsoft.com/azure/virtual-machines/windows/convert-unmanaged-to-managed-disks',
    'https://learn.microsoft.com/azure/virtual-machines/unmanaged-disks-deprecation',
  ],
  compliance: { 'cis-azure-3.0': ['8.2'], mcsb: ['DP-4'] },
  check(vm, context) {
    const unmanaged = vmDisks(vm).filter((disk) => disk.vhdUri !== undefined);
    if (unmanaged.length === 0) return;
    context.report({
      message: `Virtual machine '${vm.name}' uses unmanaged disks, stored as page blobs in a storage account: ${unmanaged.map((disk) => disk.label).join(', ')}.`,
      evidence: unmanaged.map((disk) => ({ resourceId: vm.id, path: `${disk.path}.vhd.uri`, value: disk.vhdUri, note: 'an unmanaged disk (a VHD blob), not a managed disk' })),
    });
  },
});
