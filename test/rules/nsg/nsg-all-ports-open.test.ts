import rule from '../../../rules/nsg/nsg-all-ports-open.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: {
    'one-port-denied-first': {},
    'udp-all-ports': {},
    'all-ports-from-vnet': {},
    'deny-all-before-allow-all': {},
  },
  fail: {
    'star-rule': { findings: [{ resource: '/networkSecurityGroups/nsg-star-rule', severity: 'critical', message: /'allow-any-any' \(priority 4096/ }] },
    'ranges-across-rules': { findings: [{ message: /'allow-low' \(priority 200, TCP 1-30000\), 'allow-high' \(priority 300, TCP 30001-65535\)/ }] },
    'plural-ranges-one-rule': { findings: [{ message: /'allow-split'/ }] },
    'attached-to-nothing-lowered': { findings: [{ severity: 'high', message: /The NSG is attached to no network interface, subnet or scale set/ }] },
  },
});
