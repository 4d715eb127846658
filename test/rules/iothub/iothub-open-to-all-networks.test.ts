import rule from '../../../rules/iothub/iothub-open-to-all-networks.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: {
    'arm-example-iothub-get': {},
    'public-access-disabled': {},
    'ip-filter-specific-ranges': {},
    'reject-all-after-specific-accept': {},
    'reject-all-only': {},
    'accept-of-single-zero-address': {},
  },
  fail: {
    'no-restrictions': { findings: [{ message: /no IP filter rule limits it/ }] },
    'accept-all-filter': { findings: [{ message: /IP filter rule 'everyone' accepts 0\.0\.0\.0\/0/ }] },
    'reject-only-filters': { findings: [{ message: /no IP filter rule limits it/ }] },
    'accept-all-after-reject': { findings: [{ message: /IP filter rule 'everyone' accepts 0\.0\.0\.0\/0/ }] },
  },
  notEvaluated: { 'ip-filter-malformed': { code: 'MalformedProperty', reason: /ipFilterRules\[0\]/ } },
});
