import rule from '../../../rules/eventhub/eventhub-tls-below-1-2.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'tls-1-2': {}, 'tls-1-3': { options: { minimumVersion: '1.3' } } },
  fail: {
    'tls-1-0': { findings: [{ resource: '/namespaces/evhns-fixture', message: /^Event Hubs namespace 'evhns-fixture' accepts TLS 1\.0\.$/ }] },
    'tls-1-1': { findings: [{ message: /accepts TLS 1\.1\.$/ }] },
    'tls-1-2-below-configured-1-3': { options: { minimumVersion: '1.3' }, findings: [{ message: /accepts TLS 1\.2\.$/ }] },
    'tls-absent': { findings: [{ message: /accepts TLS 1\.0 \(no minimum TLS version is set\)\.$/, evidencePaths: ['properties.minimumTlsVersion'] }] },
  },
  notEvaluated: { 'tls-malformed': { code: 'MalformedProperty', reason: /minimumTlsVersion is 1\.2/ } },
});
