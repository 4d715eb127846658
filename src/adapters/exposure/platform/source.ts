import type { Inventory } from '../../../inventory/inventory.js';
import type { ArmResource } from '../../../inventory/types.js';
import type { PlatformEndpoint } from '../../../model/exposure.js';

/**
 * How one platform service's public endpoints are worked out: the ARM types it reads (the
 * resource type first, then the child types whose settings decide reachability, such as SQL's
 * firewall rules or a web app's `config/web`), and, for each resource of `resourceType`, its
 * endpoints that something outside can reach. An endpoint reachable only through private
 * endpoints or trusted services is not returned.
 *
 * `endpoints` throws NotEvaluated (MalformedProperty included) when a setting that decides
 * reachability cannot be read, or a child type it needs was not read for the resource
 * (`inventory.unavailable`): the endpoint is then unknown, never "not reachable".
 */
export interface PlatformEndpointSource {
  readonly resourceType: string;
  /** Every type `endpoints` reads, `resourceType` included: what a live `azscan exposure` collects. */
  readonly reads: readonly string[];
  endpoints(resource: ArmResource, inventory: Inventory): PlatformEndpoint[];
}
