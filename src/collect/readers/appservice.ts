import { WEB_SITE_AUTH_SETTINGS_TYPE, WEB_SITE_CONFIG_TYPE, WEB_SITE_PUBLISHING_POLICY_TYPE, WEB_SITE_TYPE, WEB_SLOT_AUTH_SETTINGS_TYPE, WEB_SLOT_CONFIG_TYPE, WEB_SLOT_PUBLISHING_POLICY_TYPE, WEB_SLOT_TYPE } from '../../inventory/arm-types.js';
import { readArmPath, readArmPathOne } from '../read.js';
import { inSubscription, parentPath, subscriptionPath, under, type ArmRequest, type ResourceReader } from './reader.js';

/*
 * App Service and Functions, read by path at API 2024-04-01 (stable; WebApps.json), whose site,
 * SiteConfig and CsmPublishingCredentialsPoliciesEntity shapes the App Service adapter reads.
 * Sites' list responses carry `siteConfig` mostly null, so each site's and slot's `config/web`
 * is read on its own; basic publishing credentials policies (`ftp`, `scm`) with the list
 * operation `WebApps_ListBasicPublishingCredentialsPolicies` (and its `…Slot` form).
 *
 * App Service Authentication settings, `config/authsettingsV2` (WebApps_GetAuthSettingsV2, a GET;
 * never the POST `config/authsettings/list`), are read under a name of their own,
 * `Microsoft.Web/sites/config/authsettingsV2` (see WEB_SITE_AUTH_SETTINGS_TYPE): ARM types them
 * `Microsoft.Web/sites/config` like `config/web`, and the plan keeps one reader per name, so each
 * read is planned, collected and failed on its own, and only for the rules that need it. Their
 * identity providers may carry secrets; every property whose name says `secret` or `password`
 * is dropped before the response is kept.
 */
const API_VERSION = '2024-04-01';
const SITES: ArmRequest = { path: inSubscription(WEB_SITE_TYPE), apiVersion: API_VERSION };
const SLOTS: ArmRequest = { path: under(WEB_SITE_TYPE, 'slots'), apiVersion: API_VERSION };
const SITE_CONFIG: ArmRequest = { path: under(WEB_SITE_TYPE, 'config/web'), apiVersion: API_VERSION };
const SLOT_CONFIG: ArmRequest = { path: under(WEB_SLOT_TYPE, 'config/web'), apiVersion: API_VERSION };
const SITE_AUTH: ArmRequest = { path: under(WEB_SITE_TYPE, 'config/authsettingsV2'), apiVersion: API_VERSION };
const SLOT_AUTH: ArmRequest = { path: under(WEB_SLOT_TYPE, 'config/authsettingsV2'), apiVersion: API_VERSION };
const SITE_POLICIES: ArmRequest = { path: under(WEB_SITE_TYPE, 'basicPublishingCredentialsPolicies'), apiVersion: API_VERSION };
const SLOT_POLICIES: ArmRequest = { path: under(WEB_SLOT_TYPE, 'basicPublishingCredentialsPolicies'), apiVersion: API_VERSION };

/** A list under each parent of `parentType`. */
function listUnder(type: string, parentType: string, request: ArmRequest): ResourceReader {
  return {
    type,
    parentType,
    request,
    read: async (clients, _sub, parent, onPage) => readArmPath(await clients.armPipeline(), clients.endpoint, parentPath(request.path, parentType, parent), request.apiVersion, undefined, onPage),
  };
}

/** The one `config/web` or `config/authsettingsV2` of each parent of `parentType` (a GET, not a list), without secrets. */
function configUnder(type: string, parentType: string, request: ArmRequest): ResourceReader {
  return {
    type,
    parentType,
    request,
    read: async (clients, _sub, parent) => [withoutSecrets(await readArmPathOne(await clients.armPipeline(), clients.endpoint, parentPath(request.path, parentType, parent), request.apiVersion))],
  };
}

/** Matches property names that hold or point at a secret (`clientSecret`, `clientSecretSettingName`, `password`). */
const SECRET_NAME = /secret|password/i;

/** `value` without any property, at any depth, whose name matches SECRET_NAME: nothing secret-like reaches a snapshot. */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([name]) => !SECRET_NAME.test(name)).map(([name, inner]) => [name, withoutSecrets(inner)]));
}

export const APP_SERVICE_READERS: readonly ResourceReader[] = [
  {
    type: WEB_SITE_TYPE,
    request: SITES,
    read: async (clients, sub, _parent, onPage) => readArmPath(await clients.armPipeline(), clients.endpoint, subscriptionPath(SITES.path, sub), SITES.apiVersion, undefined, onPage),
  },
  listUnder(WEB_SLOT_TYPE, WEB_SITE_TYPE, SLOTS),
  configUnder(WEB_SITE_CONFIG_TYPE, WEB_SITE_TYPE, SITE_CONFIG),
  configUnder(WEB_SLOT_CONFIG_TYPE, WEB_SLOT_TYPE, SLOT_CONFIG),
  configUnder(WEB_SITE_AUTH_SETTINGS_TYPE, WEB_SITE_TYPE, SITE_AUTH),
  configUnder(WEB_SLOT_AUTH_SETTINGS_TYPE, WEB_SLOT_TYPE, SLOT_AUTH),
  listUnder(WEB_SITE_PUBLISHING_POLICY_TYPE, WEB_SITE_TYPE, SITE_POLICIES),
  listUnder(WEB_SLOT_PUBLISHING_POLICY_TYPE, WEB_SLOT_TYPE, SLOT_POLICIES),
];
