import { KEY_VAULT_SECRET_TYPE, KEY_VAULT_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';
import { reportObjectsWithoutExpiry } from './expiry.js';

export default defineRule({
  id: 'AZ-KV-005',
  name: 'keyvault-secret-without-expiry',
  title: 'Key Vault secret without an expiration date',
  severity: 'medium',
  service: 'keyvault',
  resourceTypes: [KEY_VAULT_TYPE],
  requires: [KEY_VAULT_SECRET_TYPE],
  description:
    'An enabled secret of the vault, as ARM\'s management plane lists it (`{vault}/secrets`, metadata only: azscan never reads or keeps a secret\'s value), has no expiration date (`properties.attributes.exp`). One finding per secret, tagged CIS 3.3.3 when the vault uses Azure RBAC (`enableRbacAuthorization` true) and 3.3.4 when it uses access policies. Disabled secrets are not reported; a vault with no secrets is not applicable.',
  rationale:
    'Secrets are passwords, connection strings and API keys. One that never expires is never forced to change: a connection string leaked in a log or a build years ago still opens the database. An expiry date makes the secret\'s lifetime explicit and its rotation something that has to happen.',
  remediation: {
    text: 'Set an expiration date on each enabled secret, rotate the credential behind it before that date, and alert on secrets close to expiry (Key Vault emits SecretNearExpiry events to Event Grid).',
    az: 'az keyvault secret set-attributes --vault-name <vault> --name <secret> --expires <yyyy-mm-ddThh:mm:ssZ>',
  },
  references: [
    'https://learn.microsoft.com/azure/key-vault/secrets/about-secrets',
    'https://learn.microsoft.com/azure/key-vault/general/about-keys-secrets-certificates',
  ],
  compliance: { 'cis-azure-3.0': ['3.3.3', '3.3.4'], mcsb: ['IM-8', 'DP-6'] },
  check(vault, context) {
    reportObjectsWithoutExpiry(vault, context, KEY_VAULT_SECRET_TYPE, 'secret', { rbac: '3.3.3', accessPolicies: '3.3.4' });
  },
});
