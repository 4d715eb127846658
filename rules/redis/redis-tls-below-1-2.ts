import { REDIS_CACHE_TYPE } from '../../src/inventory/arm-types.js';
import { REDIS_MINIMUM_TLS_PATH } from '../../src/adapters/redis.js';
import { reportTlsBelowMinimum, TLS_RULE_OPTIONS, type TlsRuleOptions } from '../shared/minimum-tls.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule<TlsRuleOptions>({
  id: 'AZ-RED-002',
  name: 'redis-tls-below-1-2',
  title: 'Redis cache accepts TLS older than 1.2',
  severity: 'medium',
  service: 'redis',
  resourceTypes: [REDIS_CACHE_TYPE],
  requires: [],
  description:
    'The cache\'s `minimumTlsVersion` is `1.0` or `1.1`, or not set. Caches created before January 2020 without the setting accepted TLS 1.0; azscan reads an absent value that way, since ARM does not say when the cache was created.',
  rationale:
    'TLS 1.0 and 1.1 are deprecated (RFC 8996) and open to downgrade attacks; a cache that still accepts them lets old clients keep using them and the access key travel over them. Pinning 1.2 makes the configuration say what Azure now enforces.',
  remediation: {
    text: 'Set the cache\'s minimum TLS version to 1.2 after checking that every client supports it.',
    az: 'az redis update --resource-group <resource-group> --name <cache> --set minimumTlsVersion=1.2',
  },
  references: ['https://learn.microsoft.com/azure/azure-cache-for-redis/cache-remove-tls-10-11'],
  options: TLS_RULE_OPTIONS,
  compliance: { 'cis-azure-3.0': [], mcsb: ['DP-3'] },
  check(cache, context) {
    reportTlsBelowMinimum(cache, context, REDIS_MINIMUM_TLS_PATH, 'Redis cache');
  },
});
