import { activityLogAlertOf, eventsOf, meets, type ActivityLogAlert } from '../../src/adapters/activity-log.js';
import { evidence } from '../../src/adapters/setting.js';
import { ACTIVITY_LOG_ALERT_TYPE } from '../../src/inventory/arm-types.js';
import type { ArmResource } from '../../src/inventory/types.js';
import type { Evidence } from '../../src/model/evidence.js';
import { readAll } from '../../src/model/not-evaluated.js';
import type { RuleContext } from '../../src/model/rule.js';

/*
 * The body AZ-MON-002 … 006 and AZ-MON-008 share: each names the operations (NSG writes, policy assignment
 * writes…) whose success some activity log alert must notify someone of.
 */

/** Why an alert that is about an operation does not notify anyone of it. */
interface Shortfall {
  readonly alert: ActivityLogAlert;
  readonly why: string;
  readonly evidence: Evidence;
}

const NOTICES = 'notices';

/**
 * Whether `alert` notifies someone when `operation` succeeds anywhere in the subscription:
 * its conditions are met by one of the operation's events, it is enabled, one of its scopes
 * is the subscription itself (a resource group scope misses changes elsewhere), and it has an
 * action group. Otherwise the shortfall, for an alert that is about the operation (it names it
 * or names no operation at all); undefined for an alert about other operations.
 */
function verdict(alert: ActivityLogAlert, subscriptionKey: string, operation: string): typeof NOTICES | Shortfall | undefined {
  const events = eventsOf(operation);
  if (!events.some((event) => alert.conditions.every((condition) => meets(condition, event)))) {
    const succeeded = events[events.length - 1]!;
    const unmet = alert.conditions.filter((condition) => !meets(condition, succeeded));
    if (unmet.some((condition) => condition.anyOf.every((leaf) => leaf.field === 'operationname'))) return undefined;
    const first = unmet[0]!;
    return {
      alert,
      why: `has condition ${first.anyOf.map((leaf) => leaf.text).join(' or ')}, which the operation's events do not meet`,
      evidence: { resourceId: alert.resource.id, path: first.path, value: first.raw, note: 'not met by the Administrative event of a successful operation' },
    };
  }
  if (!alert.enabled.value) return { alert, why: 'is disabled', evidence: evidence(alert.enabled) };
  if (!alert.scopeKeys.includes(subscriptionKey)) {
    return {
      alert,
      why: alert.scopeKeys.length === 0 ? 'has no scope' : `is scoped to ${alert.scopes.value.join(', ')}, not the whole subscription`,
      evidence: evidence(alert.scopes, alert.scopes.absent ? 'no scopes' : 'the subscription is not among the scopes'),
    };
  }
  if (alert.actionGroups.value.length === 0) {
    return { alert, why: 'has no action group', evidence: evidence(alert.actionGroups, 'no action group: the alert notifies no one') };
  }
  return NOTICES;
}

/**
 * Reports a subscription whose activity log alerts leave some of `operations` unnoticed: one
 * finding on the subscription naming those operations and the alerts that came close. An
 * alert azscan cannot read does not stop the others from covering an operation; when they do
 * not, it might have, so the subscription is not evaluated rather than failed.
 */
export function reportUnalertedOperations(subscription: ArmResource, context: RuleContext, operations: readonly string[]): void {
  const { values: alerts, unread } = readAll(context.resourcesIn(subscription, ACTIVITY_LOG_ALERT_TYPE), activityLogAlertOf);
  const missing: string[] = [];
  const nearMisses = new Map<string, Shortfall>();
  for (const operation of operations) {
    const shortfalls: Shortfall[] = [];
    let noticed = false;
    for (const alert of alerts) {
      const result = verdict(alert, subscription.key, operation);
      if (result === NOTICES) {
        noticed = true;
        break;
      }
      if (result) shortfalls.push(result);
    }
    if (noticed) continue;
    missing.push(operation);
    for (const shortfall of shortfalls) nearMisses.set(`${shortfall.alert.resource.key}|${shortfall.why}`, shortfall);
  }
  if (missing.length === 0) return;
  if (unread.length > 0) {
    for (const part of unread) context.unreadable(part);
    return;
  }
  const near = [...nearMisses.values()];
  context.report({
    message:
      `Subscription '${subscription.name}' has no enabled activity log alert, scoped to the subscription and with an action group, that fires on ${missing.join(' or ')}` +
      (near.length === 0 ? '.' : `; ${near.map((shortfall) => `alert '${shortfall.alert.resource.name}' ${shortfall.why}`).join('; ')}.`),
    evidence: [
      ...missing.map((operation) => ({
        resourceId: subscription.id,
        path: 'providers/Microsoft.Insights/activityLogAlerts',
        absent: true as const,
        note: `activity log alerts were read for the subscription and none notifies anyone of ${operation}`,
      })),
      ...near.map((shortfall) => shortfall.evidence),
    ],
  });
}
