import { contactEnabled, effectiveContact, securityContactIdOf, SECURITY_CONTACT_NAME } from '../../src/adapters/security-contact.js';
import { evidence } from '../../src/adapters/setting.js';
import { SECURITY_CONTACT_TYPE } from '../../src/inventory/arm-types.js';
import type { ArmResource } from '../../src/inventory/types.js';
import type { Evidence } from '../../src/model/evidence.js';
import type { RuleContext } from '../../src/model/rule.js';

/*
 * The body AZ-DEF-004 … 006 share: each asks one thing of the subscription's security contact
 * (owners notified, an address given, alerts emailed). A disabled contact notifies no one, so
 * it fails all three; with no contact at all, each rule says what Azure's default gives.
 */

/** Why the contact falls short, or undefined when it does what the rule asks. */
export type ContactShortfall = { readonly why: string; readonly evidence: readonly Evidence[] } | undefined;

export function judgeSecurityContact(
  subscription: ArmResource,
  context: RuleContext,
  judge: (contact: ArmResource) => ContactShortfall,
  /** What the default (no contact) falls short in, for the rules the default does not satisfy. */
  withoutContact: string | undefined,
): void {
  const contact = effectiveContact(context.resourcesIn(subscription, SECURITY_CONTACT_TYPE));
  if (!contact) {
    if (withoutContact === undefined) return;
    const id = securityContactIdOf(subscription);
    context.report({
      resource: { id, type: SECURITY_CONTACT_TYPE, name: SECURITY_CONTACT_NAME },
      message: `Subscription '${subscription.name}' has no security contact, so ${withoutContact}.`,
      evidence: [{ resourceId: id, path: 'providers/Microsoft.Security/securityContacts', absent: true, note: 'security contacts were read for the subscription and there is none: Defender for Cloud emails only the owners, about high-severity alerts' }],
    });
    return;
  }
  const resource = { id: contact.id, type: contact.type, name: contact.name };
  const enabled = contactEnabled(contact);
  const shortfall = enabled.value ? judge(contact) : { why: 'the security contact is disabled (isEnabled false), so it notifies no one', evidence: [evidence(enabled)] };
  if (!shortfall) return;
  context.report({ resource, message: `Subscription '${subscription.name}': ${shortfall.why}.`, evidence: shortfall.evidence });
}
