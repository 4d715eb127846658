import rule from '../../../rules/monitor/keyvault-audit-logs-not-collected.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'audit-event-category': {}, 'audit-category-group': {}, 'all-logs-group-enabled-as-string': {}, 'malformed-setting-beside-one-that-audits': {} },
  fail: {
    'no-diagnostic-setting': {
      findings: [
        {
          resource: '/vaults/kv-fixture',
          severity: 'medium',
          message: /^Key Vault 'kv-fixture' has no diagnostic setting: its audit events \(who read which secret or used which key\) are not logged\.$/,
          evidencePaths: ['providers/Microsoft.Insights/diagnosticSettings'],
        },
      ],
    },
    'policy-evaluation-only': { findings: [{ message: /^Key Vault 'kv-fixture' has diagnostic setting 'to-workspace', none of which sends AuditEvent/, evidencePaths: ['properties.logs'] }] },
    'metrics-only': { findings: [{ message: /'metrics-only', none of which sends AuditEvent/ }] },
  },
  notEvaluated: {
    'diagnostic-settings-not-collected': { code: 'NotCollected' },
    'diagnostic-settings-read-forbidden': { code: 'AuthorizationFailed' },
    'logs-malformed': { code: 'MalformedProperty', reason: /^'broken': properties\.logs is "AuditEvent"/ },
  },
});
