import rule from '../../../rules/storage/storage-tls-below-1-2.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'tls1-2': {}, 'tls1-3': {} },
  fail: {
    'tls1-0': { findings: [{ message: /accepts TLS 1\.0\.$/ }] },
    'tls1-1': { findings: [{ message: /accepts TLS 1\.1\.$/ }] },
    'tls-absent': { findings: [{ message: /no minimum TLS version is set/ }] },
  },
  notEvaluated: { 'tls-as-number': { code: 'MalformedProperty' } },
});
