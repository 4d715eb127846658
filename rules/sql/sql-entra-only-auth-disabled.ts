import { evidence } from '../../src/adapters/setting.js';
import { entraOnlyAuthentication, serverEntraOnlyAuthentication } from '../../src/adapters/sql.js';
import { SQL_ENTRA_ONLY_AUTH_TYPE, SQL_SERVER_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-SQL-008',
  name: 'sql-entra-only-auth-disabled',
  title: 'SQL server accepts SQL authentication',
  severity: 'medium',
  service: 'sql',
  resourceTypes: [SQL_SERVER_TYPE],
  requires: [SQL_ENTRA_ONLY_AUTH_TYPE],
  description:
    'The server\'s `azureADOnlyAuthentications/Default` setting has `azureADOnlyAuthentication` false or not set, or the server has no such setting although it was read for every server and its own `properties.administrators.azureADOnlyAuthentication` is not true: SQL logins, the server admin\'s password included, are accepted beside Microsoft Entra ID. Where both exist, the setting wins.',
  rationale:
    'As long as SQL authentication is on, the server admin login created with the server is a password that works from anywhere the firewall allows, without multifactor authentication or conditional access; it is the credential password-spraying and leaked connection strings go for. Entra-only authentication switches every SQL login off at once.',
  remediation: {
    text: 'Move applications to managed identities or other Entra identities, set an Entra admin (AZ-SQL-007), then enable Microsoft Entra-only authentication.',
    az: 'az sql server ad-only-auth enable --resource-group <resource-group> --name <server>',
  },
  references: ['https://learn.microsoft.com/azure/azure-sql/database/authentication-azure-ad-only-authentication'],
  compliance: { 'cis-azure-3.0': [], mcsb: ['IM-1'] },
  check(server, context) {
    const setting = context.childOf(server, SQL_ENTRA_ONLY_AUTH_TYPE, 'Default');
    if (!setting) {
      // Without the child, the server's own property says what is in force.
      const own = serverEntraOnlyAuthentication(server);
      if (own.value === true) return;
      if (own.value === false) {
        context.report({
          message: `SQL server '${server.name}' accepts SQL authentication as well as Microsoft Entra ID (its administrators.azureADOnlyAuthentication is off).`,
          evidence: [evidence(own)],
        });
        return;
      }
      context.report({
        message: `SQL server '${server.name}' has no azureADOnlyAuthentications/Default setting, so SQL authentication cannot be shown to be off.`,
        evidence: [{ resourceId: `${server.id}/azureADOnlyAuthentications/Default`, path: 'properties.azureADOnlyAuthentication', absent: true, note: 'the Entra-only setting was read for every server and this one has none' }],
      });
      return;
    }
    const entraOnly = entraOnlyAuthentication(setting);
    if (entraOnly.value) return;
    context.report({
      message: `SQL server '${server.name}' accepts SQL authentication as well as Microsoft Entra ID (Entra-only authentication is ${entraOnly.absent ? 'not set' : 'off'}).`,
      evidence: [evidence(entraOnly, entraOnly.absent ? 'not set; SQL authentication is accepted' : undefined)],
    });
  },
});
