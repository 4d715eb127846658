import rule from '../../../rules/compute/vm-encryption-at-host-off.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'encryption-at-host-on': {}, 'encryption-at-host-string-true': {} },
  fail: {
    'security-profile-absent': { findings: [{ resource: '/virtualMachines/vmfixture', severity: 'low', message: /^Virtual machine 'vmfixture' does not use encryption at host: encryptionAtHost is not set, which means off;/, evidencePaths: ['properties.securityProfile.encryptionAtHost'] }] },
    'encryption-at-host-false': { findings: [{ message: /encryptionAtHost is false;/ }] },
  },
  notEvaluated: {
    'encryption-at-host-malformed': { code: 'MalformedProperty', reason: /^properties\.securityProfile\.encryptionAtHost is "yes", expected true or false$/ },
    'vm-list-read-failed': { code: 'TooManyRequests' },
  },
});
