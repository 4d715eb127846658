import { REDIS_CACHE_TYPE, REDIS_FIREWALL_RULE_TYPE } from '../../src/inventory/arm-types.js';
import { admitsEveryAddress, redisFirewallRange, redisPublicEndpoint } from '../../src/adapters/redis.js';
import { evidence } from '../../src/adapters/setting.js';
import { readEach } from '../../src/model/not-evaluated.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-RED-003',
  name: 'redis-open-to-all-networks',
  title: 'Redis cache reachable from all networks',
  severity: 'high',
  service: 'redis',
  resourceTypes: [REDIS_CACHE_TYPE],
  requires: [REDIS_FIREWALL_RULE_TYPE],
  description:
    'The cache\'s `publicNetworkAccess` is not Disabled (absent means Enabled), it is not injected into a virtual network (`subnetId` not set), and its firewall admits every address: it has no firewall rules (`Microsoft.Cache/redis/firewallRules`), which lets every client in, or a rule spans 0.0.0.0–255.255.255.255.',
  rationale:
    'A cache reachable from every network is one leaked access key away from an attacker reading sessions and cached data, writing poisoned values the application trusts, or flushing it. Redis caches are routinely scanned for on their well-known ports.',
  remediation: {
    text: 'Add firewall rules for the client addresses that need the cache, or better, create a private endpoint and disable public network access.',
    az: 'az redis update --resource-group <resource-group> --name <cache> --set publicNetworkAccess=Disabled',
  },
  references: [
    'https://learn.microsoft.com/azure/azure-cache-for-redis/cache-configure#firewall',
    'https://learn.microsoft.com/azure/azure-cache-for-redis/cache-network-isolation',
  ],
  compliance: { 'cis-azure-3.0': [], mcsb: ['NS-2'] },
  check(cache, context) {
    const endpoint = redisPublicEndpoint(cache);
    if (!endpoint.open) return;
    const children = context.childrenOf(cache, REDIS_FIREWALL_RULE_TYPE);
    const publicAccess = `public network access ${endpoint.publicAccess.absent ? 'not set, which means Enabled' : endpoint.publicAccess.value}`;
    if (children.length === 0) {
      context.report({
        message: `Redis cache '${cache.name}' accepts connections from all networks: ${publicAccess}, not in a virtual network, and no firewall rules.`,
        evidence: [
          evidence(endpoint.publicAccess),
          evidence(endpoint.subnetId, 'not set; the cache is not injected into a virtual network'),
          { resourceId: `${cache.id}/firewallRules`, path: 'properties.startIP', absent: true, note: 'firewall rules were read for this cache and it has none; without rules every address is allowed' },
        ],
      });
      return;
    }
    const wide = readEach(children, redisFirewallRange, context).filter(({ value }) => admitsEveryAddress(value));
    if (wide.length === 0) return;
    context.report({
      message: `Redis cache '${cache.name}' accepts connections from all networks: ${publicAccess}, firewall rule${wide.length > 1 ? 's' : ''} ${wide.map(({ child, value }) => `'${child.name}' (${value.startText}–${value.endText})`).join(', ')} admit${wide.length > 1 ? '' : 's'} every address.`,
      evidence: [
        evidence(endpoint.publicAccess),
        ...wide.flatMap(({ child, value }) => [
          { resourceId: child.id, path: 'properties.startIP', value: value.startText },
          { resourceId: child.id, path: 'properties.endIP', value: value.endText },
        ]),
      ],
    });
  },
});
