import { evidence } from '../../src/adapters/setting.js';
import { auditingState, auditRetentionDays, auditStorageEndpoint, isEnabled } from '../../src/adapters/sql.js';
import { SQL_AUDITING_TYPE, SQL_SERVER_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';

/** The shortest retention that passes, as Azure Policy's built-in definition and CIS 5.1.6 count it. */
const MINIMUM_RETENTION_DAYS = 90;

export default defineRule({
  id: 'AZ-SQL-009',
  name: 'sql-audit-retention-too-short',
  title: 'SQL server audit logs kept for less than 90 days',
  severity: 'low',
  service: 'sql',
  resourceTypes: [SQL_SERVER_TYPE],
  requires: [SQL_AUDITING_TYPE],
  description:
    'Server auditing writes to a storage account (`storageEndpoint` set) and `retentionDays` is between 1 and 89, so audit records older than that are deleted. 0, the default, keeps them without limit and passes. Servers whose auditing is not Enabled are not applicable (AZ-SQL-003 reports them), nor are servers auditing only to Azure Monitor, where the Log Analytics workspace or event hub consumer sets the retention.',
  rationale:
    'Breaches are typically found weeks or months after they start. If the audit trail of a database holding device and personal data is gone by then, nobody can tell what was read or exported, or whose data to notify about.',
  remediation: {
    text: 'Keep audit logs for at least 90 days (0 keeps them indefinitely), or send them to a Log Analytics workspace whose retention meets your policy.',
    az: 'az sql server audit-policy update --resource-group <resource-group> --name <server> --state Enabled --bsts Enabled --retention-days 90',
  },
  references: ['https://learn.microsoft.com/azure/azure-sql/database/auditing-setup'],
  compliance: { 'cis-azure-3.0': ['5.1.6'], mcsb: ['LT-6'] },
  check(server, context) {
    const auditing = context.childOf(server, SQL_AUDITING_TYPE, 'default');
    if (!auditing || !isEnabled(auditingState(auditing))) {
      context.notApplicable('auditing is not enabled on the server (AZ-SQL-003 reports it)');
      return;
    }
    const storage = auditStorageEndpoint(auditing);
    if (storage.value.trim() === '') {
      context.notApplicable('audit logs are not written to a storage account; their retention is set where Azure Monitor sends them');
      return;
    }
    const retention = auditRetentionDays(auditing);
    if (retention.value === 0 || retention.value >= MINIMUM_RETENTION_DAYS) return;
    context.report({
      message: `SQL server '${server.name}' keeps its audit logs for ${retention.value} day${retention.value === 1 ? '' : 's'}, less than ${MINIMUM_RETENTION_DAYS}.`,
      evidence: [evidence(retention), evidence(storage)],
    });
  },
});
