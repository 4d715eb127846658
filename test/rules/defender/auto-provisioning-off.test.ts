import rule from '../../../rules/defender/auto-provisioning-off.js';
import { testRule } from '../rule-tester.js';

const SETTING = '/subscriptions/11111111-2222-3333-4444-555555555555/providers/Microsoft.Security/autoProvisioningSettings/default';

testRule(rule, {
  pass: {
    'auto-provision-on': {},
    'auto-provision-other-case': {},
  },
  fail: {
    'auto-provision-off': { findings: [{ resource: SETTING, message: /^Auto provisioning is off in subscription 'contoso-fixture': autoProvision is 'Off'\.$/, evidencePaths: ['properties.autoProvision'] }] },
    'auto-provision-absent': { findings: [{ resource: SETTING, message: /autoProvision is absent \(read as Off\)\.$/, evidencePaths: ['properties.autoProvision'] }] },
    'no-setting': { findings: [{ resource: SETTING, message: /there is no 'default' auto provisioning setting, which means Off\.$/, evidencePaths: ['properties.autoProvision'] }] },
  },
  notEvaluated: {
    'auto-provision-malformed': { code: 'MalformedProperty', reason: /^properties\.autoProvision is true/ },
    'settings-not-collected': { code: 'NotCollected' },
    'settings-read-failed': { code: 'AuthorizationFailed' },
  },
});
