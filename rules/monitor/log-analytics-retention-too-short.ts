import { evidence, readBoolean } from '../../src/adapters/setting.js';
import { LOG_ANALYTICS_WORKSPACE_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';

// TODO(new-rule): the property the rule reads. Where Azure has a default for it, or another
// rule reads it too, read it through a named accessor in src/adapters/ that says the default
// and the API version that set it (see allowsSharedKeyAccess in src/adapters/storage.ts).
const SETTING = 'properties.exampleSetting';

export default defineRule({
  id: 'AZ-MON-009',
  name: 'log-analytics-retention-too-short',
  title: 'Log Analytics workspace keeps logs for under 90 days',
  severity: 'low',
  service: 'monitor',
  resourceTypes: [LOG_ANALYTICS_WORKSPACE_TYPE],
  // Child and extension types the check reads (context.childOf / childrenOf), so they are collected.
  requires: [],
  description: 'TODO(new-rule): what a failing resource has, naming the property paths read and what an absent value means.',
  rationale: 'TODO(new-rule): why it matters: what an attacker, or an accident, can do because of it.',
  remediation: {
    text: 'TODO(new-rule): how to fix it, and what to check before doing so.',
    az: 'az TODO(new-rule) --resource-group <resource-group> --name <name>',
  },
  references: ['https://learn.microsoft.com/azure/TODO(new-rule)'],
  // TODO(new-rule): the CIS Microsoft Azure Foundations Benchmark v3.0.0 and MCSB controls (src/compliance/*.json).
  compliance: { 'cis-azure-3.0': [], mcsb: [] },
  check(resource, context) {
    const setting = readBoolean(resource, SETTING, false);
    if (setting.value) return;
    context.report({
      message: `'${resource.name}': TODO(new-rule) say what is wrong; ${SETTING} is ${setting.absent ? 'not set' : 'false'}.`,
      evidence: [evidence(setting)],
    });
  },
});
