import rule from '../../../rules/nsg/nsg-udp-open.js';
import { testRule } from '../rule-tester.js';

// These NSGs are attached to nothing the fixtures hold, so their findings are lowered one level (medium → low).
testRule(rule, {
  pass: { 'tcp-only': {}, 'udp-from-vnet': {}, 'udp-denied-first': {}, 'icmp-any-source': {} },
  fail: {
    'udp-all-ports': {
      findings: [
        {
          resource: '/networkSecurityGroups/nsg-udp/securityRules/allow-udp',
          severity: 'low',
          message: /^Security rule 'allow-udp' \(priority 100\) in NSG 'nsg-udp' admits the internet to UDP 0-65535\. The NSG is attached to no network interface, subnet or scale set/,
          evidencePaths: ['properties.securityRules[0].properties.sourceAddressPrefix', 'properties.securityRules[0].properties.protocol', 'properties.securityRules[0].properties.destinationPortRange'],
        },
      ],
    },
    'any-protocol-one-port': { findings: [{ resource: '/securityRules/allow-any-500', message: /admits the internet to UDP 500\./ }] },
    'partly-shadowed': { findings: [{ resource: '/securityRules/allow-udp-range', message: /admits the internet to UDP 100-122, 124-200; 123 blocked by 'deny-ntp' \(priority 100\)\./ }] },
    'two-rules': { findings: [{ resource: '/securityRules/allow-dns', message: /UDP 53\./ }, { resource: '/securityRules/allow-ipsec', message: /UDP 500, 4500\./ }] },
  },
  notEvaluated: {
    'port-malformed': { code: 'MalformedProperty', reason: /properties\.securityRules\[0\]\.properties\.destinationPortRange is 53/ },
    'nsg-list-forbidden': { code: 'AuthorizationFailed' },
  },
});
