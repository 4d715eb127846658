import type { AnyRule } from '../../src/model/rule.js';
import nsgAllPortsOpen from './nsg-all-ports-open.js';
import nsgDatabasePortOpen from './nsg-database-port-open.js';
import nsgElasticsearchOpen from './nsg-elasticsearch-open.js';
import nsgManagementPortOpen from './nsg-management-port-open.js';
import nsgMqttOpen from './nsg-mqtt-open.js';

export const NSG_RULES: readonly AnyRule[] = [nsgManagementPortOpen, nsgElasticsearchOpen, nsgMqttOpen, nsgDatabasePortOpen, nsgAllPortsOpen];
