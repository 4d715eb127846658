import rule from '../../../rules/appservice/appservice-tls-below-1-2.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'arm-example-site-config': {}, 'tls-1-2-and-1-3': {} },
  fail: {
    'both-absent': {
      findings: [
        {
          message: /accepts TLS 1.0 on its site \(no minimum TLS version is set\) and TLS 1.0 on its SCM \(Kudu\) site/,
          evidencePaths: ['properties.minTlsVersion', 'properties.scmMinTlsVersion'],
        },
      ],
    },
    'site-tls-1-0': { findings: [{ resource: '/sites/app-fixture', message: /Web app 'app-fixture' accepts TLS 1.0 on its site\.$/ }] },
    'scm-tls-1-1-on-slot': { findings: [{ resource: '/slots/staging', message: /slot 'app-fixture\/staging' accepts TLS 1.1 on its SCM/ }] },
  },
  notEvaluated: {
    'tls-malformed': { code: 'MalformedProperty', reason: /properties.minTlsVersion/ },
    'config-not-collected': { code: 'NotCollected' },
    'config-read-forbidden': { code: 'AuthorizationFailed' },
    'config-missing-where-collected': { code: 'MissingChild', reason: /config 'web'/ },
  },
});
