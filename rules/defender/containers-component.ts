import { isPlanOn, pricingExtension, pricingIdOf, pricingTier } from '../../src/adapters/defender.js';
import { evidence } from '../../src/adapters/setting.js';
import { PRICING_TYPE } from '../../src/inventory/arm-types.js';
import type { ArmResource } from '../../src/inventory/types.js';
import type { RuleContext } from '../../src/model/rule.js';

/*
 * The body AZ-DEF-002 and AZ-DEF-003 share: each names one component (an extension) of the
 * Defender for Containers plan that must be on. A component of a plan that is off does not
 * run, so the plan being off fails the component too.
 */

const CONTAINERS = 'Containers';

/** A component of the Containers plan: its extension name and the name the portal gives it. */
export interface ContainersComponent {
  readonly extension: string;
  readonly label: string;
}

/** Reports the subscription when `component` of its Defender for Containers plan is not on. */
export function reportContainersComponentOff(subscription: ArmResource, context: RuleContext, component: ContainersComponent): void {
  const pricings = context.resourcesIn(subscription, PRICING_TYPE);
  const pricing = pricings.find((candidate) => candidate.name.toLowerCase() === CONTAINERS.toLowerCase());
  const off = `${component.label} is off in subscription '${subscription.name}'`;
  if (!pricing) {
    const id = pricingIdOf(subscription, CONTAINERS);
    context.report({
      resource: { id, type: PRICING_TYPE, name: CONTAINERS },
      message: `${off}: there is no '${CONTAINERS}' pricing, so the Defender for Containers plan is Free and none of its components run.`,
      evidence: [{ resourceId: id, path: 'properties.pricingTier', absent: true, note: 'pricings were read for the subscription and the Containers plan has none: Free' }],
    });
    return;
  }
  const resource = { id: pricing.id, type: pricing.type, name: pricing.name };
  const tier = pricingTier(pricing);
  if (!isPlanOn(tier)) {
    context.report({
      resource,
      message: `${off}: the Defender for Containers plan has ${tier.absent ? 'no pricingTier (read as Free)' : `tier '${tier.value}'`}, so none of its components run.`,
      evidence: [evidence(tier, tier.absent ? 'not set; the plan is not shown to be on, read as Free' : undefined)],
    });
    return;
  }
  const enabled = pricingExtension(pricing, component.extension);
  if (enabled.value) return;
  const why = !enabled.listed
    ? `the plan lists no '${component.extension}' extension, so it is not shown to be on`
    : enabled.absent
      ? `extension '${component.extension}' has no isEnabled, so it is not shown to be on`
      : `extension '${component.extension}' has isEnabled '${String(enabled.raw)}'`;
  context.report({
    resource,
    message: `${off}: ${why}.`,
    evidence: [evidence(enabled, enabled.listed ? 'not set; not shown to be on, read as off' : `no entry named '${component.extension}': not shown to be on, read as off`)],
  });
}
