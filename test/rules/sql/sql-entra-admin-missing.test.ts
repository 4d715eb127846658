import rule from '../../../rules/sql/sql-entra-admin-missing.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'entra-admin-set': {} },
  fail: {
    'no-admin-where-collected': { findings: [{ resource: '/servers/sql-fixture', message: /^SQL server 'sql-fixture' has no Microsoft Entra admin, so only SQL logins can sign in\.$/, evidencePaths: ['properties.login'] }] },
    'one-of-two-servers': { findings: [{ resource: '/servers/sql-legacy' }] },
    'arm-example-server-get': { findings: [{ resource: '/servers/sqlcrudtest-4645' }] },
  },
  notEvaluated: {
    'administrators-not-collected': { code: 'NotCollected', reason: /administrators was not collected/ },
    'administrators-read-forbidden': { code: 'AuthorizationFailed' },
    'malformed-administrator': { code: 'MalformedResource', reason: /no properties object/ },
  },
});
