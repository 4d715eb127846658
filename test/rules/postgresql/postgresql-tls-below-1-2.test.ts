import rule from '../../../rules/postgresql/postgresql-tls-below-1-2.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: {
    'tls-1-3': {},
    'tls-1-2-lower-case': {},
    'parameter-not-listed-takes-default': {},
    'value-missing-takes-default': {},
  },
  fail: {
    'tls-1-1': { findings: [{ resource: '/flexibleServers/pg-fixture', severity: 'medium', message: /accepts TLS older than 1\.2: ssl_min_protocol_version is 'TLSv1\.1'\.$/, evidencePaths: ['properties.value'] }] },
    'tls-1-0': { findings: [{ resource: '/flexibleServers/pg-fixture', severity: 'medium', message: /is 'TLSv1'/, evidencePaths: ['properties.value'] }] },
  },
  notEvaluated: {
    'configurations-not-collected': { code: 'NotCollected', reason: /configurations was not collected/ },
    'configurations-read-failed': { code: 'AuthorizationFailed' },
    'malformed-unknown-version': { code: 'MalformedProperty', reason: /^parameter 'ssl_min_protocol_version': properties\.value is "SSLv3", expected TLS versions such as TLSv1\.2/ },
  },
});
