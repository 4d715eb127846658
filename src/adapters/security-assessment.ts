import { parseArmId } from '../inventory/arm-id.js';
import { SECURITY_ASSESSMENT_TYPE, SYSTEM_UPDATES_ASSESSMENT_KEYS } from '../inventory/arm-types.js';
import type { Inventory } from '../inventory/inventory.js';
import type { ArmResource } from '../inventory/types.js';
import { MalformedProperty } from '../model/not-evaluated.js';
import { valueAt, type Setting } from './setting.js';

/**
 * Defender for Cloud assessments (`Microsoft.Security/assessments`, API 2021-06-01): one per
 * recommendation per assessed resource, an extension resource of that resource, named by the
 * recommendation's assessment key.
 */

/** The codes of `properties.status.code` (AssessmentStatus in assessments.json, 2021-06-01). */
export type AssessmentStatusCode = 'Healthy' | 'Unhealthy' | 'NotApplicable';
const STATUS_CODES: readonly AssessmentStatusCode[] = ['Healthy', 'Unhealthy', 'NotApplicable'];

const SYSTEM_UPDATES_KEYS = new Set(SYSTEM_UPDATES_ASSESSMENT_KEYS);

/** Whether `assessment` is a result of a system-updates recommendation (by its name, the assessment key). */
export function isSystemUpdatesAssessment(assessment: ArmResource): boolean {
  return SYSTEM_UPDATES_KEYS.has(assessment.name.toLowerCase());
}

/**
 * The system-updates assessments of the subscription with id `subscriptionId` in `inventory`,
 * in id order, whichever read brought them: the caller checks first that the subscription's system-updates
 * assessments were read (`context.resourcesIn(subscription, SYSTEM_UPDATES_ASSESSMENT_READ)`),
 * since a named read's resources keep ARM's type and are found by it, not by the read's name.
 */
export function systemUpdatesAssessmentsIn(inventory: Inventory, subscriptionId: string | undefined): ArmResource[] {
  const wanted = subscriptionId?.toLowerCase();
  // By id, so that a report does not depend on the order ARM listed them in.
  return inventory
    .ofType(SECURITY_ASSESSMENT_TYPE)
    .filter((assessment) => assessment.subscriptionId?.toLowerCase() === wanted && isSystemUpdatesAssessment(assessment))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * `properties.status.code`, in its canonical spelling. The API requires it (`status` and its
 * `code` are required in assessments.json), so there is no default: absent, not a string or not
 * one of the three codes is malformed, never read as healthy.
 */
export function assessmentStatus(assessment: ArmResource): Setting<AssessmentStatusCode> {
  const path = 'properties.status.code';
  const raw = valueAt(assessment.raw, path);
  const value = typeof raw === 'string' ? STATUS_CODES.find((code) => code.toLowerCase() === raw.toLowerCase()) : undefined;
  if (value === undefined) throw new MalformedProperty(path, STATUS_CODES.join(', ').replace(/, (?=[^,]*$)/, ' or '), raw);
  return { value, resourceId: assessment.id, path, absent: false, raw };
}

/** `properties.status.cause` and `.description`, when ARM sends them: why the status is what it is. */
export function assessmentStatusCause(assessment: ArmResource): string | undefined {
  const parts = ['properties.status.cause', 'properties.status.description'].map((path) => valueAt(assessment.raw, path)).filter((part): part is string => typeof part === 'string' && part !== '');
  return parts.length === 0 ? undefined : parts.join(': ');
}

/** The assessed resource: the scope the assessment's id extends (`<resourceId>/providers/Microsoft.Security/assessments/<key>`). */
export function assessedResource(assessment: ArmResource): { readonly id: string; readonly type: string; readonly name: string } {
  const id = parseArmId(assessment.id).parentId ?? assessment.id;
  const parsed = parseArmId(id);
  return { id, type: parsed.type ?? 'Microsoft.Resources/subscriptions', name: parsed.name ?? id };
}
