import rule from '../../../rules/sql/sql-public-network-access-enabled.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'public-access-disabled': {}, 'public-access-disabled-lowercase': {} },
  fail: {
    'public-access-enabled': { findings: [{ resource: '/servers/sql-fixture', severity: 'medium', message: /\(public network access Enabled\); only its firewall rules keep clients out\.$/ }] },
    'public-access-absent': { findings: [{ severity: 'medium', message: /not set, which means Enabled/, evidencePaths: ['properties.publicNetworkAccess'] }] },
    'secured-by-perimeter-reported-low': { findings: [{ severity: 'low', message: /network security perimeter/ }] },
    'arm-example-server-get': { findings: [{ resource: '/servers/sqlcrudtest-4645' }] },
  },
  notEvaluated: {
    'public-access-malformed': { code: 'MalformedProperty', reason: /publicNetworkAccess is true/ },
    'server-list-forbidden': { code: 'AuthorizationFailed' },
  },
});
