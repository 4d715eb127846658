import { isEnabled, isSystemDatabase, tdeState } from '../../src/adapters/sql.js';
import { SQL_DATABASE_TYPE, SQL_TDE_TYPE } from '../../src/inventory/arm-types.js';
import { evidence } from '../../src/adapters/setting.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-SQL-001',
  name: 'sql-tde-disabled',
  title: 'Transparent data encryption disabled on a SQL database',
  severity: 'high',
  service: 'sql',
  resourceTypes: [SQL_DATABASE_TYPE],
  requires: [SQL_TDE_TYPE],
  description:
    'The database\'s `transparentDataEncryption/current` setting is not Enabled (`state`, or `status` in API versions before 2021), so its data files, logs and backups are stored unencrypted. System databases (`master`) are not applicable.',
  rationale:
    'TDE protects data at rest against theft of the underlying files and backups. It is on by default for new databases, so a database without it was created before 2017 or had it turned off on purpose — either way, a question asked of every national-scale backend holding personal data: is TDE on?',
  remediation: {
    text: 'Turn on transparent data encryption for the database.',
    az: 'az sql db tde set --resource-group <resource-group> --server <server> --database <database> --status Enabled',
  },
  references: ['https://learn.microsoft.com/azure/azure-sql/database/transparent-data-encryption-tde-overview'],
  compliance: { 'cis-azure-3.0': ['5.1.5'], mcsb: ['DP-4'] },
  check(database, context) {
    if (isSystemDatabase(database)) {
      context.notApplicable(`'${database.name}' is a system database, encrypted and managed by Azure`);
      return;
    }
    const tde = context.childOf(database.id, SQL_TDE_TYPE, 'current');
    if (!tde) {
      context.report({
        message: `Database '${database.name}' has no transparentDataEncryption/current setting, so TDE cannot be shown to be on.`,
        evidence: [{ resourceId: `${database.id}/transparentDataEncryption/current`, path: 'properties.state', absent: true, note: 'the TDE setting was read for every database and this one has none' }],
      });
      return;
    }
    const state = tdeState(tde);
    if (isEnabled(state)) return;
    context.report({
      message: `Transparent data encryption is ${state.absent ? 'not set' : `'${String(state.value)}'`} on database '${database.name}'.`,
      evidence: [evidence(state, state.absent ? 'not set; TDE is not shown to be Enabled' : undefined)],
    });
  },
});
