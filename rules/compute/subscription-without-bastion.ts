import { BASTION_HOST_TYPE, SUBSCRIPTION_TYPE, VIRTUAL_MACHINE_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-VM-008',
  name: 'subscription-without-bastion',
  title: 'Subscription with virtual machines has no Azure Bastion',
  severity: 'low',
  service: 'compute',
  resourceTypes: [SUBSCRIPTION_TYPE],
  requires: [VIRTUAL_MACHINE_TYPE, BASTION_HOST_TYPE],
  description:
    'The subscription has virtual machines and no `Microsoft.Network/bastionHosts` resource: administrators reach the VMs some other way, usually RDP or SSH through a public IP address or a jump box. A subscription without virtual machines is not applicable.',
  rationale:
    'Azure Bastion brokers RDP and SSH over TLS from the portal or the native client, signed in with Microsoft Entra ID, so VMs need no public IP address and no NSG rule that opens 3389 or 22 to the internet: the management ports that brute-force and exploit campaigns scan for all day. Without it, the way in is usually exactly such an opening.',
  remediation: {
    text: 'Deploy an Azure Bastion host into an AzureBastionSubnet of the virtual network (or a hub network peered with the VMs\' networks), then remove the VMs\' public IP addresses and the NSG rules that open RDP or SSH to the internet.',
    az: 'az network bastion create --resource-group <resource-group> --name <bastion> --vnet-name <vnet> --public-ip-address <public-ip> --location <location> --sku Standard',
  },
  references: [
    'https://learn.microsoft.com/azure/bastion/bastion-overview',
    'https://learn.microsoft.com/azure/bastion/quickstart-host-portal',
  ],
  compliance: { 'cis-azure-3.0': ['8.1'], mcsb: ['PA-6', 'NS-1'] },
  check(subscription, context) {
    const machines = context.resourcesIn(subscription, VIRTUAL_MACHINE_TYPE);
    if (machines.length === 0) {
      context.notApplicable('the subscription has no virtual machines');
      return;
    }
    const bastions = context.resourcesIn(subscription, BASTION_HOST_TYPE);
    if (bastions.length > 0) return;
    const count = machines.length === 1 ? '1 virtual machine' : `${machines.length} virtual machines`;
    context.report({
      message: `Subscription '${subscription.name}' has ${count} and no Azure Bastion host.`,
      evidence: [{ resourceId: subscription.id, path: 'providers/Microsoft.Network/bastionHosts', absent: true, note: `bastion hosts were read for the subscription and there are none; it has ${count}` }],
    });
  },
});
