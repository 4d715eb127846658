import rule from '../../../rules/mysql/mysql-tls-below-1-2.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: {
    'tls-1-2-and-1-3': {},
    'tls-1-3-only-spaced': {},
    'parameter-not-listed-takes-default': {},
    'value-missing-takes-default': {},
  },
  fail: {
    'tls-1-0-to-1-2': { findings: [{ resource: '/flexibleServers/mysql-fixture', severity: 'medium', message: /MySQL flexible server 'mysql-fixture' accepts TLS older than 1\.2: tls_version is 'TLSv1,TLSv1\.1,TLSv1\.2'\.$/, evidencePaths: ['properties.value'] }] },
    'tls-1-1-listed-last': { findings: [{ resource: '/flexibleServers/mysql-fixture', severity: 'medium', message: /is 'TLSv1.2,TLSv1.1'/, evidencePaths: ['properties.value'] }] },
  },
  notEvaluated: {
    'configurations-not-collected': { code: 'NotCollected', reason: /configurations was not collected/ },
    'configurations-read-failed': { code: 'AuthorizationFailed' },
    'malformed-unknown-version': { code: 'MalformedProperty', reason: /^parameter 'tls_version': properties\.value is "TLSv1.2,SSLv3", expected TLS versions/ },
    'malformed-empty-list': { code: 'MalformedProperty', reason: /^parameter 'tls_version': properties\.value is "", expected TLS versions/ },
  },
});
