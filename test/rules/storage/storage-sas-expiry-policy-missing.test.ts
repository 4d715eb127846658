import rule from '../../../rules/storage/storage-sas-expiry-policy-missing.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'one-hour': {}, 'thirty-minutes-block': {}, 'one-day-allowed-by-option': { options: { maxHours: 24 } } },
  fail: {
    'no-sas-policy': {
      findings: [{ resource: '/storageAccounts/stfixture', severity: 'low', message: /^Storage account 'stfixture' has no SAS expiration policy: SAS tokens of any lifetime are accepted\.$/, evidencePaths: ['properties.sasPolicy.sasExpirationPeriod'] }],
    },
    'arm-example-one-day-fifteen-hours': { findings: [{ message: /allows SAS tokens valid for up to 1\.15:59:59, more than 1 hour\.$/ }] },
    'one-hour-and-a-second': { findings: [{ message: /up to 0\.01:00:01/ }] },
  },
  notEvaluated: {
    'period-not-a-period': { code: 'MalformedProperty', reason: /^properties\.sasPolicy\.sasExpirationPeriod is "PT1H", expected a period d\.hh:mm:ss$/ },
    'period-not-a-string': { code: 'MalformedProperty', reason: /^properties\.sasPolicy\.sasExpirationPeriod is 3600, expected a string$/ },
  },
});
