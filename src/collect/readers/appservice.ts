import { WEB_SITE_CONFIG_TYPE, WEB_SITE_PUBLISHING_POLICY_TYPE, WEB_SITE_TYPE, WEB_SLOT_CONFIG_TYPE, WEB_SLOT_PUBLISHING_POLICY_TYPE, WEB_SLOT_TYPE } from '../../inventory/arm-types.js';
import { readArmPath, readArmPathOne } from '../read.js';
import { inSubscription, parentPath, subscriptionPath, under, type ArmRequest, type ResourceReader } from './reader.js';

/*
 * App Service and Functions, read by path at API 2024-04-01 (stable; WebApps.json), whose site,
 * SiteConfig and CsmPublishingCredentialsPoliciesEntity shapes the App Service adapter reads.
 * Sites' list responses carry `siteConfig` mostly null, so each site's and slot's `config/web`
 * is read on its own; basic publishing credentials policies (`ftp`, `scm`) with the list
 * operation `WebApps_ListBasicPublishingCredentialsPolicies` (and its `…Slot` form).
 */
const API_VERSION = '2024-04-01';
const SITES: ArmRequest = { path: inSubscription(WEB_SITE_TYPE), apiVersion: API_VERSION };
const SLOTS: ArmRequest = { path: under(WEB_SITE_TYPE, 'slots'), apiVersion: API_VERSION };
const SITE_CONFIG: ArmRequest = { path: under(WEB_SITE_TYPE, 'config/web'), apiVersion: API_VERSION };
const SLOT_CONFIG: ArmRequest = { path: under(WEB_SLOT_TYPE, 'config/web'), apiVersion: API_VERSION };
const SITE_POLICIES: ArmRequest = { path: under(WEB_SITE_TYPE, 'basicPublishingCredentialsPolicies'), apiVersion: API_VERSION };
const SLOT_POLICIES: ArmRequest = { path: under(WEB_SLOT_TYPE, 'basicPublishingCredentialsPolicies'), apiVersion: API_VERSION };

/** A list under each parent of `parentType`. */
function listUnder(type: string, parentType: string, request: ArmRequest): ResourceReader {
  return {
    type,
    parentType,
    request,
    read: async (clients, _sub, parent) => readArmPath(await clients.armPipeline(), clients.endpoint, parentPath(request.path, parentType, parent), request.apiVersion),
  };
}

/** The one `config/web` of each parent of `parentType` (a GET, not a list). */
function webConfigUnder(type: string, parentType: string, request: ArmRequest): ResourceReader {
  return {
    type,
    parentType,
    request,
    read: async (clients, _sub, parent) => [await readArmPathOne(await clients.armPipeline(), clients.endpoint, parentPath(request.path, parentType, parent), request.apiVersion)],
  };
}

export const APP_SERVICE_READERS: readonly ResourceReader[] = [
  {
    type: WEB_SITE_TYPE,
    request: SITES,
    read: async (clients, sub) => readArmPath(await clients.armPipeline(), clients.endpoint, subscriptionPath(SITES.path, sub), SITES.apiVersion),
  },
  listUnder(WEB_SLOT_TYPE, WEB_SITE_TYPE, SLOTS),
  webConfigUnder(WEB_SITE_CONFIG_TYPE, WEB_SITE_TYPE, SITE_CONFIG),
  webConfigUnder(WEB_SLOT_CONFIG_TYPE, WEB_SLOT_TYPE, SLOT_CONFIG),
  listUnder(WEB_SITE_PUBLISHING_POLICY_TYPE, WEB_SITE_TYPE, SITE_POLICIES),
  listUnder(WEB_SLOT_PUBLISHING_POLICY_TYPE, WEB_SLOT_TYPE, SLOT_POLICIES),
];
