import { AUTO_PROVISIONING_SETTING_TYPE, PRICING_TYPE, SECURITY_CONTACT_TYPE, SECURITY_SETTING_TYPE } from '../../inventory/arm-types.js';
import { readArmPath } from '../read.js';
import { inSubscription, subscriptionPath, type ArmRequest, type ResourceReader } from './reader.js';

/**
 * Defender plans, read by path at 2024-01-01: @azure/arm-security 5.0.0 sends 2022-03-01, whose
 * pricings have no `extensions` (the Containers plan's agentless discovery and vulnerability
 * assessment came with 2023-01-01). One list per subscription, returned whole (`{ value }`).
 */
const PRICINGS: ArmRequest = { path: inSubscription(PRICING_TYPE), apiVersion: '2024-01-01' };

/** Auto provisioning settings: the spec has this one (preview) version only. */
const AUTO_PROVISIONING: ArmRequest = { path: inSubscription(AUTO_PROVISIONING_SETTING_TYPE), apiVersion: '2017-08-01-preview' };

/** Defender for Cloud's integrations (`MCAS`, `WDATP`, `Sentinel`), at the stable version whose settings carry `enabled`. */
const SETTINGS: ArmRequest = { path: inSubscription(SECURITY_SETTING_TYPE), apiVersion: '2022-05-01' };

/**
 * The security contact, at the version of its current shape (`emails`, `notificationsByRole`,
 * `notificationsSources`), the one the portal writes; 2020-01-01-preview's `alertNotifications`
 * is gone from it.
 */
const CONTACTS: ArmRequest = { path: inSubscription(SECURITY_CONTACT_TYPE), apiVersion: '2023-12-01-preview' };

/** A subscription-wide list read by path through the scan's ARM pipeline. */
function subscriptionList(type: string, request: ArmRequest): ResourceReader {
  return {
    type,
    request,
    read: async (clients, sub) => readArmPath(await clients.armPipeline(), clients.endpoint, subscriptionPath(request.path, sub), request.apiVersion, request.query),
  };
}

export const SECURITY_READERS: readonly ResourceReader[] = [
  subscriptionList(PRICING_TYPE, PRICINGS),
  subscriptionList(AUTO_PROVISIONING_SETTING_TYPE, AUTO_PROVISIONING),
  subscriptionList(SECURITY_SETTING_TYPE, SETTINGS),
  subscriptionList(SECURITY_CONTACT_TYPE, CONTACTS),
];
