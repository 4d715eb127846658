import { diskNetworkAccessPolicy, diskPublicNetworkAccess } from '../../src/adapters/compute.js';
import { evidence, sameText } from '../../src/adapters/setting.js';
import { DISK_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-VM-006',
  name: 'disk-open-to-all-networks',
  title: 'Managed disk can be exported from all networks',
  severity: 'medium',
  service: 'compute',
  resourceTypes: [DISK_TYPE],
  requires: [],
  description:
    'The disk\'s `properties.networkAccessPolicy` is AllowAll (absent means AllowAll) and its `properties.publicNetworkAccess` is not Disabled (absent means Enabled): the portal\'s "Enable public access from all networks". A SAS URI for the disk, to export or import it, is then usable from any network.',
  rationale:
    'Exporting a disk hands out a SAS URI to its whole contents: an OS disk with its credentials and keys, a data disk with its database files. Open to all networks, that URI works from anywhere on the internet for as long as it is valid, and whoever obtains it (a leaked script, a log, a compromised identity allowed to begin an export) can download the disk. Private access through a disk access resource, or no SAS access at all, keeps exports inside your networks.',
  remediation: {
    text: 'Disable public network access on the disk and allow exports only through a disk access resource with a private endpoint (AllowPrivate), or deny SAS access altogether (DenyAll) where disks are never exported.',
    az: 'az disk update --resource-group <resource-group> --name <disk> --network-access-policy DenyAll --public-network-access Disabled',
  },
  references: [
    'https://learn.microsoft.com/azure/virtual-machines/disks-enable-private-links-for-import-export-portal',
    'https://learn.microsoft.com/azure/virtual-machines/linux/disks-export-import-private-links-cli',
  ],
  compliance: { 'cis-azure-3.0': ['8.5'], mcsb: ['NS-2'] },
  check(disk, context) {
    const access = diskPublicNetworkAccess(disk);
    if (sameText(access.value, 'Disabled')) return;
    const policy = diskNetworkAccessPolicy(disk);
    if (!sameText(policy.value, 'AllowAll')) return;
    context.report({
      message: `Managed disk '${disk.name}' can be exported and imported from all networks: network access policy ${policy.absent ? 'not set, which means AllowAll' : `'${policy.value}'`}, public network access ${access.absent ? 'not set, which means Enabled' : `'${access.value}'`}.`,
      evidence: [evidence(policy), evidence(access)],
    });
  },
});
