import { NotEvaluated } from '../model/not-evaluated.js';
import { typeKey } from '../inventory/arm-id.js';
import { WEB_SITE_CONFIG_TYPE, WEB_SITE_PUBLISHING_POLICY_TYPE, WEB_SLOT_CONFIG_TYPE, WEB_SLOT_PUBLISHING_POLICY_TYPE, WEB_SLOT_TYPE } from '../inventory/arm-types.js';
import type { ArmResource } from '../inventory/types.js';
import { readBoolean, readString, sameText, type Setting } from './setting.js';

/*
 * App Service and Functions: web apps, function apps and their deployment slots
 * (`Microsoft.Web/sites`, `Microsoft.Web/sites/slots`, evaluated alike).
 *
 * Which source decides each setting: the site resource itself (as the subscription list and
 * `sites/slots` list send it) for `httpsOnly`, `clientCertEnabled`, `publicNetworkAccess`,
 * `identity`, `defaultHostName` and `hostNameSslStates`. Everything in the site config (TLS,
 * FTPS, remote debugging, HTTP/2, access restrictions) comes from the `config/web` child:
 * list responses carry `properties.siteConfig` mostly null, so azscan never reads it there.
 * Basic-auth publishing comes from the `basicPublishingCredentialsPolicies` children `ftp`
 * and `scm`. Defaults below are those of API 2024-04-01 (WebApps.json / CommonDefinitions.json).
 */

/** Looks up the children of one type of a resource, stopping (NotEvaluated) when they were not read: `context.childrenOf`. */
export type ChildLookup = (parent: ArmResource, type: string) => readonly ArmResource[];

/** True for a deployment slot (`Microsoft.Web/sites/slots`), false for a site. */
export function isSlot(site: ArmResource): boolean {
  return typeKey(site.type) === typeKey(WEB_SLOT_TYPE);
}

/** A function app: `kind` contains `functionapp` (`functionapp`, `functionapp,linux`, `functionapp,workflowapp`). */
export function isFunctionApp(site: ArmResource): boolean {
  return (site.kind ?? '').toLowerCase().includes('functionapp');
}

/** "Web app 'x'", "Function app 'x'", "Slot 'x/staging' of function app" — for messages. */
export function describeSite(site: ArmResource): string {
  const what = isFunctionApp(site) ? 'Function app' : 'Web app';
  return isSlot(site) ? `${what} slot '${site.name}'` : `${what} '${site.name}'`;
}

/** The config type of a site's or slot's `config/web`. */
export function configTypeOf(site: ArmResource): string {
  return isSlot(site) ? WEB_SLOT_CONFIG_TYPE : WEB_SITE_CONFIG_TYPE;
}

/** The type of a site's or slot's basic publishing credentials policies. */
export function publishingPolicyTypeOf(site: ArmResource): string {
  return isSlot(site) ? WEB_SLOT_PUBLISHING_POLICY_TYPE : WEB_SITE_PUBLISHING_POLICY_TYPE;
}

/** The last segment of an id: a child's name as its id states it (`config/web` → `web`). */
function idName(resource: ArmResource): string {
  return resource.id.slice(resource.id.lastIndexOf('/') + 1);
}

/**
 * The site's `config/web`. Found by the id's last segment, not `name`: ARM has sent both `web`
 * and the site's own name as a config resource's name. Every site has one; when config was read
 * for every site and this one has none, nothing can be said of its settings (not evaluated).
 */
export function webConfigOf(site: ArmResource, childrenOf: ChildLookup): ArmResource {
  const type = configTypeOf(site);
  const config = childrenOf(site, type).find((child) => idName(child).toLowerCase() === 'web');
  if (!config) throw new NotEvaluated('MissingChild', `${type} 'web' was read for every site and none came back for ${site.id}`);
  return config;
}

/** `httpsOnly`: absent means false (HTTP requests are served, not redirected). */
export function httpsOnly(site: ArmResource): Setting<boolean> {
  return readBoolean(site, 'properties.httpsOnly', false);
}

/** `clientCertEnabled`: absent means false (no client certificate is asked for). */
export function clientCertEnabled(site: ArmResource): Setting<boolean> {
  return readBoolean(site, 'properties.clientCertEnabled', false);
}

/**
 * The managed identity's `identity.type` (top level, not under `properties`): `SystemAssigned`,
 * `UserAssigned`, `SystemAssigned, UserAssigned`, or `None`. Absent means None.
 */
export function identityType(site: ArmResource): Setting<string> {
  return readString(site, 'identity.type', 'None');
}

export function hasManagedIdentity(type: Setting<string>): boolean {
  return type.value.trim() !== '' && !sameText(type.value.trim(), 'None');
}

/**
 * `ftpsState` of `config/web`: `AllAllowed`, `FtpsOnly` or `Disabled`. ARM sends it on every
 * `config/web` GET; absent is read as `AllAllowed`, what apps created through ARM before the
 * portal's FTPS-only default have, so an unread value is never taken for a safe one.
 */
export function ftpsState(config: ArmResource): Setting<string> {
  return readString(config, 'properties.ftpsState', 'AllAllowed');
}

/** `remoteDebuggingEnabled` of `config/web`: absent means false. */
export function remoteDebuggingEnabled(config: ArmResource): Setting<boolean> {
  return readBoolean(config, 'properties.remoteDebuggingEnabled', false);
}

/** `http20Enabled` of `config/web`: absent means true, the spec's `"default": true` (SiteConfig, API 2024-04-01). */
export function http20Enabled(config: ArmResource): Setting<boolean> {
  return readBoolean(config, 'properties.http20Enabled', true);
}

/** The two paths of `config/web` that set a minimum TLS version: the app's and its SCM (Kudu) site's. */
export const MIN_TLS_PATH = 'properties.minTlsVersion';
export const SCM_MIN_TLS_PATH = 'properties.scmMinTlsVersion';

/**
 * `allow` of a basic publishing credentials policy (`ftp` or `scm`). Absent is read as true:
 * basic authentication is on for apps that never turned it off ("Basic authentication … is
 * enabled by default" for apps created before the portal's new default; API 2024-04-01 marks
 * `allow` required, so a policy without it is what azscan cannot tell apart from allowed).
 */
export function publishingAllowed(policy: ArmResource): Setting<boolean> {
  return readBoolean(policy, 'properties.allow', true);
}

/** The site's `ftp` or `scm` publishing policy, by the id's last segment; undefined when it was read and is not there. */
export function publishingPolicyOf(site: ArmResource, which: 'ftp' | 'scm', childrenOf: ChildLookup): ArmResource | undefined {
  return childrenOf(site, publishingPolicyTypeOf(site)).find((child) => idName(child).toLowerCase() === which);
}

/**
 * `publicNetworkAccess` of the site, and of its `config/web` (the same switch, as the site
 * config states it). `Disabled` on either blocks the default (public) endpoint, main and SCM
 * site alike. Absent or empty means Enabled: "If you've never configured the setting, the
 * default behavior is to enable access unless a private endpoint exists" (Learn, App Service
 * access restrictions). azscan does not read private endpoint connections, so a site that has
 * one and never set the property is read as Enabled.
 */
export function sitePublicNetworkAccess(resource: ArmResource): Setting<string> {
  const setting = readString(resource, 'properties.publicNetworkAccess', 'Enabled');
  return setting.value.trim() === '' ? { ...setting, value: 'Enabled', absent: true } : setting;
}

/** The first of the site's and its config's `publicNetworkAccess` that is Disabled, if any. */
export function publicAccessDisabledBy(site: ArmResource, config: ArmResource | undefined): Setting<string> | undefined {
  const bySite = sitePublicNetworkAccess(site);
  if (sameText(bySite.value, 'Disabled')) return bySite;
  if (!config) return undefined;
  const byConfig = sitePublicNetworkAccess(config);
  return sameText(byConfig.value, 'Disabled') ? byConfig : undefined;
}
