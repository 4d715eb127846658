import { KEY_VAULT_KEY_TYPE, KEY_VAULT_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';
import { reportObjectsWithoutExpiry } from './expiry.js';

export default defineRule({
  id: 'AZ-KV-004',
  name: 'keyvault-key-without-expiry',
  title: 'Key Vault key without an expiration date',
  severity: 'medium',
  service: 'keyvault',
  resourceTypes: [KEY_VAULT_TYPE],
  requires: [KEY_VAULT_KEY_TYPE],
  description:
    'An enabled key of the vault, as ARM\'s management plane lists it (`{vault}/keys`), has no expiration date (`properties.attributes.exp`). One finding per key, tagged CIS 3.3.1 when the vault uses Azure RBAC (`enableRbacAuthorization` true) and 3.3.2 when it uses access policies. Disabled keys are not reported; a vault with no keys is not applicable.',
  rationale:
    'A key without an expiration date can encrypt, wrap and sign for ever: nothing forces it to be rotated, and a key copied or misused years ago still works. An expiry date makes the key\'s lifetime explicit and turns a forgotten rotation into an outage someone notices, rather than a silent risk.',
  remediation: {
    text: 'Set an expiration date on each enabled key (and a rotation policy that renews it before then, see AZ-KV-007); update the services that use the key to follow its newest version.',
    az: 'az keyvault key set-attributes --vault-name <vault> --name <key> --expires <yyyy-mm-ddThh:mm:ssZ>',
  },
  references: [
    'https://learn.microsoft.com/azure/key-vault/keys/about-keys-details',
    'https://learn.microsoft.com/azure/key-vault/general/about-keys-secrets-certificates',
  ],
  compliance: { 'cis-azure-3.0': ['3.3.1', '3.3.2'], mcsb: ['DP-6'] },
  check(vault, context) {
    reportObjectsWithoutExpiry(vault, context, KEY_VAULT_KEY_TYPE, 'key', { rbac: '3.3.1', accessPolicies: '3.3.2' });
  },
});
