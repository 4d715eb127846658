import type { AnyRule } from '../../src/model/rule.js';
import eventgridMqttOpenToAllNetworks from './eventgrid-mqtt-open-to-all-networks.js';
import eventgridMqttWithoutPrivateEndpoint from './eventgrid-mqtt-without-private-endpoint.js';

export const EVENTGRID_RULES: readonly AnyRule[] = [eventgridMqttOpenToAllNetworks, eventgridMqttWithoutPrivateEndpoint];
