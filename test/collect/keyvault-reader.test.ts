import { describe, expect, it } from 'vitest';
import { ReadFailure } from '../../src/collect/read.js';
import { KEY_VAULT_READERS, withoutSecretMaterial } from '../../src/collect/readers/keyvault.js';
import type { ArmClients } from '../../src/collect/clients.js';

const SECRET_ID = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv/secrets/sql-password';

const served = {
  id: SECRET_ID,
  name: 'sql-password',
  type: 'Microsoft.KeyVault/vaults/secrets',
  location: 'westeurope',
  tags: { owner: 'data' },
  someFutureTopLevel: 'dropped',
  properties: {
    value: 'p@ssw0rd-canary',
    contentType: 'text/plain',
    attributes: { enabled: true, exp: 1830297600 },
    secretUri: 'https://kv.vault.azure.net/secrets/sql-password',
    secretUriWithVersion: 'https://kv.vault.azure.net/secrets/sql-password/1',
    someFutureProperty: 'dropped',
  },
};

describe('the Key Vault key and secret readers keep metadata only', () => {
  it('drop a secret\'s value, key material and every property no rule reads', () => {
    expect(withoutSecretMaterial(served)).toEqual({
      id: SECRET_ID,
      name: 'sql-password',
      type: 'Microsoft.KeyVault/vaults/secrets',
      location: 'westeurope',
      tags: { owner: 'data' },
      properties: {
        contentType: 'text/plain',
        attributes: { enabled: true, exp: 1830297600 },
        secretUri: 'https://kv.vault.azure.net/secrets/sql-password',
        secretUriWithVersion: 'https://kv.vault.azure.net/secrets/sql-password/1',
      },
    });
    const key = withoutSecretMaterial({ id: 'k', name: 'k', type: 'Microsoft.KeyVault/vaults/keys', properties: { kty: 'RSA', key: { n: 'x', d: 'private' }, value: 'x', rotationPolicy: { lifetimeActions: [] } } });
    expect(key).toEqual({ id: 'k', name: 'k', type: 'Microsoft.KeyVault/vaults/keys', properties: { kty: 'RSA', rotationPolicy: { lifetimeActions: [] } } });
  });

  it('strip what a read that failed part way kept, too', async () => {
    const secrets = KEY_VAULT_READERS.find((reader) => reader.type === 'Microsoft.KeyVault/vaults/secrets')!;
    // A pipeline whose first page holds a secret with a value and a nextLink to another origin: paging stops, the page is kept.
    const pipeline = {
      sendRequest: async () => ({ status: 200, bodyAsText: JSON.stringify({ value: [served], nextLink: 'https://elsewhere.example/next' }), headers: { get: () => undefined } }),
    };
    const clients = { armPipeline: async () => pipeline, endpoint: 'https://management.azure.com' } as unknown as ArmClients;
    const parent = { id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv', name: 'kv' };
    const failure = await secrets.read(clients, 's', parent).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ReadFailure);
    const partial = (failure as ReadFailure).partial;
    expect(partial).toHaveLength(1);
    expect(JSON.stringify(partial)).not.toContain('canary');
  });
});
