import { registryReach, registrySku } from '../../src/adapters/containerregistry.js';
import { evidence, sameText } from '../../src/adapters/setting.js';
import { CONTAINER_REGISTRY_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-ACR-003',
  name: 'acr-open-to-all-networks',
  title: 'Container registry reachable from all networks',
  severity: 'medium',
  service: 'containerregistry',
  resourceTypes: [CONTAINER_REGISTRY_TYPE],
  requires: [],
  description:
    'The registry\'s `publicNetworkAccess` is not Disabled (absent means Enabled) and its network rule set does not restrict it: `networkRuleSet.defaultAction` is Allow or absent (absent means Allow; Basic and Standard registries have no network rules at all), or an IP rule is a `/0`.',
  rationale:
    'A registry open to every network lets a leaked access key, token or stolen identity pull private images or push a poisoned one from anywhere. Restricting it to the networks of build agents and clusters turns a leaked credential into one that only works from inside.',
  remediation: {
    text: 'On Premium, add IP rules for build agents and consumers outside Azure and set the default action to Deny, or disable public network access and use private endpoints. Basic and Standard cannot restrict networks: upgrade to Premium first.',
    az: 'az acr update --name <registry> --default-action Deny',
  },
  references: ['https://learn.microsoft.com/azure/container-registry/container-registry-access-selected-networks', 'https://learn.microsoft.com/azure/container-registry/container-registry-private-link'],
  compliance: { 'cis-azure-3.0': [], mcsb: ['NS-2'] },
  check(registry, context) {
    const reach = registryReach(registry);
    if (reach.kind !== 'everyone') return;
    const access = `public network access ${reach.access.absent ? 'not set, which means Enabled' : reach.access.value}`;
    const accessNote = reach.access.absent ? 'not set; public network access is enabled' : undefined;
    if (reach.wideRule) {
      context.report({
        message: `Container registry '${registry.name}' accepts connections from all networks: ${access}, IP rule ${reach.wideRule.range} admits every address.`,
        evidence: [evidence(reach.access, accessNote), evidence(reach.defaultAction), { resourceId: registry.id, path: reach.wideRule.path, value: reach.wideRule.range, note: 'a /0 range admits every address' }],
      });
      return;
    }
    const sku = registrySku(registry);
    const premium = sameText(sku, 'Premium');
    context.report({
      message:
        `Container registry '${registry.name}' accepts connections from all networks: ${access}, default action ${reach.defaultAction.value}${reach.defaultAction.absent ? ' (not set)' : ''}` +
        (sku !== undefined && !premium ? `; the ${sku} SKU has no network rules.` : '.'),
      evidence: [evidence(reach.access, accessNote), evidence(reach.defaultAction, reach.defaultAction.absent ? 'not set; the default action is Allow' : undefined)],
    });
  },
});
