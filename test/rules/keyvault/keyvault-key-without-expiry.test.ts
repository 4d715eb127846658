import { describe, expect, it } from 'vitest';
import rule from '../../../rules/keyvault/keyvault-key-without-expiry.js';
import { cisControlsOf } from '../finding-controls.js';
import { testRule } from '../rule-tester.js';

const KEYS = '/vaults/kv-fixture/keys';

testRule(rule, {
  pass: { 'every-key-expires': {}, 'disabled-key-without-expiry': {}, 'enabled-as-string': {} },
  fail: {
    'rbac-vault-key-without-expiry': {
      findings: [
        {
          resource: `${KEYS}/cmk-storage`,
          severity: 'medium',
          message: /^Key 'cmk-storage' in Key Vault 'kv-fixture' \(an Azure RBAC vault\) is enabled and has no expiration date: it can be used for ever\.$/,
          evidencePaths: ['properties.attributes.exp', 'properties.attributes.enabled', 'properties.enableRbacAuthorization'],
        },
      ],
    },
    'access-policy-vault-key-without-expiry': { findings: [{ resource: `${KEYS}/cmk-storage`, message: /\(an access-policy vault\)/ }] },
    'rbac-absent-is-access-policies': { findings: [{ message: /\(an access-policy vault \(enableRbacAuthorization not set\)\)/ }] },
    'enabled-absent-means-enabled': { findings: [{ resource: `${KEYS}/cmk-storage` }] },
    'one-of-two-keys': { findings: [{ resource: `${KEYS}/signing` }] },
    'malformed-key-beside-key-without-expiry': {
      findings: [{ resource: `${KEYS}/signing` }],
      unread: [{ code: 'MalformedProperty', reason: /^'cmk-storage': properties\.attributes\.exp is "2028-01-01", expected a number$/ }],
    },
    'arm-example-list-keys': { findings: [{ resource: '/vaults/sample-vault-name/keys/sample-key-name-1' }, { resource: '/vaults/sample-vault-name/keys/sample-key-name-2' }] },
  },
  notApplicable: { 'no-keys': { reason: /^the vault holds no keys$/ } },
  notEvaluated: {
    'keys-not-collected': { code: 'NotCollected', reason: /Microsoft\.KeyVault\/vaults\/keys was not collected/ },
    'keys-read-forbidden': { code: 'AuthorizationFailed' },
    'expiry-malformed': { code: 'MalformedProperty', reason: /properties\.attributes\.exp is "2028-01-01"/ },
    'enabled-malformed': { code: 'MalformedProperty', reason: /properties\.attributes\.enabled is "yes"/ },
    'rbac-malformed': { code: 'MalformedProperty', reason: /properties\.enableRbacAuthorization is "yes"/ },
  },
});

describe('AZ-KV-004 answers the control of the vault\'s permission model', () => {
  it('3.3.1 for a key in an Azure RBAC vault, 3.3.2 for one in an access-policy vault', () => {
    expect(cisControlsOf(rule, 'fail', 'rbac-vault-key-without-expiry').findings).toEqual([['3.3.1']]);
    expect(cisControlsOf(rule, 'fail', 'access-policy-vault-key-without-expiry').findings).toEqual([['3.3.2']]);
    expect(cisControlsOf(rule, 'fail', 'rbac-absent-is-access-policies').findings).toEqual([['3.3.2']]);
  });

  it('a key that cannot be read leaves only its vault\'s control not evaluated', () => {
    expect(cisControlsOf(rule, 'fail', 'malformed-key-beside-key-without-expiry')).toEqual({ findings: [['3.3.1']], notEvaluated: [['3.3.1']] });
  });
});
