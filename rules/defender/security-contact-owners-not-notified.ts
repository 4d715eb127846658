import { notifiedRoles, roleNotificationState } from '../../src/adapters/security-contact.js';
import { evidence, sameText } from '../../src/adapters/setting.js';
import { SECURITY_CONTACT_TYPE, SUBSCRIPTION_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';
import { judgeSecurityContact } from './security-contact.js';

export default defineRule({
  id: 'AZ-DEF-004',
  name: 'security-contact-owners-not-notified',
  title: 'Defender for Cloud does not email subscription owners',
  severity: 'medium',
  service: 'defender',
  resourceTypes: [SUBSCRIPTION_TYPE],
  requires: [SECURITY_CONTACT_TYPE],
  description:
    'The subscription\'s Defender for Cloud security contact does not email the users with the Owner role about alerts: `notificationsByRole.state` is not On, `notificationsByRole.roles` does not include Owner, or the contact is disabled. With no contact at all, Defender for Cloud emails the owners by default, and the subscription passes.',
  rationale:
    'An alert nobody reads is no alert. The subscription owners can act on an alert at once (isolate a VM, rotate a key, revoke access); when they are not told, a breach in progress waits until someone opens the portal.',
  remediation: {
    text: 'In Defender for Cloud\'s environment settings, open the subscription\'s Email notifications and select Owner under "All users with the following roles", or set the security contact\'s notificationsByRole to state On with the role Owner.',
    az: 'az rest --method put --url "https://management.azure.com/subscriptions/<subscription-id>/providers/Microsoft.Security/securityContacts/default?api-version=2023-12-01-preview" --body "{\\"properties\\":{\\"isEnabled\\":true,\\"emails\\":\\"<address>\\",\\"notificationsByRole\\":{\\"state\\":\\"On\\",\\"roles\\":[\\"Owner\\"]},\\"notificationsSources\\":[{\\"sourceType\\":\\"Alert\\",\\"minimalSeverity\\":\\"High\\"}]}}"',
  },
  references: ['https://learn.microsoft.com/azure/defender-for-cloud/configure-email-notifications'],
  compliance: { 'cis-azure-3.0': ['3.1.12'], mcsb: ['IR-2'] },
  check(subscription, context) {
    judgeSecurityContact(
      subscription,
      context,
      (contact) => {
        const state = roleNotificationState(contact);
        if (!sameText(state.value, 'On')) {
          return { why: `the security contact does not email users by role (notificationsByRole.state ${state.absent ? 'is absent' : `is '${String(state.raw)}'`})`, evidence: [evidence(state, 'not set: not shown to be on')] };
        }
        const roles = notifiedRoles(contact);
        if (roles.value.some((role) => sameText(role, 'Owner'))) return undefined;
        return { why: `the security contact emails ${roles.value.length === 0 ? 'no role' : `the roles ${roles.value.join(', ')}`}, not Owner`, evidence: [evidence(roles, 'not set: no role is notified')] };
      },
      undefined,
    );
  },
});
