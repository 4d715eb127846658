import rule from '../../../rules/defender/cloud-apps-integration-off.js';
import { testRule } from '../rule-tester.js';

const MCAS = '/subscriptions/11111111-2222-3333-4444-555555555555/providers/Microsoft.Security/settings/MCAS';

testRule(rule, {
  pass: {
    'arm-example-settings': {},
    'enabled-as-string': {},
  },
  fail: {
    'mcas-disabled': { findings: [{ resource: MCAS, message: /^Defender for Cloud Apps integration is off in subscription 'contoso-fixture': setting 'MCAS' has enabled false\.$/, evidencePaths: ['properties.enabled'] }] },
    'enabled-absent': { findings: [{ resource: MCAS, message: /has no enabled \(read as off\)\.$/, evidencePaths: ['properties.enabled'] }] },
    'mcas-not-listed': { findings: [{ resource: MCAS, message: /there is no 'MCAS' setting\.$/, evidencePaths: ['properties.enabled'] }] },
  },
  notEvaluated: {
    'enabled-malformed': { code: 'MalformedProperty', reason: /^properties\.enabled is "yes"/ },
    'settings-not-collected': { code: 'NotCollected' },
    'settings-read-failed': { code: 'AuthorizationFailed' },
  },
});
