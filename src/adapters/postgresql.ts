import type { ArmResource } from '../inventory/types.js';
import { serverParameter, type ParameterSetting } from './flexible-server.js';
import { readString, type Setting } from './setting.js';

/**
 * Azure Database for PostgreSQL flexible server parameters azscan reads, with the default
 * Microsoft Learn documents for each ("Server parameters in Azure Database for PostgreSQL",
 * https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-server-parameters, and
 * its per-category tables, PostgreSQL 11–17 alike): what is in force when the parameter is absent
 * from the `configurations` list read at API 2024-08-01.
 */
export const POSTGRESQL_PARAMETER_DEFAULTS = {
  /** Customized options: `on`; the server refuses connections without TLS. */
  require_secure_transport: 'on',
  /** Connections and Authentication / SSL: `TLSv1.2`, allowed `TLSv1.2,TLSv1.3`. */
  ssl_min_protocol_version: 'TLSv1.2',
  /** Reporting and Logging / What to Log: `on` on flexible server (PostgreSQL's own default is off before 15). */
  log_checkpoints: 'on',
  /** Reporting and Logging / What to Log: `on`. */
  log_connections: 'on',
  /** Reporting and Logging / What to Log: `on`. */
  log_disconnections: 'on',
  /** Customized options: `off`; failed logins from an address are not throttled unless turned on. */
  'connection_throttle.enable': 'off',
  /** Customized options: `3` days, allowed 1–7. */
  'logfiles.retention_days': '3',
} as const;

export type PostgresqlParameter = keyof typeof POSTGRESQL_PARAMETER_DEFAULTS;

/** A PostgreSQL flexible server's parameter, from its `configurations`, or its documented default. */
export function postgresqlParameter(server: ArmResource, parameters: readonly ArmResource[], name: PostgresqlParameter): ParameterSetting {
  return serverParameter(server, parameters, name, POSTGRESQL_PARAMETER_DEFAULTS[name]);
}

/**
 * `properties.authConfig.passwordAuth`: absent means Enabled, PostgreSQL logins with passwords
 * (API 2022-12-01 and later; servers created before the property accept only passwords).
 */
export function postgresqlPasswordAuth(server: ArmResource): Setting<string> {
  return readString(server, 'properties.authConfig.passwordAuth', 'Enabled');
}

/** `properties.authConfig.activeDirectoryAuth`: absent means Disabled, no Microsoft Entra logins. */
export function postgresqlEntraAuth(server: ArmResource): Setting<string> {
  return readString(server, 'properties.authConfig.activeDirectoryAuth', 'Disabled');
}
