import rule from '../../../rules/sql/sql-firewall-allows-internet.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: {
    'specific-ranges': {},
    'allow-azure-services-only': {},
    'exactly-a-slash-8': {},
    'no-firewall-rules': {},
  },
  fail: {
    'whole-internet': { findings: [{ resource: '/servers/sql-fixture', severity: 'critical', message: /'AllowAll' \(0\.0\.0\.0–255\.255\.255\.255\)\.$/ }] },
    'wider-than-a-slash-8': { findings: [{ message: /'wide' \(1\.0\.0\.0–2\.0\.0\.0\)/ }] },
    'two-wide-rules-one-finding': { findings: [{ message: /rules 'any-a' .*, 'any-b' /, evidencePaths: ['properties.startIpAddress', 'properties.publicNetworkAccess'] }] },
    'public-access-disabled-reported-low': { findings: [{ severity: 'low', message: /public network access is Disabled/ }] },
    'malformed-rule-does-not-hide-open-rule': {
      findings: [{ message: /'AllowAll' \(0\.0\.0\.0–255\.255\.255\.255\)\.$/ }],
      unread: [{ code: 'MalformedProperty', reason: /^'weird': properties\.startIpAddress is "any"/ }],
    },
  },
  notEvaluated: {
    'firewall-rules-not-collected': { code: 'NotCollected' },
    'malformed-address': { code: 'MalformedProperty', reason: /^'weird': properties\.startIpAddress is "any"/ },
    'firewall-list-forbidden': { code: 'AuthorizationFailed' },
  },
});
