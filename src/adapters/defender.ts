import { PRICING_TYPE } from '../inventory/arm-types.js';
import type { ArmResource } from '../inventory/types.js';
import { readString, sameText, type Setting } from './setting.js';


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
