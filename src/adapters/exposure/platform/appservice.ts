import { clientCertEnabled, httpsOnly, publicAccessDisabledBy, publishingAllowed, publishingPolicyOf, sitePublicNetworkAccess, webConfigOf, type ChildLookup } from '../../appservice.js';
import { siteAccess, type SiteAccess } from '../../appservice-access.js';
import { anonymousLetInBy, authSettingsOf, otherProviders } from '../../appservice-auth.js';
import { readList, readString, sameText, valueAt } from '../../setting.js';
import { WEB_SITE_AUTH_SETTINGS_TYPE, WEB_SITE_CONFIG_TYPE, WEB_SITE_PUBLISHING_POLICY_TYPE, WEB_SITE_TYPE, WEB_SLOT_AUTH_SETTINGS_TYPE, WEB_SLOT_CONFIG_TYPE, WEB_SLOT_PUBLISHING_POLICY_TYPE, WEB_SLOT_TYPE } from '../../../inventory/arm-types.js';
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
 *   `clientCertMode` Required (absent: Required); `entra` when App Service Authentication
 *   (`config/authsettingsV2`) turns unauthenticated callers away (on, `requireAuthentication`,
 *   an action other than AllowAnonymous, no excluded paths), `anonymous` otherwise, and
 *   `anonymous` too when another identity provider (Google, GitHub, a custom OpenID Connect one…)
 *   is enabled, since anyone can hold such an account. When the auth settings were not read, or
 *   their read failed or came back empty, the endpoint is listed as if authentication were off
 *   (`anonymous` unless a client certificate is required): authentication only narrows who gets
 *   in, so this overstates, never understates, and reachability, which it does not decide, stays
 *   known. A malformed auth setting makes the endpoint unknown (never read as absent).
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

/** How App Service Authentication lets callers in: `entra`, with `anonymous` where it does not turn them away; undefined when its settings are not known. */
function appServiceAuth(site: ArmResource, lookup: ChildLookup): PlatformAuth[] | undefined {
  let settings: ArmResource;
  try {
    settings = authSettingsOf(site, lookup);
  } catch (error) {
    if (error instanceof NotEvaluated && !(error instanceof MalformedProperty)) return undefined;
    throw error;
  }
  if (anonymousLetInBy(settings) !== undefined) return ['anonymous'];
  return otherProviders(settings).length > 0 ? ['anonymous', 'entra'] : ['entra'];
}

function siteAuth(site: ArmResource, lookup: ChildLookup): PlatformAuth[] {
  const byAppService = appServiceAuth(site, lookup) ?? ['anonymous'];
  if (!clientCertEnabled(site).value) return byAppService;
  const mode = readString(site, 'properties.clientCertMode', 'Required');
  const entra: PlatformAuth[] = byAppService.includes('entra') ? ['entra'] : [];
  // A required certificate is asked for at TLS, before App Service Authentication: no anonymous caller gets past it.
  if (sameText(mode.value, 'Required')) return ['certificates', ...entra];
  return [...(byAppService.includes('anonymous') ? (['anonymous'] as const) : []), 'certificates', ...entra];
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
    found.push(...endpoint(site, 'site', mainHost, httpsOnly(site).value ? [443] : [80, 443], main, siteAuth(site, lookup)));
  }
  const scm = siteAccess(config, 'scm');
  const scmHost = hostsOfType(site, 'Repository')[0];
  if (scm.reachableBy !== undefined && scmHost) found.push(...endpoint(site, 'scm', scmHost, [443], scm, scmAuth(site, lookup)));
  return found;
}

function siteSource(resourceType: string, configType: string, policyType: string, authType: string): PlatformEndpointSource {
  return { resourceType, reads: [resourceType, configType, policyType, authType], endpoints: siteEndpoints };
}

export const APP_SERVICE_SITE_ENDPOINTS: PlatformEndpointSource = siteSource(WEB_SITE_TYPE, WEB_SITE_CONFIG_TYPE, WEB_SITE_PUBLISHING_POLICY_TYPE, WEB_SITE_AUTH_SETTINGS_TYPE);
export const APP_SERVICE_SLOT_ENDPOINTS: PlatformEndpointSource = siteSource(WEB_SLOT_TYPE, WEB_SLOT_CONFIG_TYPE, WEB_SLOT_PUBLISHING_POLICY_TYPE, WEB_SLOT_AUTH_SETTINGS_TYPE);

