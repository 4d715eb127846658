import { MalformedProperty } from '../model/not-evaluated.js';
import { type ArmResource, isJsonObject } from '../inventory/types.js';
import { isWholeInternetMask } from './addresses.js';
import { readArray, readString, sameText, type Setting } from './setting.js';


/** The private link group of the MQTT broker; `topic` is the HTTP endpoint's. */
export const MQTT_PRIVATE_LINK_GROUP = 'topicspace';

/** `topicSpacesConfiguration.state`: the MQTT broker is on when Enabled; absent means Disabled (the API's default). */
function mqttBrokerState(namespace: ArmResource): Setting<string> {
  return readString(namespace, 'properties.topicSpacesConfiguration.state', 'Disabled');
}

export function isMqttBrokerEnabled(namespace: ArmResource): boolean {
  return sameText(mqttBrokerState(namespace).value, 'Enabled');
}

/** `publicNetworkAccess`: absent means Enabled ("By default it is enabled", API 2025-02-15). */
export function namespacePublicNetworkAccess(namespace: ArmResource): Setting<string> {
  return readString(namespace, 'properties.publicNetworkAccess', 'Enabled');
}

export interface InboundIpRule {
  readonly ipMask: string;
  readonly path: string;
}

/**
 * `inboundIpRules`: the addresses allowed in while public network access is enabled. Absent
 * or empty means no restriction: every address is allowed. Allow is the only action the API
 * defines (and the default); any other is not guessed at.
 */
export function inboundIpRules(namespace: ArmResource): { setting: Setting<readonly unknown[]>; rules: InboundIpRule[] } {
  const setting = readArray(namespace, 'properties.inboundIpRules');
  const rules = setting.value.map((entry, i) => {
    const path = `properties.inboundIpRules[${i}]`;
    const action = isJsonObject(entry) ? entry.action : undefined;
    const allows = action === undefined || action === null || (typeof action === 'string' && sameText(action, 'Allow'));
    if (!isJsonObject(entry) || typeof entry.ipMask !== 'string' || !allows) {
      throw new MalformedProperty(path, 'an Allow rule with an ipMask', entry);
    }
    return { ipMask: entry.ipMask, path };
  });
  return { setting, rules };
}

/** The first rule that allows every address (`0.0.0.0/0`), which undoes all the others. */
export function allowAllRule(rules: readonly InboundIpRule[]): InboundIpRule | undefined {
  return rules.find((rule) => isWholeInternetMask(rule.ipMask));
}

export interface PrivateEndpointConnection {
  readonly name: string;
  readonly groupIds: readonly string[];
  readonly status: string;
}

/**
 * `privateEndpointConnections`, carried in the namespace's own JSON. Entries azscan cannot
 * read are returned apart, so that a readable approved connection still settles the question.
 */
export function privateEndpointConnections(namespace: ArmResource): {
  setting: Setting<readonly unknown[]>;
  connections: PrivateEndpointConnection[];
  malformed: MalformedProperty[];
} {
  const setting = readArray(namespace, 'properties.privateEndpointConnections');
  const connections: PrivateEndpointConnection[] = [];
  const malformed: MalformedProperty[] = [];
  setting.value.forEach((entry, i) => {
    const properties = isJsonObject(entry) ? entry.properties : undefined;
    const groupIds = isJsonObject(properties) ? properties.groupIds : undefined;
    const state = isJsonObject(properties) ? properties.privateLinkServiceConnectionState : undefined;
    const status = isJsonObject(state) ? state.status : undefined;
    if (!Array.isArray(groupIds) || !groupIds.every((id): id is string => typeof id === 'string') || typeof status !== 'string') {
      malformed.push(new MalformedProperty(`properties.privateEndpointConnections[${i}]`, 'a connection with properties.groupIds and privateLinkServiceConnectionState.status', entry));
      return;
    }
    const name = isJsonObject(entry) && typeof entry.name === 'string' ? entry.name : `#${i}`;
    connections.push({ name, groupIds, status });
  });
  return { setting, connections, malformed };
}

/** An approved connection to the MQTT broker's private link group. */
export function isApprovedMqttConnection(connection: PrivateEndpointConnection): boolean {
  return sameText(connection.status, 'Approved') && connection.groupIds.some((id) => sameText(id, MQTT_PRIVATE_LINK_GROUP));
}
