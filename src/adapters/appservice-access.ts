import { MalformedProperty } from '../model/not-evaluated.js';
import type { PlatformGrant, PlatformReach } from '../model/exposure.js';
import type { ConfigLocation } from '../model/evidence.js';
import { isJsonObject, type ArmResource, type JsonObject } from '../inventory/types.js';
import { addressCount, isInternetSource, isWholeInternetMask, parseIPv4 } from './addresses.js';
import { orderedGrants, widestReach } from './exposure/platform/grants.js';
import { readBoolean, readList, readString, sameText, valueAt, type Setting } from './setting.js';

/*
 * App Service access restrictions as the front ends apply them (Learn, "Azure App Service access
 * restrictions", https://learn.microsoft.com/azure/app-service/overview-access-restrictions):
 * rules in priority order (ties in list order), the first match decides; a request no rule
 * matches gets the unmatched-rule action. One implementation, read by AZ-APP's "open to all
 * networks" rule and by the platform endpoint source alike.
 */

/** Which site of an app: the app itself, or its SCM (Kudu, advanced tools) site. */
export type SiteSide = 'main' | 'scm';

export interface SiteAccess {
  /** The widest grant that lets a caller from outside in; undefined when none does. */
  readonly reachableBy: PlatformReach | undefined;
  /** Every grant, those that make the site reachable first. */
  readonly grants: readonly PlatformGrant[];
  /** True when the SCM site uses the main site's rules (`scmIpSecurityRestrictionsUseMain`). */
  readonly usesMain: boolean;
  /** The setting that decides requests no rule matches, with Azure's implicit value when absent. */
  readonly defaultAction: Setting<string>;
  readonly rulesPath: string;
}

const RULES_PATH: Record<SiteSide, string> = { main: 'properties.ipSecurityRestrictions', scm: 'properties.scmIpSecurityRestrictions' };
const DEFAULT_ACTION_PATH: Record<SiteSide, string> = { main: 'properties.ipSecurityRestrictionsDefaultAction', scm: 'properties.scmIpSecurityRestrictionsDefaultAction' };

/** `scmIpSecurityRestrictionsUseMain`: absent means false, the SCM site has its own rules. */
export function scmUsesMain(config: ArmResource): Setting<boolean> {
  return readBoolean(config, 'properties.scmIpSecurityRestrictionsUseMain', false);
}

/**
 * Who reaches the main or the SCM site through its public endpoint, from `config/web`. The SCM
 * site with `scmIpSecurityRestrictionsUseMain` takes the main site's rules and unmatched action.
 * `publicNetworkAccess` is not read here: a caller checks it first (`publicAccessDisabledBy`).
 */
export function siteAccess(config: ArmResource, side: SiteSide): SiteAccess {
  const usesMain = side === 'scm' && scmUsesMain(config).value;
  const from: SiteSide = usesMain ? 'main' : side;
  const rulesPath = RULES_PATH[from];
  const rules = readList(valueAt(config.raw, rulesPath), rulesPath).map((entry, index) => parseRule(config, rulesPath, entry, index));
  // Absent, the unmatched action is Allow with no rules and Deny once there is one: "When there
  // are one or more entries, there is then an implicit deny all" (the property exists since API 2023-01-01).
  const defaultAction = readString(config, DEFAULT_ACTION_PATH[from], rules.length === 0 ? 'Allow' : 'Deny');
  if (!sameText(defaultAction.value, 'Allow') && !sameText(defaultAction.value, 'Deny')) throw new MalformedProperty(defaultAction.path, 'Allow or Deny', defaultAction.raw);

  const grants: PlatformGrant[] = [];
  let shadowed = false;
  for (const rule of [...rules].sort((a, b) => a.priority - b.priority || a.index - b.index)) {
    if (rule.action === 'Deny') {
      // A deny of every address stops here: no later rule, and not the unmatched action, is reached.
      if (rule.grants.some((grant) => grant.kind === 'everyone')) {
        shadowed = true;
        break;
      }
      continue;
    }
    grants.push(...rule.grants);
  }
  if (!shadowed && sameText(defaultAction.value, 'Allow')) {
    grants.push({ kind: 'everyone', source: { resourceId: config.id, path: defaultAction.path, value: defaultAction.absent ? 'Allow (not set: no rules)' : defaultAction.raw } });
  }
  const ordered = orderedGrants(grants);
  return { reachableBy: widestReach(ordered), grants: ordered, usesMain, defaultAction, rulesPath };
}

interface ParsedRule {
  readonly index: number;
  readonly priority: number;
  readonly action: 'Allow' | 'Deny';
  readonly grants: readonly PlatformGrant[];
}

/** Azure's own "Allow all" / "Deny all" entries carry this priority; a rule without one is read as last. */
const LAST_PRIORITY = 2_147_483_647;

function parseRule(config: ArmResource, rulesPath: string, entry: unknown, index: number): ParsedRule {
  const at = `${rulesPath}[${index}]`;
  if (!isJsonObject(entry)) throw new MalformedProperty(at, 'an access restriction rule object', entry);
  const action = entry.action ?? 'Allow';
  if (typeof action !== 'string' || !['allow', 'deny'].includes(action.toLowerCase())) throw new MalformedProperty(`${at}.action`, 'Allow or Deny', action);
  const priority = entry.priority ?? LAST_PRIORITY;
  if (typeof priority !== 'number' || !Number.isFinite(priority)) throw new MalformedProperty(`${at}.priority`, 'a number', priority);
  return { index, priority, action: action.toLowerCase() === 'deny' ? 'Deny' : 'Allow', grants: ruleGrants(config, at, entry) };
}

/**
 * What a rule's source admits. A virtual network rule (`vnetSubnetResourceId`) is a subnet grant,
 * not reachable from outside. Otherwise `ipAddress` holds up to eight comma-separated entries:
 * `Any`; CIDR blocks (a /0 is everyone), or an address with the legacy `subnetMask`; or, with
 * `tag: ServiceTag`, service tags — `AzureCloud` (and its regional forms) is all of Azure, any
 * tenant's; any other service tag (`AzureFrontDoor.Backend`, `ApiManagement`) is addresses of a
 * shared Azure service that any tenant's instance sends from, read as `azure` too. HTTP header
 * conditions (`headers`, e.g. `X-Azure-FDID`) narrow a rule but are not network controls: the
 * rule is read as its source alone.
 */
function ruleGrants(config: ArmResource, at: string, entry: JsonObject): PlatformGrant[] {
  const subnet = entry.vnetSubnetResourceId;
  if (typeof subnet === 'string' && subnet.trim() !== '') {
    return [{ kind: 'virtualNetwork', subnetId: subnet, source: { resourceId: config.id, path: `${at}.vnetSubnetResourceId`, value: subnet } }];
  }
  if (subnet !== undefined && subnet !== null && typeof subnet !== 'string') throw new MalformedProperty(`${at}.vnetSubnetResourceId`, 'a subnet id', subnet);
  const address = entry.ipAddress;
  if (typeof address !== 'string' || address.trim() === '') throw new MalformedProperty(`${at}.ipAddress`, 'an address, CIDR block, service tag or Any', address);
  const source: ConfigLocation = { resourceId: config.id, path: `${at}.ipAddress`, value: address };
  const isServiceTag = typeof entry.tag === 'string' && sameText(entry.tag, 'ServiceTag');
  return address.split(',').map((part) => part.trim()).filter((part) => part !== '').map((part): PlatformGrant => {
    if (isServiceTag) return sameText(part, 'Internet') ? { kind: 'everyone', source } : { kind: 'azure', source };
    if (sameText(part, 'Any') || isWholeInternetMask(part) || isInternetSource(part)) return { kind: 'everyone', source };
    const masked = withSubnetMask(part, entry.subnetMask, at);
    if (isWholeInternetMask(masked)) return { kind: 'everyone', source };
    const addresses = addressCount(masked);
    if (addresses === undefined) throw new MalformedProperty(`${at}.ipAddress`, 'an address, CIDR block, service tag or Any', address);
    return { kind: 'range', range: masked, addresses, source };
  });
}

/** `1.2.3.0` with the legacy `subnetMask` `255.255.255.0` → `1.2.3.0/24`; anything with a prefix already stays. */
function withSubnetMask(address: string, mask: unknown, at: string): string {
  if (address.includes('/') || mask === undefined || mask === null || mask === '') return address;
  const value = typeof mask === 'string' ? parseIPv4(mask) : undefined;
  const bits = value === undefined ? undefined : 32 - Math.log2(2 ** 32 - value);
  if (value === undefined || bits === undefined || !Number.isInteger(bits)) throw new MalformedProperty(`${at}.subnetMask`, 'a dotted subnet mask', mask);
  return `${address}/${bits}`;
}
