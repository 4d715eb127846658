import rule from '../../../rules/appservice/appservice-remote-debugging-on.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'arm-example-site-config': {}, 'remote-debugging-absent': {} },
  fail: {
    'remote-debugging-on': { findings: [{ message: /Web app 'app-fixture' has remote debugging on/, evidencePaths: ['properties.remoteDebuggingEnabled'] }] },
    'function-app-string-true': { findings: [{ message: /Function app 'func-fixture'/ }] },
  },
  notEvaluated: {
    'remote-debugging-malformed': { code: 'MalformedProperty', reason: /properties.remoteDebuggingEnabled/ },
    'config-not-collected': { code: 'NotCollected' },
  },
});
