import { KEY_VAULT_KEY_TYPE, KEY_VAULT_SECRET_TYPE, KEY_VAULT_TYPE } from '../../inventory/arm-types.js';
import { isJsonObject } from '../../inventory/types.js';
import { readArmPath, readList, ReadFailure } from '../read.js';
import { inSubscription, parentPath, under, type ArmRequest, type ResourceReader } from './reader.js';

/**
 * A vault's keys and secrets through ARM's management plane, at the api-version
 * @azure/arm-keyvault 4.0.0 sends (its key shape has `rotationPolicy`). ARM returns metadata
 * only: attributes (`enabled`, `exp`), URIs, a key's type and rotation policy; never key
 * material, and its secret model's `value` is documented as never returned. GET only: the
 * data plane (`*.vault.azure.net`) is never called.
 */
const KEY_VAULT_API_VERSION = '2025-05-01';
const KEYS: ArmRequest = { path: under(KEY_VAULT_TYPE, 'keys'), apiVersion: KEY_VAULT_API_VERSION };
const SECRETS: ArmRequest = { path: under(KEY_VAULT_TYPE, 'secrets'), apiVersion: KEY_VAULT_API_VERSION };

export const KEY_VAULT_READERS: readonly ResourceReader[] = [
  {
    type: KEY_VAULT_TYPE,
    // The api-version @azure/arm-keyvault 4.0.0 sends for vaults.listBySubscription.
    request: { path: inSubscription(KEY_VAULT_TYPE), apiVersion: KEY_VAULT_API_VERSION },
    read: async (clients, sub, _parent, onPage) => {
      const vaults = await clients.keyVault(sub);
      return readList((options) => vaults.vaults.listBySubscription(options), onPage);
    },
  },
  {
    type: KEY_VAULT_KEY_TYPE,
    parentType: KEY_VAULT_TYPE,
    request: KEYS,
    read: async (clients, _sub, parent) =>
      withoutSecrets(async () => readArmPath(await clients.armPipeline(), clients.endpoint, parentPath(KEYS.path, KEY_VAULT_TYPE, parent), KEYS.apiVersion)),
  },
  {
    type: KEY_VAULT_SECRET_TYPE,
    parentType: KEY_VAULT_TYPE,
    request: SECRETS,
    read: async (clients, _sub, parent) =>
      withoutSecrets(async () => readArmPath(await clients.armPipeline(), clients.endpoint, parentPath(SECRETS.path, KEY_VAULT_TYPE, parent), SECRETS.apiVersion)),
  },
];

/**
 * The properties of a key or a secret that azscan keeps: what the rules read and what names
 * the object. Everything else ARM might send is dropped here, before anything is stored in a
 * snapshot or shown: a secret's `value` above all (ARM documents it as never returned; if it
 * ever were, it must go no further than this function), and any property a later api-version
 * adds, which nobody has yet judged harmless.
 */
const KEPT_PROPERTIES: ReadonlySet<string> = new Set([
  'attributes',
  'contentType',
  'secretUri',
  'secretUriWithVersion',
  'kty',
  'keyOps',
  'keySize',
  'curveName',
  'keyUri',
  'keyUriWithVersion',
  'rotationPolicy',
]);
const KEPT_TOP_LEVEL: ReadonlySet<string> = new Set(['id', 'name', 'type', 'location', 'tags', 'properties']);

/** A key or secret as ARM sent it, with only the kept properties (see KEPT_PROPERTIES). */
export function withoutSecretMaterial(item: unknown): unknown {
  if (!isJsonObject(item)) return item;
  const kept: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item)) {
    if (!KEPT_TOP_LEVEL.has(name)) continue;
    if (name !== 'properties' || !isJsonObject(value)) kept[name] = value;
    else kept[name] = Object.fromEntries(Object.entries(value).filter(([property]) => KEPT_PROPERTIES.has(property)));
  }
  return kept;
}

/** Runs a read of keys or secrets and strips every item, also those kept from a read that failed part way. */
async function withoutSecrets(read: () => Promise<unknown[]>): Promise<unknown[]> {
  try {
    return (await read()).map(withoutSecretMaterial);
  } catch (error) {
    if (error instanceof ReadFailure) throw new ReadFailure(error.code, error.message, error.partial.map(withoutSecretMaterial));
    throw error;
  }
}
