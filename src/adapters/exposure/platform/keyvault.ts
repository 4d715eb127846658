import type { PlatformGrant } from '../../../model/exposure.js';
import { MalformedProperty } from '../../../model/not-evaluated.js';
import { KEY_VAULT_TYPE } from '../../../inventory/arm-types.js';
import type { ArmResource } from '../../../inventory/types.js';
import { sameText } from '../../setting.js';
import { vaultNetworkBypass, vaultNetworkDefaultAction, vaultNetworkIpRules, vaultNetworkVirtualNetworkRules, vaultPublicNetworkAccess } from '../../keyvault.js';
import { endpointOf, everyoneGrant, ipRuleGrant, privateEndpointGrants, publicAccessOf, requiredHostAt, widestReach } from './grants.js';
import type { PlatformEndpointSource } from './source.js';

/**
 * A key vault's endpoint, `vaultUri`, on 443. Reachable while `publicNetworkAccess` is not
 * Disabled through its firewall (`networkAcls`, read through AZ-KV-003's accessors): a default
 * action of Allow, or no `networkAcls`, admits everyone; Deny admits the IP rules' ranges, and,
 * not from outside, the virtual network rules' subnets and, with `bypass` AzureServices, the
 * trusted Microsoft services. The data plane takes Microsoft Entra tokens only.
 */
export const KEY_VAULT_ENDPOINTS: PlatformEndpointSource = {
  resourceType: KEY_VAULT_TYPE,
  reads: [KEY_VAULT_TYPE],
  endpoints(vault) {
    const grants = [...firewallGrants(vault), ...privateEndpointGrants(vault)];
    if (widestReach(grants) === undefined) return [];
    const at = requiredHostAt(vault, 'properties.vaultUri');
    return [endpointOf(vault, { service: 'vault', ...at, ports: [443] }, grants, ['entra'])];
  },
};

function firewallGrants(vault: ArmResource): PlatformGrant[] {
  if (publicAccessOf(vaultPublicNetworkAccess(vault)) === 'disabled') return [];
  const defaultAction = vaultNetworkDefaultAction(vault);
  if (sameText(defaultAction.value, 'Allow')) return [everyoneGrant(defaultAction)];
  if (!sameText(defaultAction.value, 'Deny')) throw new MalformedProperty(defaultAction.path, 'Allow or Deny', defaultAction.raw);
  const grants: PlatformGrant[] = vaultNetworkIpRules(vault).map((rule) => ipRuleGrant(rule.value, vault.id, rule.path));
  for (const rule of vaultNetworkVirtualNetworkRules(vault)) grants.push({ kind: 'virtualNetwork', subnetId: rule.subnetId, source: { resourceId: vault.id, path: rule.path, value: rule.subnetId } });
  const bypass = vaultNetworkBypass(vault);
  if (sameText(bypass.value, 'AzureServices')) grants.push({ kind: 'trustedServices', source: { resourceId: vault.id, path: bypass.path, value: bypass.absent ? 'AzureServices' : bypass.raw } });
  return grants;
}
