import rule from '../../../rules/defender/security-contact-owners-not-notified.js';
import { testRule } from '../rule-tester.js';

const CONTACT = '/subscriptions/11111111-2222-3333-4444-555555555555/providers/Microsoft.Security/securityContacts/default';

testRule(rule, {
  pass: {
    'every-setting-on': {},
    'arm-example-contact': {},
    'no-contact': {},
    'state-other-case': {},
  },
  fail: {
    'contact-disabled': { findings: [{ resource: CONTACT, message: /^Subscription 'contoso-fixture': the security contact is disabled \(isEnabled false\), so it notifies no one\.$/, evidencePaths: ['properties.isEnabled'] }] },
    'role-notifications-off': { findings: [{ resource: CONTACT, message: /notificationsByRole\.state is 'Off'\)\.$/, evidencePaths: ['properties.notificationsByRole.state'] }] },
    'owner-not-among-roles': { findings: [{ resource: CONTACT, message: /emails the roles Contributor, ServiceAdmin, not Owner\.$/, evidencePaths: ['properties.notificationsByRole.roles'] }] },
    'by-role-absent': { findings: [{ resource: CONTACT, message: /notificationsByRole\.state is absent\)\.$/ }] },
  },
  notEvaluated: {
    'is-enabled-malformed': { code: 'MalformedProperty', reason: /^properties\.isEnabled is "yes"/ },
    'roles-malformed': { code: 'MalformedProperty', reason: /^properties\.notificationsByRole\.roles is "Owner"/ },
    'contacts-not-collected': { code: 'NotCollected' },
    'contacts-read-failed': { code: 'AuthorizationFailed' },
  },
});
