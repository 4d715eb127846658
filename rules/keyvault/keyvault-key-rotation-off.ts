import { objectEnabled, rotationActions } from '../../src/adapters/keyvault.js';
import { evidence } from '../../src/adapters/setting.js';
import { KEY_VAULT_KEY_TYPE, KEY_VAULT_TYPE } from '../../src/inventory/arm-types.js';
import { readEach } from '../../src/model/not-evaluated.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-KV-007',
  name: 'keyvault-key-rotation-off',
  title: 'Key Vault key without automatic rotation',
  severity: 'low',
  service: 'keyvault',
  resourceTypes: [KEY_VAULT_TYPE],
  requires: [KEY_VAULT_KEY_TYPE],
  description:
    'An enabled key of the vault has no rotation policy action of type Rotate (`properties.rotationPolicy.lifetimeActions[].action.type`): it has no rotation policy, or one that only notifies. One finding per key; disabled keys are not reported, and a vault with no keys is not applicable.',
  rationale:
    'Keys used as customer-managed keys for storage, SQL or disks protect everything encrypted with them. Rotated by hand, they are rotated late or never, and a key exposed once stays useful for its whole life. A rotation policy has Key Vault create a new version on schedule, and services that reference the versionless key pick it up without an outage.',
  remediation: {
    text: 'Give each key a rotation policy with a Rotate action (for example 18 months after creation, with an expiry of two years), and make the services that use it reference the versionless key URI.',
    az: 'az keyvault key rotation-policy update --vault-name <vault> --name <key> --value <rotation-policy.json>',
  },
  references: ['https://learn.microsoft.com/azure/key-vault/keys/how-to-configure-key-rotation'],
  compliance: { 'cis-azure-3.0': ['3.3.8'], mcsb: ['DP-6'] },
  check(vault, context) {
    const keys = context.childrenOf(vault, KEY_VAULT_KEY_TYPE);
    if (keys.length === 0) {
      context.notApplicable('the vault holds no keys');
      return;
    }
    for (const { child: key, value } of readEach(keys, (key) => ({ enabled: objectEnabled(key), rotation: rotationActions(key) }), context)) {
      if (!value.enabled.value || value.rotation.types.some((type) => type.toLowerCase() === 'rotate')) continue;
      const { actions, types } = value.rotation;
      context.report({
        resource: { id: key.id, type: key.type, name: `${vault.name}/${key.name}` },
        message:
          types.length === 0
            ? `Key '${key.name}' in Key Vault '${vault.name}' has no rotation policy action: it is never rotated automatically.`
            : `Key '${key.name}' in Key Vault '${vault.name}' has a rotation policy that does not rotate (actions: ${types.join(', ')}).`,
        evidence: [evidence(actions, 'not set; the key has no rotation policy')],
      });
    }
  },
});
