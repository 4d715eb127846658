import { NSG_RULE_FIX, tcpPortExposureRule, type PortRuleOptions } from './port-exposure.js';
import { defineRule } from '../../src/model/rule.js';
import { SENSITIVE_PORTS, type ServicePort } from '../../src/model/sensitive-ports.js';

// A rule that exposes 1883 is a plaintext broker whatever else it opens (the rule's own
// severity); 8883 alone is a broker to review, reported low.
const severityFor = (exposed: readonly ServicePort[]) => (exposed.some((port) => port.from === 1883) ? undefined : 'low' as const);

export default defineRule<PortRuleOptions>({
  ...tcpPortExposureRule([...SENSITIVE_PORTS.mqttPlaintext, ...SENSITIVE_PORTS.mqttTls], severityFor),
  id: 'AZ-NSG-003',
  name: 'nsg-mqtt-open',
  title: 'MQTT broker open to the internet',
  severity: 'high',
  service: 'nsg',
  description:
    'An inbound security rule admits the internet to MQTT over TCP: 1883 (plaintext) is reported at high severity; 8883 (MQTT over TLS) alone is reported at low severity, as a broker to review.',
  rationale:
    'Self-hosted MQTT brokers are often deployed with anonymous access and without TLS on 1883: anyone on the internet can subscribe to every device topic or publish commands to devices. A broker on 8883 encrypts traffic but still needs authentication and authorization to be checked.',
  remediation: {
    text: 'Close 1883 to the internet; serve devices on 8883 with TLS and per-device credentials or client certificates, or use a managed broker (IoT Hub, Event Grid MQTT) with its own authentication.',
    az: NSG_RULE_FIX,
  },
  references: [
    'https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview',
    'https://learn.microsoft.com/azure/iot/iot-mqtt-connect-to-iot-hub',
  ],
  compliance: { 'cis-azure-3.0': [], mcsb: ['NS-1', 'NS-8'] },
});
