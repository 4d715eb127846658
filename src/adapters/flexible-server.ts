import { isJsonObject, type ArmResource } from '../inventory/types.js';
import { MalformedProperty, NotEvaluated } from '../model/not-evaluated.js';
import type { Evidence } from '../model/evidence.js';
import { evidence, readString, sameText, valueAt, type Setting } from './setting.js';
import { admitsAllOfAzure, firewallRange, type FirewallRange } from './sql.js';

/*
 * What Azure Database for PostgreSQL and for MySQL flexible servers share: the network block of
 * the server (API 2024-08-01 for PostgreSQL, 2023-12-30 for MySQL; the same shape in both), their
 * firewall rules (the same `startIpAddress`/`endIpAddress` shape as SQL's, read by SQL's
 * `firewallRange`), and their server parameters (`configurations`), which the rules and the
 * platform endpoints both read through here.
 */

export { admitsAllOfAzure, firewallRange, type FirewallRange };

const WHOLE_IPV4_END = 0xffff_ffff;

function checkNetworkObject(server: ArmResource): void {
  const network = valueAt(server.raw, 'properties.network');
  if (network !== undefined && network !== null && !isJsonObject(network)) throw new MalformedProperty('properties.network', 'an object', network);
}

/**
 * The subnet a VNet-integrated ("private access") server is injected into. Such a server has
 * no public endpoint and no firewall rules: "you can't [use] firewall rules with private access"
 * (Learn: PostgreSQL flexible server, networking with private access; the same for MySQL). An
 * empty string, as some responses send for public servers, is no subnet.
 */
export function delegatedSubnet(server: ArmResource): Setting<string | undefined> {
  checkNetworkObject(server);
  const subnet = readString(server, 'properties.network.delegatedSubnetResourceId', undefined);
  return subnet.value === '' ? { ...subnet, value: undefined } : subnet;
}

/**
 * `properties.network.publicNetworkAccess`. Absent (servers read at API versions before the
 * property, 2021-06-01 and earlier): a VNet-integrated server has none, any other server was
 * created with public access, the only other connectivity method then.
 */
export function publicNetworkAccess(server: ArmResource): Setting<string> {
  const vnet = delegatedSubnet(server).value !== undefined;
  return readString(server, 'properties.network.publicNetworkAccess', vnet ? 'Disabled' : 'Enabled');
}

/**
 * Why a server has no public endpoint, with the setting that says so: `vnet` (VNet-integrated,
 * never public) or `disabled` (public access turned off, which can be turned on again);
 * undefined when it has one. A value other than Enabled or Disabled is malformed.
 */
export function noPublicEndpoint(server: ArmResource): { kind: 'vnet' | 'disabled'; reason: string; setting: Setting<unknown> } | undefined {
  const subnet = delegatedSubnet(server);
  if (subnet.value !== undefined) return { kind: 'vnet', reason: 'it is VNet-integrated (private access), with no public endpoint', setting: subnet };
  const access = publicNetworkAccess(server);
  if (sameText(access.value, 'Disabled')) return { kind: 'disabled', reason: 'its public network access is Disabled', setting: access };
  if (!sameText(access.value, 'Enabled')) throw new MalformedProperty('properties.network.publicNetworkAccess', 'Enabled or Disabled', access.raw);
  return undefined;
}

/** A firewall rule with its range read. */
export interface FirewallEntry {
  readonly rule: ArmResource;
  readonly range: FirewallRange;
}

/**
 * The rules whose ranges together admit the whole IPv4 internet: every address from 0.0.0.1
 * to 255.255.255.255 (0.0.0.0 is never a source; 0.0.0.0–0.0.0.0 is Azure's switch, not a
 * range, and is left out). One `0.0.0.0`–`255.255.255.255` rule, or several that add up to it.
 * Returns the rules that extend the cover, or none when some address stays outside.
 */
export function rulesAdmittingInternet(entries: readonly FirewallEntry[]): FirewallEntry[] {
  const ranges = entries.filter((entry) => !admitsAllOfAzure(entry.range)).sort((a, b) => a.range.start - b.range.start);
  const used: FirewallEntry[] = [];
  let covered = 0; // every address from 1 to `covered` is admitted
  for (const entry of ranges) {
    if (entry.range.start > covered + 1) return [];
    if (entry.range.end > covered) {
      used.push(entry);
      covered = entry.range.end;
    }
    if (covered >= WHOLE_IPV4_END) return used;
  }
  return [];
}

/** The `0.0.0.0`–`0.0.0.0` rules: "Allow public access from any Azure service within Azure to this server". */
export function rulesAdmittingAllOfAzure(entries: readonly FirewallEntry[]): FirewallEntry[] {
  return entries.filter((entry) => admitsAllOfAzure(entry.range));
}

/** One server parameter as a rule sees it: the `Setting` of its value, and the parameter's name. */
export interface ParameterSetting extends Setting<string> {
  readonly parameter: string;
}

/**
 * The value of server parameter `name` from the server's `configurations`: `properties.value`
 * as ARM sent it; when the parameter is absent from the list (or sent without a value),
 * `documentedDefault`, the default Microsoft Learn documents for it. The adapters of each
 * service hold those defaults.
 */
export function serverParameter(server: ArmResource, parameters: readonly ArmResource[], name: string, documentedDefault: string): ParameterSetting {
  const child = parameters.find((parameter) => parameter.name.toLowerCase() === name.toLowerCase());
  if (child) {
    try {
      const value = readString(child, 'properties.value', undefined);
      if (value.value !== undefined) return { ...value, value: value.value, parameter: name };
    } catch (error) {
      throw inParameter(name, error);
    }
  }
  return { value: documentedDefault, resourceId: child?.id ?? `${server.id}/configurations/${name}`, path: 'properties.value', absent: true, raw: undefined, parameter: name };
}

function inParameter(name: string, error: unknown): unknown {
  return error instanceof NotEvaluated ? new NotEvaluated(error.code, `parameter '${name}': ${error.reason}`) : error;
}

function malformed(setting: ParameterSetting, expected: string): NotEvaluated {
  return inParameter(setting.parameter, new MalformedProperty(setting.path, expected, setting.raw)) as NotEvaluated;
}

const ON = new Set(['on', 'true', 'yes', '1']);
const OFF = new Set(['off', 'false', 'no', '0']);

/** A boolean parameter: `on`/`off` (PostgreSQL), `ON`/`OFF` (MySQL), or the other spellings PostgreSQL accepts. */
export function parameterIsOn(setting: ParameterSetting): boolean {
  const text = setting.value.trim().toLowerCase();
  if (ON.has(text)) return true;
  if (OFF.has(text)) return false;
  throw malformed(setting, 'on or off');
}

/** An integer parameter, such as `logfiles.retention_days`. */
export function parameterInteger(setting: ParameterSetting): number {
  const text = setting.value.trim();
  if (!/^\d+$/.test(text)) throw malformed(setting, 'a whole number');
  return Number(text);
}

/** A comma-separated list parameter (`TLSv1.2,TLSv1.3`, `CONNECTION,DML`), its entries trimmed; empty is none. */
export function parameterList(setting: ParameterSetting): string[] {
  return setting.value.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
}

/** `TLSv1`, `TLSv1.1`, `TLSv1.2`, `TLSv1.3` as comparable numbers (10, 11, 12, 13); a value that is none of them is malformed. */
export function parameterTlsVersion(setting: ParameterSetting, text: string): number {
  const match = /^tlsv1(?:\.([0-3]))?$/i.exec(text.trim());
  if (!match) throw malformed(setting, 'TLS versions such as TLSv1.2');
  return 10 + Number(match[1] ?? 0);
}

/** Evidence for a parameter; an absent one says it is the documented default. */
export function parameterEvidence(setting: ParameterSetting): Evidence {
  return evidence(setting, setting.absent ? `'${setting.parameter}' is not in the server's parameter list; Azure's documented default is '${setting.value}'` : undefined);
}

/** `'off'`, or `'off' (the default)` when the parameter was not in the list: for messages. */
export function describeParameter(setting: ParameterSetting): string {
  return `${setting.parameter} is '${setting.value}'${setting.absent ? ' (the documented default)' : ''}`;
}
