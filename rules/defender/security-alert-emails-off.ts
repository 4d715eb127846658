import { alertNotifications } from '../../src/adapters/security-contact.js';
import { evidence } from '../../src/adapters/setting.js';
import { SECURITY_CONTACT_TYPE, SUBSCRIPTION_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';
import { judgeSecurityContact } from './security-contact.js';

export default defineRule({
  id: 'AZ-DEF-006',
  name: 'security-alert-emails-off',
  title: 'Defender for Cloud does not email high-severity alerts',
  severity: 'medium',
  service: 'defender',
  resourceTypes: [SUBSCRIPTION_TYPE],
  requires: [SECURITY_CONTACT_TYPE],
  description:
    'The subscription\'s Defender for Cloud security contact emails no alerts: `notificationsSources` has no `Alert` entry, or its entry has no `minimalSeverity` (High, Medium or Low, each of which includes High), or the contact is disabled. With no contact at all, Defender for Cloud emails high-severity alerts to the owners by default, and the subscription passes.',
  rationale:
    'High-severity alerts are the ones with a high chance of a real compromise: credential theft, ransomware behaviour, a crypto-miner. Without an email, they sit in the portal until someone looks.',
  remediation: {
    text: 'In Defender for Cloud\'s environment settings, open the subscription\'s Email notifications and turn on "Notify about alerts with the following severity (or higher)" with High, or add an Alert source with minimalSeverity High to the security contact.',
    az: 'az rest --method put --url "https://management.azure.com/subscriptions/<subscription-id>/providers/Microsoft.Security/securityContacts/default?api-version=2023-12-01-preview" --body "{\\"properties\\":{\\"isEnabled\\":true,\\"emails\\":\\"<address>\\",\\"notificationsByRole\\":{\\"state\\":\\"On\\",\\"roles\\":[\\"Owner\\"]},\\"notificationsSources\\":[{\\"sourceType\\":\\"Alert\\",\\"minimalSeverity\\":\\"High\\"}]}}"',
  },
  references: ['https://learn.microsoft.com/azure/defender-for-cloud/configure-email-notifications'],
  compliance: { 'cis-azure-3.0': ['3.1.14'], mcsb: ['IR-2'] },
  check(subscription, context) {
    judgeSecurityContact(
      subscription,
      context,
      (contact) => {
        const alerts = alertNotifications(contact);
        if (!alerts.minimalSeverity) {
          return { why: 'the security contact emails no alerts (notificationsSources has no Alert entry)', evidence: [evidence(alerts.sources, alerts.sources.absent ? 'not set: no source is notified' : 'no entry with sourceType Alert')] };
        }
        if (alerts.minimalSeverity.value !== undefined) return undefined;
        return { why: 'the security contact\'s Alert notifications have no minimalSeverity, so no severity is shown to be emailed', evidence: [evidence(alerts.minimalSeverity, 'not set: no severity is shown to be emailed')] };
      },
      undefined,
    );
  },
});
