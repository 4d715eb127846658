import { describe, expect, it } from 'vitest';
import rule from '../../../rules/keyvault/keyvault-secret-without-expiry.js';
import { cisControlsOf } from '../finding-controls.js';
import { testRule } from '../rule-tester.js';

const SECRETS = '/vaults/kv-fixture/secrets';

testRule(rule, {
  pass: { 'every-secret-expires': {}, 'disabled-secret-without-expiry': {} },
  fail: {
    'rbac-vault-secret-without-expiry': {
      findings: [
        {
          resource: `${SECRETS}/sql-password`,
          severity: 'medium',
          message: /^Secret 'sql-password' in Key Vault 'kv-fixture' \(an Azure RBAC vault\) is enabled and has no expiration date: it can be used for ever\.$/,
          evidencePaths: ['properties.attributes.exp', 'properties.attributes.enabled', 'properties.enableRbacAuthorization'],
        },
      ],
    },
    'access-policy-vault-secret-without-expiry': { findings: [{ resource: `${SECRETS}/sql-password`, message: /\(an access-policy vault\)/ }] },
    'enabled-absent-means-enabled': { findings: [{ resource: `${SECRETS}/sql-password` }] },
    'malformed-secret-beside-secret-without-expiry': {
      findings: [{ resource: `${SECRETS}/api-key` }],
      unread: [{ code: 'MalformedProperty', reason: /^'sql-password': properties\.attributes\.exp is \[1830297600\], expected a number$/ }],
    },
    'arm-example-list-secrets': { findings: [{ resource: '/vaults/sample-vault/secrets/secret-name' }, { resource: '/vaults/sample-vault/secrets/secret-name2' }] },
  },
  notApplicable: { 'no-secrets': { reason: /^the vault holds no secrets$/ } },
  notEvaluated: {
    'secrets-not-collected': { code: 'NotCollected', reason: /Microsoft\.KeyVault\/vaults\/secrets was not collected/ },
    'secrets-read-forbidden': { code: 'AuthorizationFailed' },
    'expiry-malformed': { code: 'MalformedProperty', reason: /properties\.attributes\.exp is true/ },
    'rbac-malformed': { code: 'MalformedProperty', reason: /properties\.enableRbacAuthorization is 1/ },
  },
});

describe('AZ-KV-005 answers the control of the vault\'s permission model', () => {
  it('3.3.3 for a secret in an Azure RBAC vault, 3.3.4 for one in an access-policy vault', () => {
    expect(cisControlsOf(rule, 'fail', 'rbac-vault-secret-without-expiry').findings).toEqual([['3.3.3']]);
    expect(cisControlsOf(rule, 'fail', 'access-policy-vault-secret-without-expiry').findings).toEqual([['3.3.4']]);
  });
});
