import rule from '../../../rules/iothub/iothub-shared-access-keys-enabled.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'local-auth-disabled': {} },
  fail: {
    'arm-example-iothub-get': { findings: [{ resource: '/IotHubs/testHub', evidencePaths: ['properties.disableLocalAuth'] }] },
    'local-auth-explicitly-enabled': { findings: [{ message: /accepts shared access key/ }] },
  },
  notEvaluated: { 'local-auth-malformed': { code: 'MalformedProperty' } },
});
