import { contactEmails } from '../../src/adapters/security-contact.js';
import { evidence } from '../../src/adapters/setting.js';
import { SECURITY_CONTACT_TYPE, SUBSCRIPTION_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';
import { judgeSecurityContact } from './security-contact.js';

export default defineRule({
  id: 'AZ-DEF-005',
  name: 'security-contact-email-missing',
  title: 'Defender for Cloud has no security contact email address',
  severity: 'medium',
  service: 'defender',
  resourceTypes: [SUBSCRIPTION_TYPE],
  requires: [SECURITY_CONTACT_TYPE],
  description:
    'The subscription has no Defender for Cloud security contact, or its contact has no address in `emails` (the portal\'s "Additional email addresses"), or the contact is disabled: alerts reach the role holders at most, not the security team.',
  rationale:
    'Owners change, are on leave, or are a service principal with no mailbox. A security team\'s shared address or distribution list is what makes sure someone whose job it is reads every alert.',
  remediation: {
    text: 'In Defender for Cloud\'s environment settings, open the subscription\'s Email notifications and enter the security team\'s address under "Additional email addresses", or set the security contact\'s emails.',
    az: 'az rest --method put --url "https://management.azure.com/subscriptions/<subscription-id>/providers/Microsoft.Security/securityContacts/default?api-version=2023-12-01-preview" --body "{\\"properties\\":{\\"isEnabled\\":true,\\"emails\\":\\"<security-team-address>\\",\\"notificationsByRole\\":{\\"state\\":\\"On\\",\\"roles\\":[\\"Owner\\"]},\\"notificationsSources\\":[{\\"sourceType\\":\\"Alert\\",\\"minimalSeverity\\":\\"High\\"}]}}"',
  },
  references: ['https://learn.microsoft.com/azure/defender-for-cloud/configure-email-notifications'],
  compliance: { 'cis-azure-3.0': ['3.1.13'], mcsb: ['IR-2'] },
  check(subscription, context) {
    judgeSecurityContact(
      subscription,
      context,
      (contact) => {
        const emails = contactEmails(contact);
        if (emails.addresses.length > 0) return undefined;
        return { why: 'the security contact has no email address', evidence: [evidence(emails, emails.absent ? 'not set: no address' : 'no address in it')] };
      },
      'no email address is notified of alerts besides the owners',
    );
  },
});
