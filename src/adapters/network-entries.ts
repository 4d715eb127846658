import { MalformedProperty } from '../model/not-evaluated.js';
import type { TransportProtocol } from '../model/ports.js';
import { isJsonObject } from '../inventory/types.js';
import { readList, readRef, readRefs } from './setting.js';

/**
 * Reading the network resources that relate a public address to a workload (public IPs,
 * network interfaces, virtual networks, load balancers, application gateways, container
 * groups, scale sets): the entries of their ARM arrays of sub-resources, the references inside
 * those, and the ports and protocols they write. A reference or list that is present but cannot
 * be read throws MalformedProperty (see `readRef`): the way in it would add or rule out is
 * unknown, and must not be read as absent.
 */

/** One entry of an ARM array of sub-resources, with where it sits and its raw JSON. */
export interface Entry {
  readonly id?: string;
  readonly name?: string;
  readonly properties: Record<string, unknown>;
  readonly index: number;
  /** `properties.ipConfigurations[2]` */
  readonly path: string;
  readonly raw: Record<string, unknown>;
}

/**
 * The entries of an ARM array of sub-resources at `path`. Absent is empty; an entry that is
 * not an object, or whose `properties` is not one, is malformed rather than skipped: it may be
 * the rule or configuration that decides a way in.
 */
export function list(value: unknown, path: string): Entry[] {
  return readList(value, path).map((entry, index) => {
    const at = `${path}[${index}]`;
    if (!isJsonObject(entry)) throw new MalformedProperty(at, 'an object', entry);
    const properties = entry.properties ?? {};
    if (!isJsonObject(properties)) throw new MalformedProperty(`${at}.properties`, 'an object', entry.properties);
    // Others refer to the entry by its id: one that is there but unreadable cannot be matched.
    if (entry.id !== undefined && entry.id !== null && (typeof entry.id !== 'string' || entry.id.trim() === '')) throw new MalformedProperty(`${at}.id`, 'a resource id', entry.id);
    return {
      ...(typeof entry.id === 'string' && entry.id !== '' ? { id: entry.id } : {}),
      ...(typeof entry.name === 'string' ? { name: entry.name } : {}),
      properties,
      index,
      path: at,
      raw: entry,
    };
  });
}

/** A reference inside an entry: `ref(entry, 'subnet')` reads `entry.properties.subnet`. */
export function ref(entry: Entry, name: string): string | undefined {
  return readRef(entry.properties[name], `${entry.path}.properties.${name}`);
}

/** A reference ARM requires (a rule's frontend, a configuration's subnet): absent is malformed too, since nothing can be said without it. */
export function requiredRef(entry: Entry, name: string): string {
  const id = ref(entry, name);
  if (id === undefined) throw new MalformedProperty(`${entry.path}.properties.${name}`, 'a reference {"id": "<resource id>"} (ARM requires one)', entry.properties[name]);
  return id;
}

export function refs(entry: Entry, name: string): string[] {
  return readRefs(entry.properties[name], `${entry.path}.properties.${name}`);
}

/** A load balancer rule's or container port's protocol: `Tcp`, `Udp` or `All`; anything else is malformed. */
export function protocolsOf(value: unknown, path: string): TransportProtocol[] {
  const protocol = typeof value === 'string' ? value.toLowerCase() : '';
  if (protocol === 'tcp') return ['tcp'];
  if (protocol === 'udp') return ['udp'];
  if (protocol === 'all') return ['tcp', 'udp'];
  throw new MalformedProperty(path, 'Tcp, Udp or All', value);
}

/** A port number 0–65535 (a load balancer's 0 means every port, with HA ports). */
export function portAt(value: unknown, path: string): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 65535) return value;
  throw new MalformedProperty(path, 'a port number', value);
}
