import rule from '../../../rules/appservice/appservice-https-only-off.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'https-only-true': {}, 'https-only-string-true': {}, 'function-app-and-slot-https-only': {} },
  fail: {
    'https-only-absent': { findings: [{ message: /Web app 'app-fixture' serves plain HTTP: httpsOnly is not set/, evidencePaths: ['properties.httpsOnly'] }] },
    'slot-https-only-false': { findings: [{ resource: '/sites/app-fixture/slots/staging', message: /Web app slot 'app-fixture\/staging'/ }] },
    'arm-example-get-web-app': { findings: [{ resource: '/sites/sitef6141', message: /httpsOnly is false/ }] },
  },
  notEvaluated: {
    'https-only-malformed': { code: 'MalformedProperty', reason: /properties.httpsOnly/ },
    'site-list-forbidden': { code: 'AuthorizationFailed' },
  },
});
