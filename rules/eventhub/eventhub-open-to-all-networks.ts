import { EVENT_HUB_NAMESPACE_TYPE, EVENT_HUB_NETWORK_RULE_SET_TYPE } from '../../src/inventory/arm-types.js';
import { eventHubPublicNetworkAccess, networkRules, ruleSetDefaultAction } from '../../src/adapters/eventhub.js';
import { isWholeInternetMask } from '../../src/adapters/addresses.js';
import { evidence, sameText } from '../../src/adapters/setting.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-EVH-003',
  name: 'eventhub-open-to-all-networks',
  title: 'Event Hubs namespace reachable from all networks',
  severity: 'medium',
  service: 'eventhub',
  resourceTypes: [EVENT_HUB_NAMESPACE_TYPE],
  requires: [EVENT_HUB_NETWORK_RULE_SET_TYPE],
  description:
    'The namespace\'s `publicNetworkAccess` is not Disabled (absent means Enabled) and its network rule set (`networkRuleSets/default`) lets every network in: its own `publicNetworkAccess` is not Disabled, and either its `defaultAction` is Allow (absent means Allow), or it is Deny with no IP rules and no virtual network rules — a Deny Event Hubs does not enforce — or an IP rule covers every address (`0.0.0.0/0`). A namespace without a rule set, where rule sets were read for every namespace, is reported too.',
  rationale:
    'Producers usually sit on known networks: devices behind a gateway, services in a virtual network. A namespace open to every network lets a leaked SAS key or token be used from anywhere to read the telemetry stream or inject fake events into it.',
  remediation: {
    text: 'Add IP rules for the producers\' and consumers\' addresses or virtual network rules for their subnets and set the default action to Deny, or disable public network access and use private endpoints.',
    az: 'az eventhubs namespace network-rule-set update --resource-group <resource-group> --namespace-name <namespace> --default-action Deny',
  },
  references: [
    'https://learn.microsoft.com/azure/event-hubs/event-hubs-ip-filtering',
    'https://learn.microsoft.com/azure/event-hubs/event-hubs-service-endpoints',
  ],
  compliance: { 'cis-azure-3.0': [], mcsb: ['NS-2'] },
  check(namespace, context) {
    const access = eventHubPublicNetworkAccess(namespace);
    if (sameText(access.value, 'Disabled')) return;
    const ruleSet = context.childOf(namespace, EVENT_HUB_NETWORK_RULE_SET_TYPE, 'default');
    if (!ruleSet) {
      context.report({
        message: `Event Hubs namespace '${namespace.name}' accepts connections from all networks: it has no network rule set.`,
        evidence: [
          evidence(access),
          { resourceId: `${namespace.id}/networkRuleSets/default`, path: 'properties.defaultAction', absent: true, note: 'network rule sets were read for every namespace and this one has none; without one every network is allowed' },
        ],
      });
      return;
    }
    const ruleSetAccess = eventHubPublicNetworkAccess(ruleSet);
    if (sameText(ruleSetAccess.value, 'Disabled')) return;
    const defaultAction = ruleSetDefaultAction(ruleSet);
    const namespaceAccess = `public network access ${access.absent ? 'not set, which means Enabled' : access.value}`;
    if (!sameText(defaultAction.value, 'Deny')) {
      // With Allow the rules are not enforced, so they need not be read.
      context.report({
        message: `Event Hubs namespace '${namespace.name}' accepts connections from all networks: ${namespaceAccess}, default action ${defaultAction.value}${defaultAction.absent ? ' (not set)' : ''}.`,
        evidence: [evidence(access), evidence(defaultAction, defaultAction.absent ? 'not set; the default action is Allow' : undefined)],
      });
      return;
    }
    const rules = networkRules(ruleSet);
    const wideMask = rules.ipMasks.find(isWholeInternetMask);
    const unenforced = rules.ipMasks.length === 0 && rules.virtualNetworkRules.value.length === 0;
    if (!unenforced && wideMask === undefined) return;
    context.report({
      message:
        `Event Hubs namespace '${namespace.name}' accepts connections from all networks: ${namespaceAccess}, ` +
        (unenforced ? 'default action Deny with no IP or virtual network rules, which Event Hubs does not enforce.' : `IP rule ${wideMask} admits every address.`),
      evidence: [
        evidence(access),
        evidence(defaultAction),
        evidence(rules.ipRules, rules.ipRules.absent ? 'no IP rules' : undefined),
        evidence(rules.virtualNetworkRules, rules.virtualNetworkRules.absent ? 'no virtual network rules' : undefined),
      ],
    });
  },
});
