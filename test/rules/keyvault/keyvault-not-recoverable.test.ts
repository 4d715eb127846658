import rule from '../../../rules/keyvault/keyvault-not-recoverable.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'soft-delete-and-purge-protection': {}, 'values-as-strings': {} },
  fail: {
    'purge-protection-absent': {
      findings: [{ resource: '/vaults/kv-fixture', severity: 'medium', message: /^Key Vault 'kv-fixture' has no purge protection: deleted keys and secrets can be purged at once\.$/, evidencePaths: ['properties.enablePurgeProtection'] }],
    },
    'purge-protection-false': { findings: [{ severity: 'medium', message: /no purge protection/ }] },
    'soft-delete-off': {
      findings: [{ severity: 'high', message: /has no soft delete and no purge protection: a deleted key, secret or the vault itself cannot be recovered\.$/, evidencePaths: ['properties.enableSoftDelete', 'properties.enablePurgeProtection'] }],
    },
    'both-absent': { findings: [{ severity: 'high', message: /no soft delete and no purge protection/ }] },
  },
  notEvaluated: {
    'soft-delete-malformed': { code: 'MalformedProperty', reason: /enableSoftDelete is "on"/ },
    'purge-protection-malformed': { code: 'MalformedProperty', reason: /enablePurgeProtection is 1/ },
    'vault-list-forbidden': { code: 'AuthorizationFailed' },
  },
});
