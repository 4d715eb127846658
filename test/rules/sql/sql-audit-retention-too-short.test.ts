import rule from '../../../rules/sql/sql-audit-retention-too-short.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'retention-unlimited': {}, 'retention-absent-means-unlimited': {}, 'retention-exactly-90': {}, 'retention-a-year': {} },
  fail: {
    'retention-30-days': {
      findings: [{ resource: '/servers/sql-fixture', severity: 'low', message: /^SQL server 'sql-fixture' keeps its audit logs for 30 days, less than 90\.$/, evidencePaths: ['properties.retentionDays', 'properties.storageEndpoint'] }],
    },
    'retention-89-days': { findings: [{ message: /89 days/ }] },
    'retention-1-day-state-lowercase': { findings: [{ message: /for 1 day,/ }] },
  },
  notApplicable: {
    'auditing-disabled': { reason: /auditing is not enabled/ },
    'auditing-absent-where-collected': { reason: /AZ-SQL-003/ },
    'azure-monitor-only': { reason: /not written to a storage account/ },
    'storage-endpoint-absent': { reason: /not written to a storage account/ },
    'arm-example-auditing-disabled': { reason: /auditing is not enabled/ },
  },
  notEvaluated: {
    'auditing-not-collected': { code: 'NotCollected' },
    'auditing-read-forbidden': { code: 'AuthorizationFailed' },
    'retention-malformed': { code: 'MalformedProperty', reason: /retentionDays is "30", expected a number/ },
    'storage-endpoint-malformed': { code: 'MalformedProperty', reason: /storageEndpoint/ },
  },
});
