import rule from '../../../rules/nsg/nsg-mqtt-open.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: {
    'mqtt-from-device-network': {},
    'mqtt-denied-first': {},
  },
  fail: {
    'plaintext-1883': { findings: [{ severity: 'high', message: /TCP 1883 \(MQTT\)\.$/ }] },
    'tls-8883-only': { findings: [{ severity: 'low', message: /TCP 8883 \(MQTT over TLS\)\.$/ }] },
    'both-ports-one-rule': { findings: [{ severity: 'high', message: /1883 \(MQTT\), 8883 \(MQTT over TLS\)/ }] },
    'both-ports-two-rules': {
      findings: [
        { resource: '/securityRules/allow-mqtt', severity: 'high' },
        { resource: '/securityRules/allow-mqtts', severity: 'low' },
      ],
    },
    'plaintext-blocked-tls-open': { findings: [{ severity: 'low', message: /8883 \(MQTT over TLS\); 1883 blocked by 'deny-mqtt'/ }] },
  },
});
