import { evidence } from '../../src/adapters/setting.js';
import { IOT_HUB_TYPE } from '../../src/inventory/arm-types.js';
import { localAuthDisabled } from '../../src/adapters/iothub.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-IOT-001',
  name: 'iothub-shared-access-keys-enabled',
  title: 'IoT Hub accepts shared access keys (SAS)',
  severity: 'medium',
  service: 'iothub',
  resourceTypes: [IOT_HUB_TYPE],
  requires: [],
  description: 'The hub\'s `disableLocalAuth` is not true, so shared access policies and device SAS keys are accepted as well as Microsoft Entra ID and X.509.',
  rationale:
    'Shared access keys are long-lived secrets that get copied into firmware, scripts and connection strings; a hub-level policy key such as `iothubowner` controls every device. IoT backends keep being breached through shared keys; Entra ID for services and X.509 certificates for devices can be revoked one identity at a time.',
  remediation: {
    text: 'Move service clients to Microsoft Entra ID and devices to X.509 certificates, then disable local (SAS) authentication.',
    az: 'az iot hub update --name <hub> --set properties.disableLocalAuth=true',
  },
  references: ['https://learn.microsoft.com/azure/iot-hub/authenticate-authorize-azure-ad'],
  compliance: { 'cis-azure-3.0': [], mcsb: ['IM-1'] },
  check(hub, context) {
    const disabled = localAuthDisabled(hub);
    if (disabled.value) return;
    context.report({
      message: `IoT hub '${hub.name}' accepts shared access key (SAS) authentication.`,
      evidence: [evidence(disabled, disabled.absent ? 'not set; local (SAS) authentication is enabled' : undefined)],
    });
  },
});
