import { MalformedProperty } from '../model/not-evaluated.js';
import { type ArmResource, isJsonObject } from '../inventory/types.js';
import { readArray, sameText, type Setting } from './setting.js';

export interface PrivateEndpointConnection {
  readonly name: string;
  /** `privateLinkServiceConnectionState.status`: Approved, Pending, Rejected, Disconnected. */
  readonly status: string;
  /** The private endpoint's id, when ARM states it. */
  readonly privateEndpointId: string | undefined;
  readonly path: string;
}

/**
 * `properties.privateEndpointConnections` carried in a resource's own JSON, in the shape the
 * Private Link providers share (storage accounts, Key Vault, Cosmos DB, Azure Cache for Redis,
 * …). Absent means none. Entries azscan cannot read are returned apart, so that a readable
 * approved connection still settles the question; without one, a rule must not read them as
 * "not approved", since one of them might be the approved connection.
 */
export function privateEndpointConnectionsOf(resource: ArmResource): {
  setting: Setting<readonly unknown[]>;
  connections: PrivateEndpointConnection[];
  malformed: MalformedProperty[];
} {
  const setting = readArray(resource, 'properties.privateEndpointConnections');
  const connections: PrivateEndpointConnection[] = [];
  const malformed: MalformedProperty[] = [];
  setting.value.forEach((entry, i) => {
    const path = `properties.privateEndpointConnections[${i}]`;
    const properties = isJsonObject(entry) ? entry.properties : undefined;
    const state = isJsonObject(properties) ? properties.privateLinkServiceConnectionState : undefined;
    const status = isJsonObject(state) ? state.status : undefined;
    if (typeof status !== 'string') {
      // Say exactly what is wrong: the entry, or (in an entry of the right shape) its status.
      malformed.push(
        isJsonObject(state)
          ? new MalformedProperty(`${path}.properties.privateLinkServiceConnectionState.status`, 'a connection status (Approved, Pending, Rejected, Disconnected)', status)
          : new MalformedProperty(path, 'a connection with properties.privateLinkServiceConnectionState.status', entry),
      );
      return;
    }
    const endpoint = isJsonObject(properties) ? properties.privateEndpoint : undefined;
    const privateEndpointId = isJsonObject(endpoint) && typeof endpoint.id === 'string' ? endpoint.id : undefined;
    const id = isJsonObject(entry) && typeof entry.id === 'string' ? entry.id : undefined;
    const name = isJsonObject(entry) && typeof entry.name === 'string' ? entry.name : (id?.split('/').at(-1) ?? `#${i}`);
    connections.push({ name, status, privateEndpointId, path });
  });
  return { setting, connections, malformed };
}

export function isApprovedConnection(connection: PrivateEndpointConnection): boolean {
  return sameText(connection.status, 'Approved');
}
