import rule from '../../../rules/containerregistry/acr-anonymous-pull-enabled.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'anonymous-pull-disabled': {}, 'anonymous-pull-absent': {} },
  fail: {
    'anonymous-pull-enabled': { findings: [{ resource: '/registries/crfixture', severity: 'high', message: /^Container registry 'crfixture' allows anonymous pull: every image can be pulled without credentials\.$/, evidencePaths: ['properties.anonymousPullEnabled'] }] },
  },
  notEvaluated: {
    'anonymous-pull-malformed': { code: 'MalformedProperty', reason: /anonymousPullEnabled is 0/ },
    'registry-list-forbidden': { code: 'AuthorizationFailed' },
  },
});
