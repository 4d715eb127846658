import type { ArmResource } from '../inventory/types.js';
import { readRef } from './setting.js';
import { list, ref, refs, requiredRef } from './network-entries.js';

/** A network interface: its NSG, its virtual machine, and its IP configurations with what each is in. */

export interface NicIpConfiguration {
  readonly id: string;
  readonly name: string;
  readonly privateIp: string | undefined;
  readonly subnetId: string | undefined;
  readonly publicIpId: string | undefined;
  /** Load balancer and application gateway backend pools the configuration is in. */
  readonly backendPoolIds: readonly string[];
  readonly natRuleIds: readonly string[];
  readonly applicationSecurityGroupIds: readonly string[];
}

export interface NetworkInterface {
  readonly nsgId: string | undefined;
  readonly virtualMachineId: string | undefined;
  readonly ipConfigurations: readonly NicIpConfiguration[];
}

export function networkInterfaceOf(resource: ArmResource): NetworkInterface {
  return {
    nsgId: readRef(resource.properties.networkSecurityGroup, 'properties.networkSecurityGroup'),
    virtualMachineId: readRef(resource.properties.virtualMachine, 'properties.virtualMachine'),
    ipConfigurations: list(resource.properties.ipConfigurations, 'properties.ipConfigurations').map((config, i) => {
      const privateIp = config.properties.privateIPAddress;
      return {
        id: config.id ?? `${resource.id}/ipConfigurations/${config.name ?? i}`,
        name: config.name ?? `#${i}`,
        privateIp: typeof privateIp === 'string' ? privateIp.split('/')[0] : undefined,
        subnetId: requiredRef(config, 'subnet'),
        publicIpId: ref(config, 'publicIPAddress'),
        backendPoolIds: [...refs(config, 'loadBalancerBackendAddressPools'), ...refs(config, 'applicationGatewayBackendAddressPools')],
        natRuleIds: refs(config, 'loadBalancerInboundNatRules'),
        applicationSecurityGroupIds: refs(config, 'applicationSecurityGroups'),
      };
    }),
  };
}
