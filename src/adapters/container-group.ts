import type { TransportProtocol } from '../model/ports.js';
import { MalformedProperty } from '../model/not-evaluated.js';
import { type ArmResource, isJsonObject } from '../inventory/types.js';
import { readList } from './setting.js';
import { portAt, protocolsOf } from './network-entries.js';

/** A container group's address and the ports it publishes. */

export interface ContainerGroupAddress {
  readonly public: boolean;
  readonly address: string | undefined;
  readonly fqdn: string | undefined;
  readonly ports: ReadonlyArray<{ readonly port: number; readonly protocols: readonly TransportProtocol[] }>;
}

/** A container group's IP address and the ports it publishes; containers behind a public one have no NSG at all. */
export function containerGroupAddressOf(resource: ArmResource): ContainerGroupAddress {
  const ip = resource.properties.ipAddress;
  if (ip === undefined || ip === null) return { public: false, address: undefined, fqdn: undefined, ports: [] };
  if (!isJsonObject(ip)) throw new MalformedProperty('properties.ipAddress', 'an object', ip);
  if (typeof ip.type !== 'string') throw new MalformedProperty('properties.ipAddress.type', 'Public or Private', ip.type);
  const ports = readList(ip.ports, 'properties.ipAddress.ports').map((entry, i) => {
    const at = `properties.ipAddress.ports[${i}]`;
    if (!isJsonObject(entry)) throw new MalformedProperty(at, 'an object', entry);
    // ARM's default protocol for a container group port is TCP.
    const protocols: TransportProtocol[] = entry.protocol === undefined || entry.protocol === null ? ['tcp'] : protocolsOf(entry.protocol, `${at}.protocol`);
    return { port: portAt(entry.port, `${at}.port`), protocols };
  });
  return {
    public: ip.type.toLowerCase() === 'public',
    address: typeof ip.ip === 'string' ? ip.ip : undefined,
    fqdn: typeof ip.fqdn === 'string' ? ip.fqdn : undefined,
    ports,
  };
}
