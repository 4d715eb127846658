import { ipv4RangeSize } from '../../src/adapters/addresses.js';
import { firewallRange, noPublicEndpoint, publicNetworkAccess, rulesAdmittingAllOfAzure, rulesAdmittingInternet, type FirewallEntry } from '../../src/adapters/flexible-server.js';
import { evidence } from '../../src/adapters/setting.js';
import type { ArmResource } from '../../src/inventory/types.js';
import { readEach } from '../../src/model/not-evaluated.js';
import type { RuleContext } from '../../src/model/rule.js';

/** What a PostgreSQL or MySQL firewall rule checks: the type its firewall rules have, and what a message calls the server. */
export interface FlexibleFirewallCheck {
  readonly firewallRuleType: string;
  /** `PostgreSQL flexible server` */
  readonly what: string;
}

/**
 * The body of the "firewall admits the internet" and "admits all of Azure" rules of PostgreSQL
 * and MySQL flexible servers. A VNet-integrated server has no public endpoint and no firewall
 * rules: not applicable. A server whose public access is Disabled is still checked, and a
 * matching rule is reported at low severity, dormant until public access is turned on again
 * (as the SQL firewall rules do).
 */
export function reportFlexibleFirewall(grant: 'internet' | 'azure', server: ArmResource, context: RuleContext, check: FlexibleFirewallCheck): void {
  const closed = noPublicEndpoint(server);
  if (closed?.kind === 'vnet') {
    context.notApplicable(`${check.what} '${server.name}' is VNet-integrated (private access): it has no public endpoint and no firewall rules`);
    return;
  }
  const entries: FirewallEntry[] = readEach(context.childrenOf(server, check.firewallRuleType), firewallRange, context).map(({ child, value }) => ({ rule: child, range: value }));
  const matching = grant === 'internet' ? rulesAdmittingInternet(entries) : rulesAdmittingAllOfAzure(entries);
  if (matching.length === 0) return;
  const dormant = closed !== undefined;
  const rules = matching.map(({ rule, range }) => `'${rule.name}' (${range.startText}–${range.endText}${grant === 'internet' ? `, ${ipv4RangeSize(range.start, range.end).toLocaleString('en-US')} addresses` : ''})`);
  const admits = grant === 'internet' ? 'admits the whole internet' : 'admits connections from every Azure subscription';
  context.report({
    message:
      `${check.what} '${server.name}' ${admits} through firewall rule${matching.length > 1 ? 's' : ''} ${rules.join(', ')}` +
      (dormant ? `; ${closed.reason}, so this takes effect only if it is enabled again.` : '.'),
    evidence: [
      ...matching.flatMap(({ rule, range }) => [
        { resourceId: rule.id, path: 'properties.startIpAddress', value: range.startText },
        { resourceId: rule.id, path: 'properties.endIpAddress', value: range.endText },
      ]),
      evidence(closed ? closed.setting : publicNetworkAccess(server)),
    ],
    ...(dormant ? { severity: 'low' as const } : {}),
  });
}
