import { SQL_ADMINISTRATOR_TYPE, SQL_SERVER_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-SQL-007',
  name: 'sql-entra-admin-missing',
  title: 'SQL server has no Microsoft Entra admin',
  severity: 'medium',
  service: 'sql',
  resourceTypes: [SQL_SERVER_TYPE],
  requires: [SQL_ADMINISTRATOR_TYPE],
  description:
    'The server has no Microsoft Entra admin: its `administrators` collection (`…/servers/{server}/administrators`) is empty, although it was read for every server. Without one, Entra ID users and groups cannot be given access and only SQL logins can sign in.',
  rationale:
    'SQL logins are passwords kept in each server: no multifactor authentication, no conditional access, no central sign-in log, and nothing happens to them when someone leaves. An Entra admin is what lets access to the data be managed, and revoked, with the rest of the organisation\'s identities.',
  remediation: {
    text: 'Set a Microsoft Entra group as the server\'s admin, so that administration does not hang on one account, then move applications and people to Entra authentication.',
    az: 'az sql server ad-admin create --resource-group <resource-group> --server-name <server> --display-name <entra-group-name> --object-id <entra-group-object-id>',
  },
  references: ['https://learn.microsoft.com/azure/azure-sql/database/authentication-aad-configure'],
  compliance: { 'cis-azure-3.0': ['5.1.4'], mcsb: ['IM-1'] },
  check(server, context) {
    if (context.childrenOf(server, SQL_ADMINISTRATOR_TYPE).length > 0) return;
    context.report({
      message: `SQL server '${server.name}' has no Microsoft Entra admin, so only SQL logins can sign in.`,
      evidence: [{ resourceId: `${server.id}/administrators/ActiveDirectory`, path: 'properties.login', absent: true, note: 'administrators were read for every server and this one has none' }],
    });
  },
});
