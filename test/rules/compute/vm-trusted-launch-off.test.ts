import rule from '../../../rules/compute/vm-trusted-launch-off.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'trusted-launch': {}, 'confidential-vm': {}, 'trusted-launch-lowercase': {} },
  fail: {
    'security-profile-absent': { findings: [{ resource: '/virtualMachines/vmfixture', message: /^Virtual machine 'vmfixture' does not use Trusted Launch: its security type is not set, which means Standard\.$/, evidencePaths: ['properties.securityProfile.securityType'] }] },
    'security-type-standard': { findings: [{ message: /its security type is 'Standard'\.$/ }] },
    'only-encryption-at-host-set': { findings: [{ message: /not set, which means Standard/ }] },
  },
  notEvaluated: {
    'security-type-malformed': { code: 'MalformedProperty', reason: /^properties\.securityProfile\.securityType is true, expected a string$/ },
    'vm-list-read-failed': { code: 'AuthorizationFailed' },
  },
});
