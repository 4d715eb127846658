import { AUTO_PROVISIONING_SETTING_TYPE, PRICING_TYPE, SECURITY_ASSESSMENT_TYPE, SECURITY_CONTACT_TYPE, SECURITY_SETTING_TYPE, SYSTEM_UPDATES_ASSESSMENT_KEYS, SYSTEM_UPDATES_ASSESSMENT_READ } from '../../inventory/arm-types.js';
import { isJsonObject } from '../../inventory/types.js';
import { readArmPath, ReadFailure } from '../read.js';
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

/**
 * Defender for Cloud's assessments, at 2021-06-01 (stable; assessments.json, example
 * Assessments/ListAssessments_example.json): `{ id: "<resourceId>/providers/Microsoft.Security/assessments/<key>",
 * name: "<key>", properties: { resourceDetails, displayName, status: { code, cause?, description? } } }`.
 * ARM lists every assessment of every resource in the subscription, with no server-side filter,
 * so the list is paged through and only the system-updates assessments are kept: a snapshot
 * holds a few per machine, not every recommendation's result for every resource. The read has
 * a name of its own (SYSTEM_UPDATES_ASSESSMENT_READ) so that `collected` never claims every
 * assessment was read, and `only` says so in `azscan collect --plan`.
 */
const SYSTEM_UPDATES_ASSESSMENTS: ArmRequest = {
  path: inSubscription(SECURITY_ASSESSMENT_TYPE),
  apiVersion: '2021-06-01',
  only: `the system-updates assessments, by name (${SYSTEM_UPDATES_ASSESSMENT_KEYS.join(', ')}): the others listed are dropped`,
};

const SYSTEM_UPDATES_KEYS = new Set(SYSTEM_UPDATES_ASSESSMENT_KEYS);

/** Whether a listed assessment is one of the system-updates recommendation's, by its name (the assessment key). */
function isSystemUpdatesAssessment(item: unknown): boolean {
  return isJsonObject(item) && typeof item.name === 'string' && SYSTEM_UPDATES_KEYS.has(item.name.toLowerCase());
}

/** A subscription-wide list read by path through the scan's ARM pipeline. */
function subscriptionList(type: string, request: ArmRequest): ResourceReader {
  return {
    type,
    request,
    read: async (clients, sub, _parent, onPage) => readArmPath(await clients.armPipeline(), clients.endpoint, subscriptionPath(request.path, sub), request.apiVersion, request.query, onPage),
  };
}

export const SECURITY_READERS: readonly ResourceReader[] = [
  subscriptionList(PRICING_TYPE, PRICINGS),
  subscriptionList(AUTO_PROVISIONING_SETTING_TYPE, AUTO_PROVISIONING),
  subscriptionList(SECURITY_SETTING_TYPE, SETTINGS),
  subscriptionList(SECURITY_CONTACT_TYPE, CONTACTS),
  {
    type: SYSTEM_UPDATES_ASSESSMENT_READ,
    request: SYSTEM_UPDATES_ASSESSMENTS,
    read: async (clients, sub) => {
      const pipeline = await clients.armPipeline();
      try {
        const all = await readArmPath(pipeline, clients.endpoint, subscriptionPath(SYSTEM_UPDATES_ASSESSMENTS.path, sub), SYSTEM_UPDATES_ASSESSMENTS.apiVersion);
        return all.filter(isSystemUpdatesAssessment);
      } catch (error) {
        // The pages read before a failure are kept in the snapshot: filtered like a whole list.
        if (error instanceof ReadFailure) throw new ReadFailure(error.code, error.message, error.partial.filter(isSystemUpdatesAssessment));
        throw error;
      }
    },
  },
];
