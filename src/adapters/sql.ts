import { MalformedProperty } from '../engine/not-evaluated.js';
import type { ArmResource } from '../inventory/types.js';
import { parseIPv4 } from '../net/addresses.js';
import { readString, sameText, type Setting } from './setting.js';

export const SQL_SERVER_TYPE = 'Microsoft.Sql/servers';
export const SQL_DATABASE_TYPE = 'Microsoft.Sql/servers/databases';
export const SQL_TDE_TYPE = 'Microsoft.Sql/servers/databases/transparentDataEncryption';
export const SQL_AUDITING_TYPE = 'Microsoft.Sql/servers/auditingSettings';
export const SQL_FIREWALL_RULE_TYPE = 'Microsoft.Sql/servers/firewallRules';

/**
 * System databases are created and managed by Azure: `master` on every logical server, and
 * databases whose kind says `system`. Rules about user data do not apply to them.
 */
export function isSystemDatabase(database: ArmResource): boolean {
  return database.name.toLowerCase() === 'master' || (database.kind ?? '').toLowerCase().includes('system');
}

/**
 * The TDE state of a `transparentDataEncryption/current` child: `properties.state` since API
 * 2021-02-01-preview, `properties.status` before it. Absent reads as not enabled.
 */
export function tdeState(tde: ArmResource): Setting<string | undefined> {
  const state = readString(tde, 'properties.state', undefined);
  return state.absent ? readString(tde, 'properties.status', undefined) : state;
}

export function isEnabled(setting: Setting<string | undefined>): boolean {
  return sameText(setting.value, 'Enabled');
}

/** Server public network access: absent means Enabled (the default for servers created before the property existed). */
export function serverPublicNetworkAccess(server: ArmResource): Setting<string> {
  return readString(server, 'properties.publicNetworkAccess', 'Enabled');
}

export interface FirewallRange {
  readonly start: number;
  readonly end: number;
  readonly startText: string;
  readonly endText: string;
}

/** A firewall rule's address range; a value that is not IPv4 is reported, not skipped. */
export function firewallRange(rule: { readonly properties: ArmResource['properties'] }): FirewallRange {
  const startText = rule.properties.startIpAddress;
  const endText = rule.properties.endIpAddress;
  const start = typeof startText === 'string' ? parseIPv4(startText) : undefined;
  if (start === undefined) throw new MalformedProperty('properties.startIpAddress', 'an IPv4 address', startText);
  const end = typeof endText === 'string' ? parseIPv4(endText) : undefined;
  if (end === undefined) throw new MalformedProperty('properties.endIpAddress', 'an IPv4 address', endText);
  return { start, end, startText: startText as string, endText: endText as string };
}
