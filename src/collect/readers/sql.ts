import { SQL_ADMINISTRATOR_TYPE, SQL_AUDITING_TYPE, SQL_DATABASE_TYPE, SQL_ENCRYPTION_PROTECTOR_TYPE, SQL_ENTRA_ONLY_AUTH_TYPE, SQL_FIREWALL_RULE_TYPE, SQL_SECURITY_ALERT_POLICY_TYPE, SQL_SERVER_TYPE, SQL_TDE_TYPE } from '../../inventory/arm-types.js';
import { readList, readOne } from '../read.js';
import { grandparentName, inSubscription, place, under, type ResourceReader } from './reader.js';

/** Each request's api-version is the one @azure/arm-sql 10.0.0 sends: it pins one per operation group. */
export const SQL_READERS: readonly ResourceReader[] = [
  {
    type: SQL_SERVER_TYPE,
    request: { path: inSubscription(SQL_SERVER_TYPE), apiVersion: '2022-08-01-preview' },
    read: async (clients, sub, _parent, onPage) => {
      const sql = await clients.sql(sub);
      return readList((options) => sql.servers.list(options), onPage);
    },
  },
  {
    type: SQL_DATABASE_TYPE,
    parentType: SQL_SERVER_TYPE,
    request: { path: under(SQL_SERVER_TYPE, 'databases'), apiVersion: '2022-08-01-preview' },
    read: async (clients, sub, parent, onPage) => {
      const sql = await clients.sql(sub);
      const server = place(parent);
      return readList((options) => sql.databases.listByServer(server.group, server.name, options), onPage);
    },
  },
  {
    type: SQL_FIREWALL_RULE_TYPE,
    parentType: SQL_SERVER_TYPE,
    request: { path: under(SQL_SERVER_TYPE, 'firewallRules'), apiVersion: '2020-11-01-preview' },
    read: async (clients, sub, parent, onPage) => {
      const sql = await clients.sql(sub);
      const server = place(parent);
      return readList((options) => sql.firewallRules.listByServer(server.group, server.name, options), onPage);
    },
  },
  {
    type: SQL_AUDITING_TYPE,
    parentType: SQL_SERVER_TYPE,
    request: { path: under(SQL_SERVER_TYPE, 'auditingSettings/default'), apiVersion: '2021-11-01-preview' },
    read: async (clients, sub, parent) => {
      const sql = await clients.sql(sub);
      const server = place(parent);
      return [await readOne((options) => sql.serverBlobAuditingPolicies.get(server.group, server.name, options))];
    },
  },
  {
    type: SQL_ADMINISTRATOR_TYPE,
    parentType: SQL_SERVER_TYPE,
    request: { path: under(SQL_SERVER_TYPE, 'administrators'), apiVersion: '2020-11-01-preview' },
    read: async (clients, sub, parent, onPage) => {
      const sql = await clients.sql(sub);
      const server = place(parent);
      return readList((options) => sql.serverAzureADAdministrators.listByServer(server.group, server.name, options), onPage);
    },
  },
  // ARM answers these singleton GETs for every server, with a state of New or false when
  // nothing was configured; a 404 is therefore a failed read, as for auditing and TDE.
  {
    type: SQL_ENTRA_ONLY_AUTH_TYPE,
    parentType: SQL_SERVER_TYPE,
    request: { path: under(SQL_SERVER_TYPE, 'azureADOnlyAuthentications/Default'), apiVersion: '2020-11-01-preview' },
    read: async (clients, sub, parent) => {
      const sql = await clients.sql(sub);
      const server = place(parent);
      return [await readOne((options) => sql.serverAzureADOnlyAuthentications.get(server.group, server.name, 'Default', options))];
    },
  },
  {
    type: SQL_SECURITY_ALERT_POLICY_TYPE,
    parentType: SQL_SERVER_TYPE,
    request: { path: under(SQL_SERVER_TYPE, 'securityAlertPolicies/Default'), apiVersion: '2020-11-01-preview' },
    read: async (clients, sub, parent) => {
      const sql = await clients.sql(sub);
      const server = place(parent);
      return [await readOne((options) => sql.serverSecurityAlertPolicies.get(server.group, server.name, 'Default', options))];
    },
  },
  {
    // Every server has one TDE protector, `current` (service-managed unless a Key Vault key was set).
    type: SQL_ENCRYPTION_PROTECTOR_TYPE,
    parentType: SQL_SERVER_TYPE,
    request: { path: under(SQL_SERVER_TYPE, 'encryptionProtector/current'), apiVersion: '2020-11-01-preview' },
    read: async (clients, sub, parent) => {
      const sql = await clients.sql(sub);
      const server = place(parent);
      return [await readOne((options) => sql.encryptionProtectors.get(server.group, server.name, 'current', options))];
    },
  },
  {
    type: SQL_TDE_TYPE,
    parentType: SQL_DATABASE_TYPE,
    request: { path: under(SQL_DATABASE_TYPE, 'transparentDataEncryption/current'), apiVersion: '2022-08-01-preview' },
    read: async (clients, sub, parent) => {
      const sql = await clients.sql(sub);
      const database = place(parent);
      return [await readOne((options) => sql.transparentDataEncryptions.get(database.group, grandparentName(parent), database.name, 'current', options))];
    },
  },
];
