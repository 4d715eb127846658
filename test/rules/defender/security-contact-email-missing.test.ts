import rule from '../../../rules/defender/security-contact-email-missing.js';
import { testRule } from '../rule-tester.js';

const CONTACT = '/subscriptions/11111111-2222-3333-4444-555555555555/providers/Microsoft.Security/securityContacts/default';

testRule(rule, {
  pass: {
    'every-setting-on': {},
    'arm-example-contact': {},
    'comma-separated': {},
  },
  fail: {
    'no-contact': { findings: [{ resource: CONTACT, message: /^Subscription 'contoso-fixture' has no security contact, so no email address is notified of alerts besides the owners\.$/, evidencePaths: ['providers/Microsoft.Security/securityContacts'] }] },
    'contact-disabled': { findings: [{ resource: CONTACT, message: /the security contact is disabled/, evidencePaths: ['properties.isEnabled'] }] },
    'emails-empty': { findings: [{ resource: CONTACT, message: /: the security contact has no email address\.$/, evidencePaths: ['properties.emails'] }] },
    'emails-absent': { findings: [{ resource: CONTACT, message: /has no email address/, evidencePaths: ['properties.emails'] }] },
    'only-separators': { findings: [{ resource: CONTACT, message: /has no email address/ }] },
  },
  notEvaluated: {
    'is-enabled-malformed': { code: 'MalformedProperty', reason: /^properties\.isEnabled is "yes"/ },
    'emails-malformed': { code: 'MalformedProperty', reason: /^properties\.emails is \[/ },
    'contacts-not-collected': { code: 'NotCollected' },
    'contacts-read-failed': { code: 'AuthorizationFailed' },
  },
});
