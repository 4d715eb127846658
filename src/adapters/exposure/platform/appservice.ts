import { clientCertEnabled, httpsOnly, publicAccessDisabledBy, publishingAllowed, publishingPolicyOf, sitePublicNetworkAccess, webConfigOf, type ChildLookup } from '../../appservice.js';
import { siteAccess, type SiteAccess } from '../../appservice-access.js';
import { readList, readString, sameText, valueAt } from '../../setting.js';
import { WEB_SITE_CONFIG_TYPE, WEB_SITE_PUBLISHING_POLICY_TYPE, WEB_SITE_TYPE, WEB_SLOT_CONFIG_TYPE, WEB_SLOT_PUBLISHING_POLICY_TYPE, WEB_SLOT_TYPE } from '../../../inventory/arm-types.js';
import type { Inventory } from '../../../inventory/inventory.js';
import { isJsonObject, type ArmResource } from '../../../inventory/types.js';
import type { PlatformAuth, PlatformEndpoint } from '../../../model/exposure.js';
import { MalformedProperty, NotEvaluated } from '../../../model/not-evaluated.js';
import type { PlatformEndpointSource } from './source.js';

/*
 * App Service and Functions: each web app, function app and deployment slot has two public
 * endpoints through App Service's front ends, the app itself (`service: 'site'`) and its SCM
 * (Kudu, deployment) site (`service: 'scm'`), each behind its own access restrictions
 * (`appservice-access.ts`, shared with AZ-APP-006). `publicNetworkAccess: Disabled` on the site
 * or its `config/web` blocks both: nothing is returned.
 *
 * - Site: the host is `properties.defaultHostName` (or, without it, the first `hostNameSslStates`
 *   entry of `hostType: Standard`); ports 443, and 80 unless `httpsOnly` (with HTTPS only, port 80
 *   answers nothing but a redirect). Auth: `certificates` when `clientCertEnabled` with
 *   `clientCertMode` Required (absent: Required), `anonymous` otherwise — App Service
 *   Authentication (`config/authsettingsV2`) is not read yet, so an app that has it on is still
 *   listed as anonymous, which overstates, never understates, who gets in.
 * - SCM: the host is the `hostNameSslStates` entry of `hostType: Repository` (`<app>.scm.…`);
 *   port 443. Auth: `keys` when the `scm` basic publishing credentials policy allows basic
 *   authentication (absent policy or `allow`: allowed), and `entra`, which the SCM site always takes.
 * FTP/FTPS endpoints are not listed: their host names are not ARM properties of the site.
 */

function lookupIn(inventory: Inventory): ChildLookup {
  return (parent, type) => {
    const unavailable = inventory.unavailable(parent, type);
    if (unavailable) throw new NotEvaluated(unavailable.code, unavailable.reason);
    return inventory.childrenOf(parent, type);
  };
}

interface HostName {
  readonly host: string;
  readonly path: string;
}

/** The `hostNameSslStates` entries of one `hostType`, in order; malformed entries are reported, not skipped. */
function hostsOfType(site: ArmResource, hostType: string): HostName[] {
  const path = 'properties.hostNameSslStates';
  return readList(valueAt(site.raw, path), path).flatMap((entry, i) => {
    if (!isJsonObject(entry) || typeof entry.name !== 'string') throw new MalformedProperty(`${path}[${i}]`, 'a host name state with a name', entry);
    return typeof entry.hostType === 'string' && sameText(entry.hostType, hostType) ? [{ host: entry.name, path: `${path}[${i}].name` }] : [];
  });
}

function siteHost(site: ArmResource): HostName | undefined {
  const byDefault = readString(site, 'properties.defaultHostName', undefined);
  if (byDefault.value !== undefined && byDefault.value.trim() !== '') return { host: byDefault.value, path: byDefault.path };
  return hostsOfType(site, 'Standard')[0];
}

function siteAuth(site: ArmResource): PlatformAuth[] {
  if (!clientCertEnabled(site).value) return ['anonymous'];
  const mode = readString(site, 'properties.clientCertMode', 'Required');
  return sameText(mode.value, 'Required') ? ['certificates'] : ['anonymous', 'certificates'];
}

function scmAuth(site: ArmResource, lookup: ChildLookup): PlatformAuth[] {
  const policy = publishingPolicyOf(site, 'scm', lookup);
  return policy === undefined || publishingAllowed(policy).value ? ['keys', 'entra'] : ['entra'];
}

function endpoint(site: ArmResource, service: string, host: HostName, ports: readonly number[], access: SiteAccess, auth: readonly PlatformAuth[]): PlatformEndpoint[] {
  if (access.reachableBy === undefined) return [];
  return [{ resourceId: site.id, resourceType: site.type, name: site.name, service, host: host.host, hostPath: host.path, ports, reachableBy: access.reachableBy, grants: access.grants, auth }];
}

/** The public endpoints of one site or slot. */
export function siteEndpoints(site: ArmResource, inventory: Inventory): PlatformEndpoint[] {
  if (sameText(sitePublicNetworkAccess(site).value, 'Disabled')) return [];
  const lookup = lookupIn(inventory);
  const config = webConfigOf(site, lookup);
  if (publicAccessDisabledBy(site, config)) return [];
  const found: PlatformEndpoint[] = [];
  const main = siteAccess(config, 'main');
  const mainHost = siteHost(site);
  if (main.reachableBy !== undefined) {
    if (!mainHost) throw new MalformedProperty('properties.defaultHostName', 'the host name of a reachable site', undefined);
    found.push(...endpoint(site, 'site', mainHost, httpsOnly(site).value ? [443] : [80, 443], main, siteAuth(site)));
  }
  const scm = siteAccess(config, 'scm');
  const scmHost = hostsOfType(site, 'Repository')[0];
  if (scm.reachableBy !== undefined && scmHost) found.push(...endpoint(site, 'scm', scmHost, [443], scm, scmAuth(site, lookup)));
  return found;
}

function siteSource(resourceType: string, configType: string, policyType: string): PlatformEndpointSource {
  return { resourceType, reads: [resourceType, configType, policyType], endpoints: siteEndpoints };
}

export const APP_SERVICE_SITE_ENDPOINTS: PlatformEndpointSource = siteSource(WEB_SITE_TYPE, WEB_SITE_CONFIG_TYPE, WEB_SITE_PUBLISHING_POLICY_TYPE);
export const APP_SERVICE_SLOT_ENDPOINTS: PlatformEndpointSource = siteSource(WEB_SLOT_TYPE, WEB_SLOT_CONFIG_TYPE, WEB_SLOT_PUBLISHING_POLICY_TYPE);

