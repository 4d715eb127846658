import rule from '../../../rules/nsg/nsg-management-port-open.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: {
    'no-custom-rules': {},
    'deny-shadows-allow': {},
    'several-denies-block-one-allow': {},
    'source-not-internet': {},
    'outbound-allow-all': {},
    'udp-only': {},
    'icmp-only': {},
    'ranges-around-management-ports': {},
    'malformed-outbound-rule-ignored': {},
    'arm-example-nsg-get': {},
    'arm-example-nsg-list-all': {},
  },
  fail: {
    'internet-tag-lowercase': { findings: [{ resource: '/securityRules/allow-ssh', message: /TCP 22 \(SSH\)\.$/, severity: 'high' }] },
    'plural-prefixes-and-ports': {
      findings: [
        {
          resource: '/securityRules/allow-admin',
          message: /TCP 3389 \(RDP\), 5985 \(WinRM\), 5986 \(WinRM over TLS\)\.$/,
          evidencePaths: ['properties.securityRules[0].properties.sourceAddressPrefixes[1]', 'properties.securityRules[0].properties.destinationPortRanges'],
        },
      ],
    },
    'range-covering-ssh': { findings: [{ message: /TCP 22 \(SSH\)\.$/ }] },
    'star-protocol-star-port': { findings: [{ message: /22 \(SSH\), 3389 \(RDP\), 5985 \(WinRM\), 5986 \(WinRM over TLS\)/ }] },
    'deny-at-lower-priority-does-not-block': { findings: [{ resource: '/securityRules/allow-ssh', message: /priority 100/ }] },
    'deny-on-ssh-leaves-other-ports': {
      findings: [{ resource: '/securityRules/allow-all', message: /TCP 3389 \(RDP\), 5985 \(WinRM\), 5986 \(WinRM over TLS\); 22 blocked by 'deny-ssh' \(priority 100\)\.$/ }],
    },
    'each-port-attributed-to-deciding-rule': {
      findings: [
        { resource: '/securityRules/allow-ssh', message: /TCP 22 \(SSH\)\.$/ },
        { resource: '/securityRules/allow-all', message: /TCP 3389 \(RDP\), 5985 \(WinRM\), 5986 \(WinRM over TLS\)\.$/ },
      ],
    },
    'ipv6-any-source': { findings: [{ message: /3389 \(RDP\)/ }] },
    'udp-deny-does-not-block-tcp': { findings: [{ resource: '/securityRules/allow-tcp' }] },
    'deny-from-specific-address-does-not-block': { findings: [{ resource: '/securityRules/allow-ssh' }] },
    'reachable-through-public-ip-raised': {
      findings: [{ resource: '/securityRules/allow-ssh', severity: 'critical', message: /TCP 22 \(SSH\)\. Reachable from the internet: 20\.1\.1\.1 \(vm-jump-pip\) → vm-jump-nic \(10\.9\.1\.4\) → nsg-jump allowed by allow-ssh \(priority 100\).* → VM vm-jump\.$/ }],
    },
    // The NAT rule to SSH is blocked on the instances; RDP is open on a scale set's model with no
    // instances yet (attached all the same); SSH on an NSG nothing uses is lowered.
    'scale-set-model-nsg-not-lowered': {
      findings: [
        { resource: '/networkSecurityGroups/nsg-idle/securityRules/allow-rdp', severity: 'high', message: /TCP 3389 \(RDP\)\.$/ },
        { resource: '/networkSecurityGroups/nsg-orphan/securityRules/allow-ssh', severity: 'medium', message: /attached to no network interface, subnet or scale set/ },
      ],
    },
    'reachable-through-load-balancer-nat-raised': {
      findings: [{ resource: '/securityRules/allow-ssh', severity: 'critical', message: /Reachable from the internet: 20\.1\.1\.4 \(lbe-ingest-pip\) → load balancer lbe-ingest TCP 50022 → 22 \(NAT rule nat-ssh-broker1\)/ }],
    },
  },
  notEvaluated: {
    'malformed-port': { code: 'MalformedProperty', reason: /destinationPortRange is "ssh"/ },
    'missing-priority': { code: 'MalformedProperty', reason: /priority/ },
  },
});
