import rule from '../../../rules/sql/sql-tde-disabled.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: {
    'tde-enabled': {},
    'legacy-status-enabled': {},
    'state-lowercase': {},
    'arm-example-tde-get': {},
  },
  fail: {
    'tde-disabled': { findings: [{ resource: '/databases/appdb', message: /'Disabled' on database 'appdb'/, evidencePaths: ['properties.state'] }] },
    'legacy-status-disabled': { findings: [{ evidencePaths: ['properties.status'] }] },
    'tde-child-absent-where-collected': { findings: [{ message: /has no transparentDataEncryption\/current/ }] },
    'one-of-two-databases': { findings: [{ resource: '/databases/reports' }] },
  },
  notApplicable: {
    'master-database': { reason: /system database/ },
    'master-name-mixed-case': { reason: /system database/ },
    'system-kind': { reason: /system database/ },
  },
  notEvaluated: {
    'tde-not-collected': { code: 'NotCollected', reason: /transparentDataEncryption was not collected/ },
    'tde-read-forbidden': { code: 'AuthorizationFailed' },
    'bare-array-export': { code: 'NotCollected', reason: /bare array/ },
    'database-list-failed': { code: 'InternalServerError' },
  },
});
