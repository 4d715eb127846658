import { IOT_HUB_TYPE } from '../../src/inventory/arm-types.js';
import { reportTlsBelowMinimum, TLS_RULE_OPTIONS, type TlsRuleOptions } from '../shared/minimum-tls.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule<TlsRuleOptions>({
  id: 'AZ-IOT-003',
  name: 'iothub-tls-below-1-2',
  title: 'IoT Hub accepts TLS older than 1.2',
  severity: 'medium',
  service: 'iothub',
  resourceTypes: [IOT_HUB_TYPE],
  requires: [],
  description: 'The hub\'s `minTlsVersion` is below 1.2 or not set; without it the hub accepts TLS 1.0 and 1.1 from devices and services.',
  rationale: 'Devices live for years and are rarely updated; a hub that accepts old TLS lets weak clients (and downgrade attacks) persist. IoT Hub can only be pinned to TLS 1.2 when the hub is created.',
  remediation: {
    text: 'Create a hub with a minimum TLS version of 1.2 and migrate devices to it (the setting cannot be changed on an existing hub); Azure is retiring TLS 1.0/1.1 support for IoT Hub.',
    az: 'az iot hub create --resource-group <resource-group> --name <new-hub> --sku S1 --min-tls-version 1.2',
  },
  references: ['https://learn.microsoft.com/azure/iot-hub/iot-hub-tls-support'],
  options: TLS_RULE_OPTIONS,
  compliance: { 'cis-azure-3.0': [], mcsb: ['DP-3'] },
  check(hub, context) {
    reportTlsBelowMinimum(hub, context, 'properties.minTlsVersion', 'IoT hub');
  },
});
