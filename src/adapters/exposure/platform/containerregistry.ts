import { CONTAINER_REGISTRY_TYPE } from '../../../inventory/arm-types.js';
import type { ArmResource } from '../../../inventory/types.js';
import type { PlatformAuth, PlatformEndpoint, PlatformGrant } from '../../../model/exposure.js';
import { MalformedProperty } from '../../../model/not-evaluated.js';
import { adminUserEnabled, anonymousPullEnabled, registryBypass, registryReach } from '../../containerregistry.js';
import { readString, sameText } from '../../setting.js';
import type { PlatformEndpointSource } from './source.js';

/**
 * A container registry's login server, on 443 at `properties.loginServer`. Reach is
 * AZ-ACR-003's reading (`registryReach`): public network access Disabled, or a Deny with no IP
 * rules, leaves no public endpoint (trusted services through the bypass do not make one);
 * Allow (or absent, and always on Basic and Standard, which have no network rules) admits
 * everyone; a Deny admits the IP rules' ranges, everyone if one is a `/0`.
 */
export const CONTAINER_REGISTRY_LOGIN_SERVER: PlatformEndpointSource = {
  resourceType: CONTAINER_REGISTRY_TYPE,
  reads: [CONTAINER_REGISTRY_TYPE],
  endpoints(registry) {
    const reach = registryReach(registry);
    if (reach.kind === 'closed') return [];
    const host = readString(registry, 'properties.loginServer', undefined);
    if (host.value === undefined || host.value === '') throw new MalformedProperty(host.path, "the registry's login server host name", host.raw);
    let grants: PlatformGrant[];
    if (reach.kind === 'ranges') {
      grants = reach.rules.map((rule) => ({ kind: 'range', range: rule.range, addresses: rule.addresses, source: { resourceId: registry.id, path: rule.path, value: rule.range } }));
    } else if (reach.wideRule) {
      grants = [{ kind: 'everyone', source: { resourceId: registry.id, path: reach.wideRule.path, value: reach.wideRule.range } }];
    } else {
      grants = [{ kind: 'everyone', source: { resourceId: registry.id, path: reach.defaultAction.path, value: reach.defaultAction.raw } }];
    }
    const bypass = registryBypass(registry);
    if (sameText(bypass.value, 'AzureServices')) grants.push({ kind: 'trustedServices', source: { resourceId: registry.id, path: bypass.path, value: bypass.raw } });
    return [
      {
        resourceId: registry.id,
        resourceType: CONTAINER_REGISTRY_TYPE,
        name: registry.name,
        service: 'registry',
        host: host.value,
        hostPath: host.path,
        ports: [443],
        reachableBy: reach.kind === 'ranges' ? 'ranges' : 'everyone',
        grants,
        auth: registryAuth(registry),
      } satisfies PlatformEndpoint,
    ];
  },
};

/**
 * How callers sign in: no credential at all with anonymous pull; the admin user's access keys
 * when it is enabled; Microsoft Entra ID always (`az acr login`, managed identities). Repository
 * -scoped tokens (`registries/tokens`, with generated passwords) are not read.
 */
function registryAuth(registry: ArmResource): PlatformAuth[] {
  const auth: PlatformAuth[] = [];
  if (anonymousPullEnabled(registry).value) auth.push('anonymous');
  if (adminUserEnabled(registry).value) auth.push('keys');
  auth.push('entra');
  return auth;
}
