import { REDIS_CACHE_TYPE } from '../../src/inventory/arm-types.js';
import { accessKeysDisabled } from '../../src/adapters/redis.js';
import { evidence } from '../../src/adapters/setting.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-RED-004',
  name: 'redis-access-keys-enabled',
  title: 'Redis cache accepts access keys',
  severity: 'medium',
  service: 'redis',
  resourceTypes: [REDIS_CACHE_TYPE],
  requires: [],
  description:
    'The cache\'s `disableAccessKeyAuthentication` is false or not set (absent means false, "Default value is false"), so its primary and secondary access keys authenticate clients as well as Microsoft Entra ID, if that is enabled.',
  rationale:
    'An access key is a shared secret that gives full control of the cache, including FLUSHALL and CONFIG-level commands Azure allows. It sits in connection strings and app settings, says nothing about who used it, and works until rotated. Entra ID gives each application its own identity and an access policy of its own.',
  remediation: {
    text: 'Enable Microsoft Entra authentication (`aad-enabled`), give each application an access policy assignment for its managed identity, move clients to token authentication, then disable access key authentication.',
    az: 'az redis update --resource-group <resource-group> --name <cache> --set disableAccessKeyAuthentication=true',
  },
  references: ['https://learn.microsoft.com/azure/azure-cache-for-redis/cache-azure-active-directory-for-authentication'],
  compliance: { 'cis-azure-3.0': [], mcsb: ['IM-1'] },
  check(cache, context) {
    const disabled = accessKeysDisabled(cache);
    if (disabled.value) return;
    context.report({
      message: `Redis cache '${cache.name}' accepts its access keys (disableAccessKeyAuthentication is ${disabled.absent ? 'not set' : 'false'}).`,
      evidence: [evidence(disabled, disabled.absent ? 'not set; access keys are accepted' : undefined)],
    });
  },
});
