import type { AnyRule } from '../../src/engine/rule.js';
import sqlAuditingDisabled from './sql-auditing-disabled.js';
import sqlFirewallAllowsInternet from './sql-firewall-allows-internet.js';
import sqlTdeDisabled from './sql-tde-disabled.js';
import sqlTlsBelow12 from './sql-tls-below-1-2.js';

export const SQL_RULES: readonly AnyRule[] = [sqlTdeDisabled, sqlFirewallAllowsInternet, sqlAuditingDisabled, sqlTlsBelow12];
