import type { PlatformAuth, PlatformGrant } from '../../../model/exposure.js';
import { NotEvaluated } from '../../../model/not-evaluated.js';
import { SQL_ADMINISTRATOR_TYPE, SQL_ENTRA_ONLY_AUTH_TYPE, SQL_FIREWALL_RULE_TYPE, SQL_SERVER_TYPE } from '../../../inventory/arm-types.js';
import type { Inventory } from '../../../inventory/inventory.js';
import { type ArmResource, isJsonObject } from '../../../inventory/types.js';
import { admitsAllOfAzure, entraOnlyAuthentication, firewallRange, serverEntraOnlyAuthentication, serverPublicNetworkAccess } from '../../sql.js';
import { addressRangeGrant, endpointOf, privateEndpointGrants, publicAccessOf, requiredHostAt, widestReach } from './grants.js';
import type { PlatformEndpointSource } from './source.js';

/**
 * A logical SQL server's endpoint: `fullyQualifiedDomainName`, TCP 1433 (the gateway; with the
 * Redirect connection policy, clients inside Azure then connect to 11000-11999 on the database's
 * node, which the same firewall guards). Reachable through its server-level firewall rules while
 * `publicNetworkAccess` is not Disabled: 0.0.0.0-0.0.0.0 (`AllowAllWindowsAzureIps`) admits all
 * of Azure, 0.0.0.0-255.255.255.255 everyone, any other rule its range. The firewall rules are
 * read through the accessors of AZ-SQL-002 and AZ-SQL-005.
 */
export const SQL_SERVER_ENDPOINTS: PlatformEndpointSource = {
  resourceType: SQL_SERVER_TYPE,
  reads: [SQL_SERVER_TYPE, SQL_FIREWALL_RULE_TYPE, SQL_ENTRA_ONLY_AUTH_TYPE, SQL_ADMINISTRATOR_TYPE],
  endpoints(server, inventory) {
    const grants = [...firewallGrants(server, inventory), ...privateEndpointGrants(server)];
    if (widestReach(grants) === undefined) return [];
    const at = requiredHostAt(server, 'properties.fullyQualifiedDomainName');
    return [endpointOf(server, { service: 'sql', ...at, ports: [1433] }, grants, sqlAuth(server, inventory))];
  },
};

/**
 * The server-level firewall rules as grants; none with public network access Disabled. Rules
 * that were not read, or one that cannot be read, make the server unknown: any rule might be
 * the one that admits everyone.
 */
function firewallGrants(server: ArmResource, inventory: Inventory): PlatformGrant[] {
  if (publicAccessOf(serverPublicNetworkAccess(server)) === 'disabled') return [];
  const unread = inventory.unavailable(server, SQL_FIREWALL_RULE_TYPE);
  if (unread) throw new NotEvaluated(unread.code, `firewall rules: ${unread.reason}`);
  return inventory.childrenOf(server, SQL_FIREWALL_RULE_TYPE).map((rule) => {
    let range;
    try {
      range = firewallRange(rule);
    } catch (error) {
      if (error instanceof NotEvaluated) throw new NotEvaluated(error.code, `firewall rule '${rule.name}': ${error.reason}`);
      throw error;
    }
    const source = { resourceId: rule.id, path: 'properties', value: `${range.startText}-${range.endText}` };
    return admitsAllOfAzure(range) ? { kind: 'azure' as const, source } : addressRangeGrant(range.start, range.end, range.startText, range.endText, source);
  });
}

/**
 * SQL logins (`keys`) unless Entra-only authentication is on: the `azureADOnlyAuthentications/Default`
 * child where it was read, else the server's own `administrators.azureADOnlyAuthentication`, as
 * AZ-SQL-008 reads it; anything unknown keeps SQL logins listed. Entra ID where the server has
 * an Entra admin (`properties.administrators`, or an `administrators` child), or where that
 * cannot be ruled out.
 */
function sqlAuth(server: ArmResource, inventory: Inventory): PlatformAuth[] {
  let entraOnly = false;
  if (!inventory.unavailable(server, SQL_ENTRA_ONLY_AUTH_TYPE)) {
    const setting = inventory.childrenOf(server, SQL_ENTRA_ONLY_AUTH_TYPE).find((child) => child.name.toLowerCase() === 'default');
    entraOnly = setting ? readsTrue(() => entraOnlyAuthentication(setting).value) : readsTrue(() => serverEntraOnlyAuthentication(server).value);
  } else {
    entraOnly = readsTrue(() => serverEntraOnlyAuthentication(server).value);
  }
  const admin = server.properties.administrators;
  const hasEntraAdmin =
    (isJsonObject(admin) && (typeof admin.sid === 'string' || typeof admin.login === 'string')) ||
    inventory.unavailable(server, SQL_ADMINISTRATOR_TYPE) !== undefined ||
    inventory.childrenOf(server, SQL_ADMINISTRATOR_TYPE).length > 0;
  return [...(entraOnly ? [] : (['keys'] as const)), ...(hasEntraAdmin ? (['entra'] as const) : [])];
}

/** True only when the setting reads as true: a malformed one is not taken to turn SQL logins off. */
function readsTrue(read: () => boolean | undefined): boolean {
  try {
    return read() === true;
  } catch (error) {
    if (error instanceof NotEvaluated) return false;
    throw error;
  }
}
