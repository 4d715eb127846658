import rule from '../../../rules/iothub/iothub-tls-below-1-2.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'arm-example-iothub-get': {} },
  fail: {
    'arm-example-list-tls-absent': { findings: [{ resource: '/IotHubs/testHub', message: /no minimum TLS version is set/ }] },
    'tls-1-0': { findings: [{ message: /accepts TLS 1\.0\.$/ }] },
  },
});
