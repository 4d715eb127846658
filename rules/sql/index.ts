import type { AnyRule } from '../../src/model/rule.js';
import sqlAuditRetentionTooShort from './sql-audit-retention-too-short.js';
import sqlAuditingDisabled from './sql-auditing-disabled.js';
import sqlDefenderDisabled from './sql-defender-disabled.js';
import sqlEntraAdminMissing from './sql-entra-admin-missing.js';
import sqlEntraOnlyAuthDisabled from './sql-entra-only-auth-disabled.js';
import sqlFirewallAllowsAllAzure from './sql-firewall-allows-all-azure.js';
import sqlFirewallAllowsInternet from './sql-firewall-allows-internet.js';
import sqlPublicNetworkAccessEnabled from './sql-public-network-access-enabled.js';
import sqlTdeDisabled from './sql-tde-disabled.js';
import sqlTlsBelow12 from './sql-tls-below-1-2.js';

export const SQL_RULES: readonly AnyRule[] = [
  sqlTdeDisabled,
  sqlFirewallAllowsInternet,
  sqlAuditingDisabled,
  sqlTlsBelow12,
  sqlFirewallAllowsAllAzure,
  sqlPublicNetworkAccessEnabled,
  sqlEntraAdminMissing,
  sqlEntraOnlyAuthDisabled,
  sqlAuditRetentionTooShort,
  sqlDefenderDisabled,
];
