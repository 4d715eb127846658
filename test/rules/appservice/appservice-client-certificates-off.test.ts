import rule from '../../../rules/appservice/appservice-client-certificates-off.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'client-cert-required': {} },
  fail: {
    'client-cert-absent': { findings: [{ message: /clientCertEnabled is not set, which means false/, evidencePaths: ['properties.clientCertEnabled'] }] },
    'arm-example-get-web-app': { findings: [{ resource: '/sites/sitef6141', message: /clientCertEnabled is false/ }] },
  },
  notEvaluated: { 'client-cert-malformed': { code: 'MalformedProperty', reason: /properties.clientCertEnabled/ } },
});
