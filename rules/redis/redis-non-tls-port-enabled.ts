import { REDIS_CACHE_TYPE } from '../../src/inventory/arm-types.js';
import { nonTlsPortEnabled } from '../../src/adapters/redis.js';
import { evidence } from '../../src/adapters/setting.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-RED-001',
  name: 'redis-non-tls-port-enabled',
  title: 'Redis cache accepts unencrypted connections on port 6379',
  severity: 'high',
  service: 'redis',
  resourceTypes: [REDIS_CACHE_TYPE],
  requires: [],
  description:
    'The cache\'s `enableNonSslPort` is true, so besides the TLS port 6380 it listens on port 6379 without encryption. Absent means false (the API\'s default), and passes.',
  rationale:
    'On the non-TLS port the access key (sent with AUTH) and every cached value cross the network in clear text: session tokens, user data, anything the application caches. Anyone on the path can read them, and the key lets them connect themselves.',
  remediation: {
    text: 'Move clients to port 6380 with TLS (every supported Redis client library can), then disable the non-TLS port.',
    az: 'az redis update --resource-group <resource-group> --name <cache> --set enableNonSslPort=false',
  },
  references: ['https://learn.microsoft.com/azure/azure-cache-for-redis/cache-configure#access-ports'],
  compliance: { 'cis-azure-3.0': [], mcsb: ['DP-3'] },
  check(cache, context) {
    const enabled = nonTlsPortEnabled(cache);
    if (!enabled.value) return;
    context.report({
      message: `Redis cache '${cache.name}' accepts unencrypted connections on its non-TLS port (6379).`,
      evidence: [evidence(enabled)],
    });
  },
});
