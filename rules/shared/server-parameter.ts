import { describeParameter, parameterEvidence, type ParameterSetting } from '../../src/adapters/flexible-server.js';
import type { ArmResource } from '../../src/inventory/types.js';
import type { RuleContext } from '../../src/model/rule.js';

/** PostgreSQL and MySQL flexible servers, as messages name them. */
export const POSTGRESQL_SERVER = 'PostgreSQL flexible server';
export const MYSQL_SERVER = 'MySQL flexible server';

/**
 * Reports a server parameter that fails a rule: `<what> '<server>' <problem>: <parameter> is
 * '<value>'`, saying when the value is the documented default of a parameter not in the list.
 * Shared by the PostgreSQL and MySQL parameter rules, so that they word and evidence alike.
 */
export function reportParameter(server: ArmResource, context: RuleContext, what: string, problem: string, setting: ParameterSetting): void {
  context.report({ message: `${what} '${server.name}' ${problem}: ${describeParameter(setting)}.`, evidence: [parameterEvidence(setting)] });
}
