import {
  MYSQL_CONFIGURATION_TYPE,
  MYSQL_FIREWALL_RULE_TYPE,
  MYSQL_SERVER_TYPE,
  POSTGRESQL_CONFIGURATION_TYPE,
  POSTGRESQL_FIREWALL_RULE_TYPE,
  POSTGRESQL_SERVER_TYPE,
} from '../../inventory/arm-types.js';
import { readArmPath } from '../read.js';
import { inSubscription, parentPath, subscriptionPath, under, type ArmRequest, type ResourceReader } from './reader.js';

/*
 * Azure Database for PostgreSQL and for MySQL flexible servers, read by path (azscan has no SDK
 * for them), at the newest stable API versions whose shapes have what the adapters read:
 * `network.publicNetworkAccess`, `network.delegatedSubnetResourceId`, `authConfig` (PostgreSQL),
 * firewall rules and server parameters. The parameter lists are paged (MySQL pages them by
 * `page`/`pageSize`, PostgreSQL by `nextLink` too): every page is followed.
 */
const POSTGRESQL_API = '2024-08-01';
const MYSQL_API = '2023-12-30';

function serverList(type: string, apiVersion: string): ResourceReader {
  const request: ArmRequest = { path: inSubscription(type), apiVersion };
  return { type, request, read: async (clients, sub, _parent, onPage) => readArmPath(await clients.armPipeline(), clients.endpoint, subscriptionPath(request.path, sub), request.apiVersion, undefined, onPage) };
}

function childList(type: string, parentType: string, relative: string, apiVersion: string): ResourceReader {
  const request: ArmRequest = { path: under(parentType, relative), apiVersion };
  return {
    type,
    parentType,
    request,
    read: async (clients, _sub, parent, onPage) => readArmPath(await clients.armPipeline(), clients.endpoint, parentPath(request.path, parentType, parent), request.apiVersion, undefined, onPage),
  };
}

export const FLEXIBLE_SERVER_READERS: readonly ResourceReader[] = [
  serverList(POSTGRESQL_SERVER_TYPE, POSTGRESQL_API),
  childList(POSTGRESQL_FIREWALL_RULE_TYPE, POSTGRESQL_SERVER_TYPE, 'firewallRules', POSTGRESQL_API),
  childList(POSTGRESQL_CONFIGURATION_TYPE, POSTGRESQL_SERVER_TYPE, 'configurations', POSTGRESQL_API),
  serverList(MYSQL_SERVER_TYPE, MYSQL_API),
  childList(MYSQL_FIREWALL_RULE_TYPE, MYSQL_SERVER_TYPE, 'firewallRules', MYSQL_API),
  childList(MYSQL_CONFIGURATION_TYPE, MYSQL_SERVER_TYPE, 'configurations', MYSQL_API),
];
