import { PRICING_TYPE } from '../inventory/arm-types.js';
import { isJsonObject, type ArmResource } from '../inventory/types.js';
import { MalformedProperty } from '../model/not-evaluated.js';
import { readBoolean, readList, readString, sameText, valueAt, type Setting } from './setting.js';


/** A Defender plan, by its pricing name, with the name the portal and CIS give it. */
export interface DefenderPlan {
  readonly pricingName: string;
  readonly label: string;
}

export function pricingIdOf(subscription: { readonly id: string }, pricingName: string): string {
  return `${subscription.id}/providers/${PRICING_TYPE}/${pricingName}`;
}

/**
 * `properties.pricingTier`: `Standard` means the plan is on, `Free` that it is off. The API
 * always sends it; a pricing without one is read as Free, since nothing shows it is on.
 */
export function pricingTier(pricing: ArmResource): Setting<string> {
  return readString(pricing, 'properties.pricingTier', 'Free');
}

/**
 * `properties.subPlan` (API 2023-01-01 on): `P1` or `P2` for Servers, `DefenderForStorageV2`
 * for Storage. Absent on plans without sub-plans and on Free plans: no sub-plan.
 */
export function pricingSubPlan(pricing: ArmResource): Setting<string | undefined> {
  return readString(pricing, 'properties.subPlan', undefined);
}

export function isPlanOn(tier: Setting<string>): boolean {
  return sameText(tier.value, 'Standard');
}

/**
 * One of a plan's `properties.extensions` (API 2023-01-01 on), by name: the Containers plan's
 * `AgentlessDiscoveryForKubernetes` and `ContainerRegistriesVulnerabilityAssessments`. Its
 * `isEnabled` is `"True"` or `"False"` (a string in the spec; a boolean is read the same). An
 * extension that is not listed, or listed without `isEnabled`, is not shown to be on: read as
 * off. Undefined `extensions` is none listed; anything but an array of named objects is malformed.
 */
export function pricingExtension(pricing: ArmResource, name: string): Setting<boolean> & { readonly listed: boolean } {
  const extensions = readList(valueAt(pricing.raw, 'properties.extensions'), 'properties.extensions');
  for (const [i, entry] of extensions.entries()) {
    if (!isJsonObject(entry) || typeof entry.name !== 'string') throw new MalformedProperty(`properties.extensions[${i}]`, 'an extension {"name", "isEnabled"}', entry);
    if (!sameText(entry.name, name)) continue;
    const path = `properties.extensions[${i}].isEnabled`;
    const raw = entry.isEnabled;
    if (raw === undefined || raw === null) return { value: false, resourceId: pricing.id, path, absent: true, raw, listed: true };
    const value = raw === true || (typeof raw === 'string' && sameText(raw, 'true')) ? true : raw === false || (typeof raw === 'string' && sameText(raw, 'false')) ? false : undefined;
    if (value === undefined) throw new MalformedProperty(path, '"True" or "False"', raw);
    return { value, resourceId: pricing.id, path, absent: false, raw, listed: true };
  }
  return { value: false, resourceId: pricing.id, path: 'properties.extensions', absent: true, raw: undefined, listed: false };
}

/**
 * `properties.autoProvision` of the subscription's `default` auto provisioning setting
 * (2017-08-01-preview): `On` or `Off`. Without the setting, or the property, auto provisioning is
 * off: it was never turned on (Learn, "Configure auto provisioning": it is off by default).
 */
export function autoProvision(setting: ArmResource): Setting<string> {
  return readString(setting, 'properties.autoProvision', 'Off');
}

/**
 * `properties.enabled` of a Defender for Cloud setting such as `MCAS` or `WDATP` (2022-05-01,
 * kind `DataExportSettings`). ARM lists every setting with its value; one without `enabled` is
 * not shown to be on, and is read as off.
 */
export function integrationEnabled(setting: ArmResource): Setting<boolean> {
  return readBoolean(setting, 'properties.enabled', false);
}
