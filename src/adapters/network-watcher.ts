import { type ArmResource, isJsonObject } from '../inventory/types.js';
import { MalformedProperty } from '../model/not-evaluated.js';
import { readBoolean, readNumber, readRef, readString, type Setting } from './setting.js';

/** What a flow log records: an NSG (NSG flow logs), or a virtual network, subnet or network interface (virtual network flow logs). */
export function flowLogTarget(flowLog: ArmResource): Setting<string> {
  const target = readString(flowLog, 'properties.targetResourceId', undefined);
  if (target.value === undefined || target.value.trim() === '') throw new MalformedProperty('properties.targetResourceId', 'the id of the resource the flow log records', target.raw);
  return target as Setting<string>;
}

/**
 * Whether the flow log is recording. Absent is read as not recording: `enabled` has no default
 * in the flow log's shape (Network API 2024-05-01), so a flow log that does not say it is on
 * is not shown to record anything.
 */
export function flowLogEnabled(flowLog: ArmResource): Setting<boolean> {
  return readBoolean(flowLog, 'properties.enabled', false);
}

/** How long a flow log's records are kept, in days; `undefined` is for ever. */
export interface FlowLogRetention {
  readonly days: number | undefined;
  readonly enabled: Setting<boolean>;
  readonly retentionDays: Setting<number>;
}

/**
 * The flow log's retention (`retentionPolicy.enabled` and `retentionPolicy.days`). With the
 * policy off, or on with 0 days, the records are kept for ever; absent `enabled` means off and
 * absent `days` means 0, their defaults in the Network API's RetentionPolicyParameters
 * (2024-05-01). A retention policy that is not an object is malformed.
 */
export function flowLogRetention(flowLog: ArmResource): FlowLogRetention {
  const policy = flowLog.properties.retentionPolicy;
  if (policy !== undefined && policy !== null && !isJsonObject(policy)) throw new MalformedProperty('properties.retentionPolicy', 'a retention policy object', policy);
  const enabled = readBoolean(flowLog, 'properties.retentionPolicy.enabled', false);
  const retentionDays = readNumber(flowLog, 'properties.retentionPolicy.days', 0);
  return { days: enabled.value && retentionDays.value > 0 ? retentionDays.value : undefined, enabled, retentionDays };
}

/** The ids of an NSG's subnets and network interfaces (`properties.subnets`, `properties.networkInterfaces`), which ARM returns with it. */
export function nsgAttachments(nsg: ArmResource): { subnets: string[]; networkInterfaces: string[] } {
  const refs = (name: 'subnets' | 'networkInterfaces'): string[] => {
    const list = nsg.properties[name];
    if (list === undefined || list === null) return [];
    if (!Array.isArray(list)) throw new MalformedProperty(`properties.${name}`, 'an array of references', list);
    return list.map((entry, index) => {
      const id = readRef(entry, `properties.${name}[${index}]`);
      if (id === undefined) throw new MalformedProperty(`properties.${name}[${index}]`, 'a reference {"id": "<resource id>"}', entry);
      return id;
    });
  };
  return { subnets: refs('subnets'), networkInterfaces: refs('networkInterfaces') };
}

/** The subnets a network interface's IP configurations are in (`ipConfigurations[].properties.subnet.id`). */
export function interfaceSubnets(nic: ArmResource): string[] {
  const configurations = nic.properties.ipConfigurations;
  if (configurations === undefined || configurations === null) return [];
  if (!Array.isArray(configurations)) throw new MalformedProperty('properties.ipConfigurations', 'an array of IP configurations', configurations);
  return configurations.flatMap((configuration, index) => {
    const subnet = isJsonObject(configuration) && isJsonObject(configuration.properties) ? configuration.properties.subnet : undefined;
    const id = readRef(subnet, `properties.ipConfigurations[${index}].properties.subnet`);
    return id === undefined ? [] : [id];
  });
}

/**
 * A location as ARM compares them: `West Europe`, `westeurope` and `WestEurope` are one region.
 * A resource's `location` that is not a string is malformed.
 */
export function regionOf(resource: ArmResource): Setting<string> {
  const location = readString(resource, 'location', undefined);
  if (location.value === undefined || location.value.trim() === '') throw new MalformedProperty('location', 'a region', location.raw);
  return { ...location, value: location.value.replace(/\s+/g, '').toLowerCase() };
}

/** A watcher's provisioning state: absent is read as Succeeded (ARM reports it on every watcher it has created). */
export function watcherProvisioningState(watcher: ArmResource): Setting<string> {
  return readString(watcher, 'properties.provisioningState', 'Succeeded');
}
