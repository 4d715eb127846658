import rule from '../../../rules/sql/sql-tls-below-1-2.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'tls-1-2': {}, 'tls-1-3': {} },
  fail: {
    'arm-example-server-get': { findings: [{ message: /accepts TLS 1\.0 \(no minimum TLS version is set\)/ }] },
    'tls-1-0': { findings: [{ message: /accepts TLS 1\.0\.$/ }] },
    'tls-1-1': { findings: [{ message: /accepts TLS 1\.1\.$/ }] },
    'tls-none': { findings: [{ message: /accepts TLS 1\.0/ }] },
  },
  notEvaluated: { 'tls-unreadable': { code: 'MalformedProperty', reason: /minimalTlsVersion/ } },
});
