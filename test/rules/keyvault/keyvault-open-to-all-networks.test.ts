import rule from '../../../rules/keyvault/keyvault-open-to-all-networks.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'public-access-disabled': {}, 'public-access-disabled-overrides-allow': {}, 'firewall-denies-by-default': {}, 'firewall-denies-lowercase': {} },
  fail: {
    'no-network-acls': {
      findings: [{ resource: '/vaults/kv-fixture', message: /^Key Vault 'kv-fixture' accepts requests from all networks \(public network access not set, which means enabled, default network action Allow, no firewall rules set\)\.$/, evidencePaths: ['properties.publicNetworkAccess', 'properties.networkAcls.defaultAction'] }],
    },
    'enabled-default-allow': { findings: [{ message: /\(public network access Enabled, default network action Allow\)\.$/ }] },
  },
  notEvaluated: {
    'default-action-malformed': { code: 'MalformedProperty', reason: /networkAcls\.defaultAction is \["Deny"\]/ },
    'public-access-malformed': { code: 'MalformedProperty', reason: /publicNetworkAccess is 0/ },
  },
});
