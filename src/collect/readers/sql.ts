import { SQL_AUDITING_TYPE, SQL_DATABASE_TYPE, SQL_FIREWALL_RULE_TYPE, SQL_SERVER_TYPE, SQL_TDE_TYPE } from '../../adapters/sql.js';
import { readList, readOne } from '../read.js';
import { grandparentName, place, type ResourceReader } from './reader.js';

export const SQL_READERS: readonly ResourceReader[] = [
  {
    type: SQL_SERVER_TYPE,
    read: async (clients, sub) => {
      const sql = await clients.sql(sub);
      return readList((options) => sql.servers.list(options));
    },
  },
  {
    type: SQL_DATABASE_TYPE,
    parentType: SQL_SERVER_TYPE,
    read: async (clients, sub, parent) => {
      const sql = await clients.sql(sub);
      const server = place(parent);
      return readList((options) => sql.databases.listByServer(server.group, server.name, options));
    },
  },
  {
    type: SQL_FIREWALL_RULE_TYPE,
    parentType: SQL_SERVER_TYPE,
    read: async (clients, sub, parent) => {
      const sql = await clients.sql(sub);
      const server = place(parent);
      return readList((options) => sql.firewallRules.listByServer(server.group, server.name, options));
    },
  },
  {
    type: SQL_AUDITING_TYPE,
    parentType: SQL_SERVER_TYPE,
    read: async (clients, sub, parent) => {
      const sql = await clients.sql(sub);
      const server = place(parent);
      return [await readOne((options) => sql.serverBlobAuditingPolicies.get(server.group, server.name, options))];
    },
  },
  {
    type: SQL_TDE_TYPE,
    parentType: SQL_DATABASE_TYPE,
    read: async (clients, sub, parent) => {
      const sql = await clients.sql(sub);
      const database = place(parent);
      return [await readOne((options) => sql.transparentDataEncryptions.get(database.group, grandparentName(parent), database.name, 'current', options))];
    },
  },
];
