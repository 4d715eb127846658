import { ipv4RangeSize } from '../../addresses.js';
import { firewallRange, noPublicEndpoint, parameterIsOn, rulesAdmittingAllOfAzure, rulesAdmittingInternet, type FirewallEntry } from '../../flexible-server.js';
import { mysqlParameter } from '../../mysql.js';
import { postgresqlEntraAuth, postgresqlPasswordAuth } from '../../postgresql.js';
import { readString, sameText, type Setting } from '../../setting.js';
import {
  MYSQL_CONFIGURATION_TYPE,
  MYSQL_FIREWALL_RULE_TYPE,
  MYSQL_SERVER_TYPE,
  POSTGRESQL_FIREWALL_RULE_TYPE,
  POSTGRESQL_SERVER_TYPE,
} from '../../../inventory/arm-types.js';
import type { Inventory } from '../../../inventory/inventory.js';
import type { ArmResource } from '../../../inventory/types.js';
import type { PlatformAuth, PlatformEndpoint, PlatformGrant } from '../../../model/exposure.js';
import { MalformedProperty, NotEvaluated } from '../../../model/not-evaluated.js';
import { orderedGrants, widestReach } from './grants.js';
import type { PlatformEndpointSource } from './source.js';

/*
 * Azure Database for PostgreSQL and for MySQL flexible servers: one endpoint, the server's
 * `fullyQualifiedDomainName`, on 5432 or 3306. Reachability is the server firewall's, which
 * denies every address no rule admits: "all access to your server is blocked by default until
 * you create firewall rules" (Learn: PostgreSQL flexible server, "Firewall rules"; MySQL
 * flexible server, "Public access networking"). So a server with public access and no firewall
 * rule is not listed, a VNet-integrated server (no public endpoint at all) or one whose public
 * access is Disabled is not listed, and one whose firewall rules were not read is unknown.
 * The rules AZ-PG-005/006 and AZ-MY-005/006 read the same accessors.
 */

function at(rule: ArmResource, path: 'properties.startIpAddress' | 'properties.endIpAddress', value: string) {
  return { resourceId: rule.id, path, value };
}

/** The firewall's grants: the whole IPv4 space (one rule, or several that add up to it) is everyone, 0.0.0.0–0.0.0.0 all of Azure, any other rule a range with its address count. */
function firewallGrants(entries: readonly FirewallEntry[]): PlatformGrant[] {
  const grants: PlatformGrant[] = [];
  const internet = rulesAdmittingInternet(entries);
  if (internet.length > 0) grants.push({ kind: 'everyone', source: at(internet[0]!.rule, 'properties.startIpAddress', internet[0]!.range.startText) });
  for (const { rule, range } of rulesAdmittingAllOfAzure(entries)) grants.push({ kind: 'azure', source: at(rule, 'properties.startIpAddress', range.startText) });
  for (const entry of entries) {
    const { rule, range } = entry;
    if (rulesAdmittingAllOfAzure([entry]).length > 0) continue;
    if (internet.length === 1 && internet[0] === entry) continue; // one rule that is the whole internet is `everyone`, not a range
    grants.push({ kind: 'range', range: `${range.startText}-${range.endText}`, addresses: ipv4RangeSize(range.start, range.end), source: at(rule, 'properties.endIpAddress', range.endText) });
  }
  return orderedGrants(grants);
}

/** The firewall rules of a server, read; not read (or read failed) or a malformed rule is NotEvaluated. */
function readFirewall(server: ArmResource, inventory: Inventory, firewallRuleType: string): FirewallEntry[] {
  const unavailable = inventory.unavailable(server, firewallRuleType);
  if (unavailable) throw new NotEvaluated(unavailable.code, `firewall rules of ${server.name}: ${unavailable.reason}`);
  return inventory.childrenOf(server, firewallRuleType).map((rule) => {
    try {
      return { rule, range: firewallRange(rule) };
    } catch (error) {
      if (error instanceof NotEvaluated) throw new NotEvaluated(error.code, `'${rule.name}': ${error.reason}`);
      throw error;
    }
  });
}

function enabled(setting: Setting<string>): boolean {
  if (sameText(setting.value, 'Enabled')) return true;
  if (sameText(setting.value, 'Disabled')) return false;
  throw new MalformedProperty(setting.path, 'Enabled or Disabled', setting.raw);
}

interface FlexibleServerKind {
  readonly resourceType: string;
  readonly firewallRuleType: string;
  readonly extraReads: readonly string[];
  readonly service: string;
  readonly port: number;
  auth(server: ArmResource, inventory: Inventory): PlatformAuth[];
}

function flexibleServerSource(kind: FlexibleServerKind): PlatformEndpointSource {
  return {
    resourceType: kind.resourceType,
    reads: [kind.resourceType, kind.firewallRuleType, ...kind.extraReads],
    endpoints(server, inventory) {
      if (noPublicEndpoint(server)) return [];
      const grants = firewallGrants(readFirewall(server, inventory, kind.firewallRuleType));
      if (grants.length === 0) return []; // the firewall denies by default
      const host = readString(server, 'properties.fullyQualifiedDomainName', undefined);
      if (host.value === undefined || host.value === '') throw new NotEvaluated('MissingProperty', `properties.fullyQualifiedDomainName of ${server.name} is not set: the endpoint has no host name`);
      const endpoint: PlatformEndpoint = {
        resourceId: server.id,
        resourceType: kind.resourceType,
        name: server.name,
        service: kind.service,
        host: host.value,
        hostPath: host.path,
        ports: [kind.port],
        // Every grant here is one that reaches (everyone, all of Azure or a range), and there is one.
        reachableBy: widestReach(grants)!,
        grants,
        auth: kind.auth(server, inventory),
      };
      return [endpoint];
    },
  };
}

/** PostgreSQL: passwords unless `authConfig.passwordAuth` is Disabled; Microsoft Entra when `activeDirectoryAuth` is Enabled. */
export const POSTGRESQL_ENDPOINTS = flexibleServerSource({
  resourceType: POSTGRESQL_SERVER_TYPE,
  firewallRuleType: POSTGRESQL_FIREWALL_RULE_TYPE,
  extraReads: [],
  service: 'postgresql',
  port: 5432,
  auth(server) {
    const auth: PlatformAuth[] = [];
    if (enabled(postgresqlPasswordAuth(server))) auth.push('keys');
    if (enabled(postgresqlEntraAuth(server))) auth.push('entra');
    return auth;
  },
});

/**
 * MySQL: passwords, unless the server parameter `aad_auth_only` is ON (then Microsoft Entra
 * only). Entra logins beside passwords need an Entra admin (`administrators`), which azscan does
 * not read, so they are not listed; parameters not read leave passwords, the default, listed.
 */
export const MYSQL_ENDPOINTS = flexibleServerSource({
  resourceType: MYSQL_SERVER_TYPE,
  firewallRuleType: MYSQL_FIREWALL_RULE_TYPE,
  extraReads: [MYSQL_CONFIGURATION_TYPE],
  service: 'mysql',
  port: 3306,
  auth(server, inventory) {
    if (inventory.unavailable(server, MYSQL_CONFIGURATION_TYPE)) return ['keys'];
    return parameterIsOn(mysqlParameter(server, inventory.childrenOf(server, MYSQL_CONFIGURATION_TYPE), 'aad_auth_only')) ? ['entra'] : ['keys'];
  },
});
