import rule from '../../../rules/appservice/appservice-http2-off.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'http2-on': {}, 'http2-absent': {} },
  fail: {
    'arm-example-site-config': { findings: [{ resource: '/sites/sitef6141', message: /has HTTP\/2 off/, evidencePaths: ['properties.http20Enabled'] }] },
    'function-app-http2-off': { findings: [{ message: /Function app 'func-fixture' has HTTP\/2 off/ }] },
  },
  notEvaluated: {
    'http2-malformed': { code: 'MalformedProperty', reason: /properties.http20Enabled/ },
    'config-not-collected': { code: 'NotCollected' },
  },
});
