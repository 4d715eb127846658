import { EVENT_HUB_NAMESPACE_TYPE } from '../../src/inventory/arm-types.js';
import { reportTlsBelowMinimum, TLS_RULE_OPTIONS, type TlsRuleOptions } from '../shared/minimum-tls.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule<TlsRuleOptions>({
  id: 'AZ-EVH-002',
  name: 'eventhub-tls-below-1-2',
  title: 'Event Hubs namespace accepts TLS older than 1.2',
  severity: 'medium',
  service: 'eventhub',
  resourceTypes: [EVENT_HUB_NAMESPACE_TYPE],
  requires: [],
  description: 'The namespace\'s `minimumTlsVersion` is below 1.2 or not set; without it the namespace accepts TLS 1.0 and 1.1 from producers and consumers.',
  rationale:
    'Producers on the edge are updated rarely; a namespace that still accepts TLS 1.0 or 1.1 lets old clients keep using deprecated protocols, and lets a man-in-the-middle try to push connections down to them. Pinning 1.2 also shows which clients need upgrading before Azure retires the old versions for them.',
  remediation: {
    text: 'Set the namespace\'s minimum TLS version to 1.2 after checking that every client supports it.',
    az: 'az eventhubs namespace update --resource-group <resource-group> --name <namespace> --minimum-tls-version 1.2',
  },
  references: ['https://learn.microsoft.com/azure/event-hubs/transport-layer-security-enforce-minimum-version'],
  options: TLS_RULE_OPTIONS,
  compliance: { 'cis-azure-3.0': [], mcsb: ['DP-3'] },
  check(namespace, context) {
    reportTlsBelowMinimum(namespace, context, 'properties.minimumTlsVersion', 'Event Hubs namespace');
  },
});
