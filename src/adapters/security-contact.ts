import { SECURITY_CONTACT_TYPE } from '../inventory/arm-types.js';
import { isJsonObject, type ArmResource } from '../inventory/types.js';
import { MalformedProperty } from '../model/not-evaluated.js';
import { readArray, readBoolean, readString, sameText, type Setting } from './setting.js';

/*
 * The subscription's security contact (`Microsoft.Security/securityContacts`, API
 * 2023-12-01-preview), named `default`. With no contact at all, Defender for Cloud emails the
 * subscription owners about high-severity alerts and no one else (Learn, "Configure email
 * notifications for alerts and attack paths": "By default, subscription owners receive email
 * notifications for high-severity alerts"). A contact that exists is read as written: the spec
 * gives its properties no defaults, so a missing one is not shown to notify anyone.
 */

export const SECURITY_CONTACT_NAME = 'default';

export function securityContactIdOf(subscription: { readonly id: string }): string {
  return `${subscription.id}/providers/${SECURITY_CONTACT_TYPE}/${SECURITY_CONTACT_NAME}`;
}

/** The contact that counts: the one named `default` (the only name the API takes), else the first. */
export function effectiveContact(contacts: readonly ArmResource[]): ArmResource | undefined {
  return contacts.find((contact) => sameText(contact.name, SECURITY_CONTACT_NAME)) ?? contacts[0];
}

/**
 * `properties.isEnabled`: false means the contact sends nothing. Absent, it is enabled: contacts
 * written with 2020-01-01-preview, which has no such property, still notify.
 */
export function contactEnabled(contact: ArmResource): Setting<boolean> {
  return readBoolean(contact, 'properties.isEnabled', true);
}

/** `properties.notificationsByRole.state`: `On` or `Off`; absent, not shown to be on. */
export function roleNotificationState(contact: ArmResource): Setting<string | undefined> {
  return readString(contact, 'properties.notificationsByRole.state', undefined);
}

/** `properties.notificationsByRole.roles`: `Owner`, `Contributor`, `ServiceAdmin`, `AccountAdmin`; absent, none. */
export function notifiedRoles(contact: ArmResource): Setting<readonly string[]> {
  const roles = readArray(contact, 'properties.notificationsByRole.roles');
  roles.value.forEach((role, i) => {
    if (typeof role !== 'string') throw new MalformedProperty(`properties.notificationsByRole.roles[${i}]`, 'a role name', role);
  });
  return roles as Setting<readonly string[]>;
}

/** `properties.emails`: addresses separated by `;` (the portal also accepts `,`); absent, none. */
export function contactEmails(contact: ArmResource): Setting<string> & { readonly addresses: readonly string[] } {
  const emails = readString(contact, 'properties.emails', '');
  const addresses = emails.value.split(/[;,]/).map((address) => address.trim()).filter((address) => address !== '');
  return { ...emails, addresses };
}

const SEVERITIES = ['High', 'Medium', 'Low'];

/**
 * The `Alert` entry of `properties.notificationsSources` and its `minimalSeverity` (`High`,
 * `Medium` or `Low`: alerts of that severity or higher are emailed). Undefined when no entry is
 * for alerts: the contact emails no alert. Absent `notificationsSources` is no entry.
 */
export function alertNotifications(contact: ArmResource): { readonly sources: Setting<readonly unknown[]>; readonly minimalSeverity?: Setting<string | undefined> } {
  const sources = readArray(contact, 'properties.notificationsSources');
  for (const [i, source] of sources.value.entries()) {
    if (!isJsonObject(source) || typeof source.sourceType !== 'string') throw new MalformedProperty(`properties.notificationsSources[${i}]`, 'a source {"sourceType", …}', source);
    if (!sameText(source.sourceType, 'Alert')) continue;
    const path = `properties.notificationsSources[${i}].minimalSeverity`;
    const raw = source.minimalSeverity;
    if (raw === undefined || raw === null) return { sources, minimalSeverity: { value: undefined, resourceId: contact.id, path, absent: true, raw } };
    const value = typeof raw === 'string' ? SEVERITIES.find((severity) => sameText(severity, raw)) : undefined;
    if (value === undefined) throw new MalformedProperty(path, 'High, Medium or Low', raw);
    return { sources, minimalSeverity: { value, resourceId: contact.id, path, absent: false, raw } };
  }
  return { sources };
}
