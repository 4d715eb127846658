import type { PathStep } from '../../model/exposure.js';
import { idKey } from '../../inventory/arm-id.js';
import type { ArmResource } from '../../inventory/types.js';
import type { PublicIp } from '../public-ip.js';
import type { NetworkIndex } from './network-index.js';
import { allowance, endpointThroughNsgs } from './nsg-path.js';
import type { FrontendVerdict } from './verdict.js';

/**
 * A public IP on a network interface's IP configuration: a virtual machine's interface
 * (…/providers/Microsoft.Network/networkInterfaces/…) or a scale set instance's
 * (…/virtualMachineScaleSets/web/virtualMachines/0/networkInterfaces/…). Traffic to it must
 * pass the subnet's NSG and then the interface's to reach the VM behind; with neither, a Basic
 * address is open and a Standard one closed.
 */

/** What a public IP on an interface's IP configuration reaches: every port both NSGs admit, on the same ports behind. */
export function followInterface(index: NetworkIndex, pip: ArmResource, configId: string, sku: PublicIp['sku'], address: string, pipStep: PathStep): FrontendVerdict {
  const target = index.configOrUnknown(configId, pip);
  const admitted = allowance(index, target, sku === 'Standard');
  const endpoints = (['tcp', 'udp'] as const).flatMap((protocol) =>
    admitted.ports[protocol].isEmpty ? [] : [endpointThroughNsgs(index, address, protocol, admitted.ports[protocol], admitted.ports[protocol], pip.id, target, [pipStep, ...admitted.steps], admitted, protocol, [])],
  );
  return { status: endpoints.length > 0 ? 'reachable' : 'closed', endpoints };
}

/** The IP configurations, by key, that have a public IP of their own. */
export function configsWithPublicIp(index: NetworkIndex): string[] {
  const keys: string[] = [];
  for (const { config } of index.configs.values()) if (config.publicIpId) keys.push(idKey(config.id));
  return keys;
}
