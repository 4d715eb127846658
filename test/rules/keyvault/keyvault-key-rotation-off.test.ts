import rule from '../../../rules/keyvault/keyvault-key-rotation-off.js';
import { testRule } from '../rule-tester.js';

const KEYS = '/vaults/kv-fixture/keys';

testRule(rule, {
  pass: { 'rotate-action': {}, 'rotate-capitalised': {}, 'disabled-key-without-policy': {} },
  fail: {
    'no-rotation-policy': {
      findings: [{ resource: `${KEYS}/cmk-storage`, severity: 'low', message: /^Key 'cmk-storage' in Key Vault 'kv-fixture' has no rotation policy action: it is never rotated automatically\.$/, evidencePaths: ['properties.rotationPolicy.lifetimeActions'] }],
    },
    'notify-only': { findings: [{ message: /has a rotation policy that does not rotate \(actions: notify\)\.$/ }] },
    'policy-without-actions': { findings: [{ message: /has no rotation policy action/ }] },
    'malformed-key-beside-unrotated-key': {
      findings: [{ resource: `${KEYS}/signing` }],
      unread: [{ code: 'MalformedProperty', reason: /^'cmk-storage': properties\.rotationPolicy\.lifetimeActions\[0\]\.action\.type is 7/ }],
    },
  },
  notApplicable: { 'no-keys': { reason: /^the vault holds no keys$/ } },
  notEvaluated: {
    'keys-not-collected': { code: 'NotCollected' },
    'keys-read-forbidden': { code: 'AuthorizationFailed' },
    'rotation-policy-malformed': { code: 'MalformedProperty', reason: /^'cmk-storage': properties\.rotationPolicy is "rotate yearly"/ },
    'action-type-missing': { code: 'MalformedProperty', reason: /action\.type is missing/ },
  },
});
