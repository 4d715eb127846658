import type { ArmResource } from '../inventory/types.js';
import { serverParameter, type ParameterSetting } from './flexible-server.js';

/**
 * Azure Database for MySQL flexible server parameters azscan reads, with the default Microsoft
 * Learn documents for each: what is in force when the parameter is absent from the
 * `configurations` list read at API 2023-12-30.
 * - https://learn.microsoft.com/azure/mysql/flexible-server/concepts-server-parameters
 * - https://learn.microsoft.com/azure/mysql/flexible-server/concepts-audit-logs
 * - https://learn.microsoft.com/azure/mysql/flexible-server/how-to-connect-tls-ssl
 */
export const MYSQL_PARAMETER_DEFAULTS = {
  /** `ON`: "By default, secure connectivity is enforced" (connect with TLS/SSL). */
  require_secure_transport: 'ON',
  /** `TLSv1.2` (MySQL 5.7; 8.0 servers list `TLSv1.2,TLSv1.3`); TLS 1.0 and 1.1 are no longer offered. */
  tls_version: 'TLSv1.2',
  /** `OFF`: "By default, audit logs are disabled". */
  audit_log_enabled: 'OFF',
  /** `CONNECTION`: the default set of logged event classes. */
  audit_log_events: 'CONNECTION',
  /** `OFF`: password logins are accepted beside Microsoft Entra ones. */
  aad_auth_only: 'OFF',
} as const;

export type MysqlParameter = keyof typeof MYSQL_PARAMETER_DEFAULTS;

/** A MySQL flexible server's parameter, from its `configurations`, or its documented default. */
export function mysqlParameter(server: ArmResource, parameters: readonly ArmResource[], name: MysqlParameter): ParameterSetting {
  return serverParameter(server, parameters, name, MYSQL_PARAMETER_DEFAULTS[name]);
}
