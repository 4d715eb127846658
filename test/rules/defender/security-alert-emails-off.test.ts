import rule from '../../../rules/defender/security-alert-emails-off.js';
import { testRule } from '../rule-tester.js';

const CONTACT = '/subscriptions/11111111-2222-3333-4444-555555555555/providers/Microsoft.Security/securityContacts/default';

testRule(rule, {
  pass: {
    'every-setting-on': {},
    'arm-example-contact': {},
    'no-contact': {},
    'minimal-severity-low': {},
  },
  fail: {
    'contact-disabled': { findings: [{ resource: CONTACT, message: /the security contact is disabled/, evidencePaths: ['properties.isEnabled'] }] },
    'only-attack-paths': { findings: [{ resource: CONTACT, message: /emails no alerts \(notificationsSources has no Alert entry\)\.$/, evidencePaths: ['properties.notificationsSources'] }] },
    'sources-absent': { findings: [{ resource: CONTACT, message: /emails no alerts/, evidencePaths: ['properties.notificationsSources'] }] },
    'minimal-severity-absent': { findings: [{ resource: CONTACT, message: /have no minimalSeverity/, evidencePaths: ['properties.notificationsSources[0].minimalSeverity'] }] },
  },
  notEvaluated: {
    'is-enabled-malformed': { code: 'MalformedProperty', reason: /^properties\.isEnabled is "yes"/ },
    'minimal-severity-malformed': { code: 'MalformedProperty', reason: /^properties\.notificationsSources\[0\]\.minimalSeverity is "Critical"/ },
    'source-malformed': { code: 'MalformedProperty', reason: /^properties\.notificationsSources\[0\] is "Alert"/ },
    'contacts-not-collected': { code: 'NotCollected' },
    'contacts-read-failed': { code: 'AuthorizationFailed' },
  },
});
