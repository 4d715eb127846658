import { diskDataAccessAuthMode } from '../../src/adapters/compute.js';
import { evidence, sameText } from '../../src/adapters/setting.js';
import { DISK_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-VM-007',
  name: 'disk-data-access-auth-off',
  title: 'Managed disk export needs no Microsoft Entra ID sign-in',
  severity: 'low',
  service: 'compute',
  resourceTypes: [DISK_TYPE],
  requires: [],
  description:
    'The disk\'s `properties.dataAccessAuthMode` is not AzureActiveDirectory; absent means None: a SAS URI for the disk\'s export or import is usable by whoever holds it, with no Microsoft Entra ID identity checked.',
  rationale:
    'A disk export SAS URI is a bearer credential for the disk\'s whole contents. With data access authentication mode on, using it also takes a Microsoft Entra ID token whose identity has the disk data access permission, so a URI that leaks (in a script, a ticket, a log) is worthless on its own, and every download is tied to an identity in the logs.',
  remediation: {
    text: 'Set the disk\'s data access authentication mode to Azure Active Directory, after granting the identities that export or upload disks the Data Operator for Managed Disks role.',
    az: 'az disk update --resource-group <resource-group> --name <disk> --data-access-auth-mode AzureActiveDirectory',
  },
  references: [
    'https://learn.microsoft.com/azure/virtual-machines/linux/disks-upload-vhd-to-managed-disk-cli#secure-uploads-with-azure-ad',
    'https://learn.microsoft.com/azure/virtual-machines/windows/download-vhd#secure-downloads-and-uploads-with-microsoft-entra-id',
  ],
  compliance: { 'cis-azure-3.0': ['8.6'], mcsb: ['IM-1'] },
  check(disk, context) {
    const mode = diskDataAccessAuthMode(disk);
    if (sameText(mode.value, 'AzureActiveDirectory')) return;
    context.report({
      message: `Managed disk '${disk.name}' lets a SAS URI export or import its data without a Microsoft Entra ID sign-in: data access authentication mode ${mode.absent ? 'not set, which means None' : `'${mode.value}'`}.`,
      evidence: [evidence(mode)],
    });
  },
});
