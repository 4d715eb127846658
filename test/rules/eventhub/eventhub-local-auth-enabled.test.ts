import rule from '../../../rules/eventhub/eventhub-local-auth-enabled.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'local-auth-disabled': {} },
  fail: {
    'local-auth-enabled': { findings: [{ resource: '/namespaces/evhns-fixture', message: /^Event Hubs namespace 'evhns-fixture' accepts shared access signature \(SAS\) authentication\.$/, evidencePaths: ['properties.disableLocalAuth'] }] },
    'local-auth-absent': { findings: [{ evidencePaths: ['properties.disableLocalAuth'] }] },
  },
  notEvaluated: { 'local-auth-malformed': { code: 'MalformedProperty', reason: /disableLocalAuth is "sometimes"/ } },
});
