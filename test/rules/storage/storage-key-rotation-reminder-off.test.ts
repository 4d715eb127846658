import rule from '../../../rules/storage/storage-key-rotation-reminder-off.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'ninety-days': {}, 'thirty-days': {}, 'hundred-eighty-days-allowed-by-option': { options: { maxDays: 180 } } },
  fail: {
    'no-key-policy': {
      findings: [{ resource: '/storageAccounts/stfixture', severity: 'low', message: /^Storage account 'stfixture' has no key rotation reminder: no key expiration policy is set\.$/, evidencePaths: ['properties.keyPolicy.keyExpirationPeriodInDays'] }],
    },
    'three-hundred-sixty-five-days': { findings: [{ message: /reminds to rotate its keys only after 365 days, more than 90\.$/ }] },
  },
  notEvaluated: {
    'period-not-a-number': { code: 'MalformedProperty', reason: /^properties\.keyPolicy\.keyExpirationPeriodInDays is "90", expected a number$/ },
    'period-zero': { code: 'MalformedProperty', reason: /^properties\.keyPolicy\.keyExpirationPeriodInDays is 0, expected a whole number of days, at least 1$/ },
  },
});
