import { EVENT_HUB_NAMESPACE_TYPE } from '../../src/inventory/arm-types.js';
import { namespaceLocalAuthDisabled } from '../../src/adapters/eventhub.js';
import { evidence } from '../../src/adapters/setting.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-EVH-001',
  name: 'eventhub-local-auth-enabled',
  title: 'Event Hubs namespace accepts shared access keys (SAS)',
  severity: 'medium',
  service: 'eventhub',
  resourceTypes: [EVENT_HUB_NAMESPACE_TYPE],
  requires: [],
  description:
    'The namespace\'s `disableLocalAuth` is false or not set (absent means false), so shared access signatures made from its authorization rules (such as `RootManageSharedAccessKey`) are accepted as well as Microsoft Entra ID.',
  rationale:
    'An Event Hubs namespace carries the telemetry stream of an IoT backend. A SAS key is a long-lived secret copied into producers, consumers and connection strings; `RootManageSharedAccessKey` can read, inject and manage everything in the namespace, and a leaked key works until it is rotated. Entra ID gives each producer and consumer its own identity, revocable on its own.',
  remediation: {
    text: 'Move producers and consumers to Microsoft Entra ID (managed identities with the Event Hubs Data Sender and Receiver roles), then disable local authentication.',
    az: 'az eventhubs namespace update --resource-group <resource-group> --name <namespace> --disable-local-auth true',
  },
  references: ['https://learn.microsoft.com/azure/event-hubs/authenticate-shared-access-signature'],
  compliance: { 'cis-azure-3.0': [], mcsb: ['IM-1'] },
  check(namespace, context) {
    const disabled = namespaceLocalAuthDisabled(namespace);
    if (disabled.value) return;
    context.report({
      message: `Event Hubs namespace '${namespace.name}' accepts shared access signature (SAS) authentication.`,
      evidence: [evidence(disabled, disabled.absent ? 'not set; local (SAS) authentication is enabled' : undefined)],
    });
  },
});
