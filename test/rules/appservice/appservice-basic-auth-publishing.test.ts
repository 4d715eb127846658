import rule from '../../../rules/appservice/appservice-basic-auth-publishing.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'both-disallowed': {}, 'site-and-slot-disallowed': {} },
  fail: {
    'ftp-policy-missing-where-collected': { findings: [{ message: /no 'ftp' policy, and basic authentication is allowed by default/, evidencePaths: ['properties.allow'] }] },
    'allow-absent': { findings: [{ message: /'scm' policy allow is not set, which means true/ }] },
    'scm-allowed-only': { findings: [{ message: /basic-auth SCM \(Kudu, Web Deploy\) publishing: 'scm' policy allow is true/ }] },
    'arm-example-list-policies': { findings: [{ message: /basic-auth FTP and SCM \(Kudu, Web Deploy\) publishing: 'ftp' policy allow is true; 'scm' policy/ }] },
  },
  notEvaluated: {
    'allow-malformed': { code: 'MalformedProperty', reason: /properties.allow/ },
    'policies-not-collected': { code: 'NotCollected' },
    'slot-policies-forbidden': { code: 'AuthorizationFailed' },
  },
});
