import { isPlanOn, pricingIdOf, pricingSubPlan, pricingTier, type DefenderPlan } from '../../src/adapters/defender.js';
import type { ArmResource } from '../../src/inventory/types.js';
import type { RuleContext } from '../../src/model/rule.js';
import { PRICING_TYPE, SUBSCRIPTION_TYPE } from '../../src/inventory/arm-types.js';
import { evidence, sameText } from '../../src/adapters/setting.js';
import { readEach } from '../../src/model/not-evaluated.js';
import { defineRule } from '../../src/model/rule.js';

/**
 * The plans this rule requires, in the order CIS 3.1 lists them, each with the CIS control it
 * answers. `coveredBy` names a Servers sub-plan that includes the plan: Defender for DNS is part
 * of Defender for Servers Plan 2, and new subscriptions can no longer turn the legacy plan on.
 */
const PLANS: ReadonlyArray<DefenderPlan & { readonly cis: string; readonly coveredBy?: { readonly pricingName: string; readonly subPlan: string } }> = [
  { pricingName: 'VirtualMachines', label: 'Defender for Servers', cis: '3.1.3.1' },
  { pricingName: 'Containers', label: 'Defender for Containers', cis: '3.1.4.1' },
  { pricingName: 'StorageAccounts', label: 'Defender for Storage', cis: '3.1.5.1' },
  { pricingName: 'AppServices', label: 'Defender for App Service', cis: '3.1.6.1' },
  { pricingName: 'CosmosDbs', label: 'Defender for Azure Cosmos DB', cis: '3.1.7.1' },
  { pricingName: 'OpenSourceRelationalDatabases', label: 'Defender for open-source relational databases', cis: '3.1.7.2' },
  { pricingName: 'SqlServers', label: 'Defender for Azure SQL Databases', cis: '3.1.7.3' },
  { pricingName: 'SqlServerVirtualMachines', label: 'Defender for SQL servers on machines', cis: '3.1.7.4' },
  { pricingName: 'KeyVaults', label: 'Defender for Key Vault', cis: '3.1.8.1' },
  { pricingName: 'Arm', label: 'Defender for Resource Manager', cis: '3.1.9.1' },
  { pricingName: 'Dns', label: 'Defender for DNS', cis: '3.1.16', coveredBy: { pricingName: 'VirtualMachines', subPlan: 'P2' } },
];

export default defineRule({
  id: 'AZ-DEF-001',
  name: 'defender-plans-off',
  title: 'Microsoft Defender for Cloud plan off',
  severity: 'medium',
  service: 'defender',
  resourceTypes: [SUBSCRIPTION_TYPE],
  requires: [PRICING_TYPE],
  description:
    'One of the subscription\'s Microsoft Defender for Cloud plans that CIS 3.1 requires (Servers, Containers, Storage, App Service, Azure Cosmos DB, open-source relational databases, Azure SQL Databases, SQL servers on machines, Key Vault, Resource Manager, and the legacy DNS plan unless Servers Plan 2 includes it) has a `pricingTier` other than Standard, or is missing from the pricings read for the subscription (Free). One finding per plan that is off.',
  rationale:
    'The Defender plans are what turn unusual activity into an alert: an insider bulk-downloading the data lake or the database, a burst of Key Vault secret reads, a sign-in from an unusual place, a management operation from a Tor exit node. With a plan off, nothing watches that service for threats and the first sign of a breach comes from outside.',
  remediation: {
    text: 'Turn on the plan for the subscription (pricing tier Standard) in Defender for Cloud\'s environment settings, or with az security pricing create for each plan that is off.',
    az: 'az security pricing create --name <plan> --tier Standard',
  },
  references: [
    'https://learn.microsoft.com/azure/defender-for-cloud/defender-for-cloud-introduction',
    'https://learn.microsoft.com/azure/defender-for-cloud/connect-azure-subscription',
  ],
  compliance: { 'cis-azure-3.0': PLANS.map((plan) => plan.cis), mcsb: ['LT-1', 'ES-1'] },
  check(subscription, context) {
    const pricings = context.resourcesIn(subscription, PRICING_TYPE);
    for (const plan of PLANS) {
      // Each plan's finding answers its own plan's control, not the others'.
      const compliance = { 'cis-azure-3.0': [plan.cis] };
      const wanted = plan.pricingName.toLowerCase();
      const pricing = pricings.find((candidate) => candidate.name.toLowerCase() === wanted);
      // An off plan that another plan's sub-plan includes is not reported (nor is it when that
      // other pricing cannot be read: it might include it, and that is recorded instead).
      const covered = () => plan.coveredBy !== undefined && coveredBySubPlan(pricings, plan.coveredBy, context, compliance);
      if (!pricing) {
        if (covered()) continue;
        const id = pricingIdOf(subscription, plan.pricingName);
        context.report({
          resource: { id, type: PRICING_TYPE, name: plan.pricingName },
          message: `${plan.label} is off in subscription '${subscription.name}': there is no '${plan.pricingName}' pricing, which means the Free tier.`,
          compliance,
          evidence: [{ resourceId: id, path: 'properties.pricingTier', absent: true, note: 'pricings were read for the subscription and this plan has none: Free' }],
        });
        continue;
      }
      // One pricing azscan cannot read is recorded as such and does not hide the other plans.
      const [read] = readEach([pricing], pricingTier, { unreadable: (part) => context.unreadable({ ...part, compliance }) });
      if (!read) continue;
      const tier = read.value;
      if (isPlanOn(tier) || covered()) continue;
      context.report({
        resource: { id: pricing.id, type: pricing.type, name: pricing.name },
        message: `${plan.label} is off in subscription '${subscription.name}': pricing '${pricing.name}' has ${tier.absent ? 'no pricingTier (read as Free)' : `tier '${tier.value}'`}.`,
        compliance,
        evidence: [evidence(tier, tier.absent ? 'not set; the plan is not shown to be on, read as Free' : undefined)],
      });
    }
  },
});

/**
 * Whether the plan `coveredBy` names is on with the sub-plan that includes this one (Servers P2
 * includes DNS). When that pricing cannot be read, it is recorded as unread for this plan's
 * control, and the plan is treated as covered: it is neither failed nor passed.
 */
function coveredBySubPlan(pricings: readonly ArmResource[], coveredBy: { readonly pricingName: string; readonly subPlan: string }, context: RuleContext, compliance: { 'cis-azure-3.0': string[] }): boolean {
  const wanted = coveredBy.pricingName.toLowerCase();
  const covering = pricings.find((candidate) => candidate.name.toLowerCase() === wanted);
  if (!covering) return false;
  const [read] = readEach([covering], (pricing) => ({ tier: pricingTier(pricing), subPlan: pricingSubPlan(pricing) }), { unreadable: (part) => context.unreadable({ ...part, compliance }) });
  if (read === undefined) return true;
  return isPlanOn(read.value.tier) && sameText(read.value.subPlan.value, coveredBy.subPlan);
}
