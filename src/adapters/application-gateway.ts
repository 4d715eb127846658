import type { ConfigLocation } from '../model/evidence.js';
import { pushTo } from '../inventory/collections.js';
import { MalformedProperty } from '../model/not-evaluated.js';
import { type ArmResource, isJsonObject } from '../inventory/types.js';
import { readList } from './setting.js';
import { list, ref, refs, requiredRef, type Entry } from './network-entries.js';

/**
 * An application gateway: its frontends, its listeners and the backends their routing rules
 * name, its backend pools, and the subnet it runs in.
 */

/** One way through an application gateway: a listener's frontend port, to the backends its routing rules name. */
export interface GatewayRoute {
  readonly listenerId: string;
  readonly listenerName: string;
  readonly frontendId: string | undefined;
  /** `Http`, `Https`, or a v2 layer-4 listener's `Tcp`, `Tls`. */
  readonly protocol: string;
  readonly frontendPort: number;
  /** The listener. */
  readonly location: ConfigLocation;
  /** Why the listener's way through cannot be worked out (a port or backend settings that are not there), if so. */
  readonly unreadable: string | undefined;
  /** The pools the gateway forwards to, with the port and protocol it connects on, and the routing rule; empty for a redirect. */
  readonly backends: ReadonlyArray<{ readonly poolId: string; readonly port: number; readonly protocol: string; readonly ruleName: string; readonly location: ConfigLocation }>;
}

export interface ApplicationGateway {
  /** The subnet the gateway's instances run in: its NSG filters what reaches the listeners. */
  readonly subnetId: string | undefined;
  /** Its frontend IP configurations' ids, lower-cased: what listeners and public IPs name. */
  readonly frontendIds: ReadonlySet<string>;
  readonly routes: readonly GatewayRoute[];
  /** Backend pools by lower-cased id: NIC IP configurations and plain addresses or names. */
  readonly pools: ReadonlyMap<string, { readonly configIds: readonly string[]; readonly addresses: readonly string[] }>;
}

/**
 * An application gateway's listeners and where its routing rules send them: HTTP(S)
 * listeners with request routing rules (basic, or path-based through a URL path map, whose
 * default and path rules may each name a pool), and v2 layer-4 listeners with routing rules.
 */
export function applicationGatewayOf(resource: ArmResource): ApplicationGateway {
  const p = resource.properties;
  const key = (id: string | undefined): string => (id ?? '').toLowerCase();
  const idOf = (entry: Entry, collection: string, i: number): string => entry.id ?? `${resource.id}/${collection}/${entry.name ?? i}`;
  // A port that cannot be read is -1: the listener or backend settings it belongs to is reported unreadable below.
  const port = (value: unknown): number => (typeof value === 'number' && Number.isInteger(value) ? value : -1);
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  const entries = (name: string, value: unknown = p[name]): Entry[] => list(value, `properties.${name}`);

  const frontendPorts = new Map(entries('frontendPorts').map((entry, i) => [key(idOf(entry, 'frontendPorts', i)), port(entry.properties.port)]));
  const settings = new Map(
    [...entries('backendHttpSettingsCollection').map((entry, i) => ({ entry, id: idOf(entry, 'backendHttpSettingsCollection', i) })), ...entries('backendSettingsCollection').map((entry, i) => ({ entry, id: idOf(entry, 'backendSettingsCollection', i) }))].map(({ entry, id }) => [
      key(id),
      { port: port(entry.properties.port), protocol: text(entry.properties.protocol) },
    ]),
  );
  type Target = { pool: string | undefined; settings: string | undefined; missing?: string };
  const pathMaps = new Map(
    entries('urlPathMaps').map((map, i): [string, Target[]] => [
      key(idOf(map, 'urlPathMaps', i)),
      [
        { pool: ref(map, 'defaultBackendAddressPool'), settings: ref(map, 'defaultBackendHttpSettings') },
        ...list(map.properties.pathRules, `${map.path}.properties.pathRules`).map((rule) => ({ pool: ref(rule, 'backendAddressPool'), settings: ref(rule, 'backendHttpSettings') })),
      ],
    ]),
  );
  const targets = new Map<string, Array<Target & { rule: string; location: ConfigLocation }>>();
  const pathMapTargets = (rule: Entry, pathMap: string): Target[] => {
    const found = pathMaps.get(key(pathMap));
    // A path map the gateway does not have: where the rule sends traffic is unknown, not nowhere.
    return found ?? [{ pool: undefined, settings: undefined, missing: `names URL path map ${pathMap}, which the gateway does not have` }];
  };
  const route = (listener: string | undefined, rule: Entry, found: Target[]): void => {
    if (!listener) return;
    const location = { resourceId: resource.id, path: rule.path, value: rule.raw };
    for (const target of found) pushTo(targets, key(listener), { ...target, rule: rule.name ?? `#${rule.index}`, location });
  };
  for (const rule of entries('requestRoutingRules')) {
    const pathMap = ref(rule, 'urlPathMap');
    route(requiredRef(rule, 'httpListener'), rule, pathMap ? pathMapTargets(rule, pathMap) : [{ pool: ref(rule, 'backendAddressPool'), settings: ref(rule, 'backendHttpSettings') }]);
  }
  for (const rule of entries('routingRules')) route(requiredRef(rule, 'listener'), rule, [{ pool: ref(rule, 'backendAddressPool'), settings: ref(rule, 'backendSettings') }]);

  const poolEntries = entries('backendAddressPools').map((pool, i) => ({ pool, id: key(idOf(pool, 'backendAddressPools', i)) }));
  const poolIds = new Set(poolEntries.map(({ id }) => id));
  const listeners = [
    ...entries('httpListeners').map((entry, i) => ({ entry, id: idOf(entry, 'httpListeners', i) })),
    ...entries('listeners').map((entry, i) => ({ entry, id: idOf(entry, 'listeners', i) })),
  ];
  const routes = listeners.map(({ entry, id }): GatewayRoute => {
    const frontendPort = frontendPorts.get(key(ref(entry, 'frontendPort')));
    const routed = targets.get(key(id)) ?? [];
    return {
      listenerId: id,
      listenerName: entry.name ?? id,
      frontendId: requiredRef(entry, 'frontendIPConfiguration'),
      protocol: text(entry.properties.protocol),
      frontendPort: frontendPort ?? -1,
      location: { resourceId: resource.id, path: entry.path, value: entry.raw },
      backends: routed.flatMap((target) => {
        const setting = settings.get(key(target.settings));
        return target.pool && setting && setting.port > 0 ? [{ poolId: target.pool, port: setting.port, protocol: setting.protocol, ruleName: target.rule, location: target.location }] : [];
      }),
      unreadable: unreadableRoute(entry.name ?? id, frontendPort, routed.map((target) => ({ ...target, setting: settings.get(key(target.settings)) })), (pool) => poolIds.has(key(pool))),
    };
  });
  const pools = new Map(
    poolEntries.map(({ pool, id }) => [
      id,
      {
        configIds: refs(pool, 'backendIPConfigurations'),
        // Plain entries, not sub-resources: `{ "ipAddress": "10.0.2.4" }` or `{ "fqdn": "…" }`.
        addresses: readList(pool.properties.backendAddresses, `${pool.path}.properties.backendAddresses`).map((address, j) => {
          const name = isJsonObject(address) ? text(address.ipAddress) || text(address.fqdn) : '';
          if (name === '') throw new MalformedProperty(`${pool.path}.properties.backendAddresses[${j}]`, 'an object with ipAddress or fqdn', address);
          return name;
        }),
      },
    ]),
  );
  const gatewayConfigurations = entries('gatewayIPConfigurations');
  const frontendIds = new Set(entries('frontendIPConfigurations').map((frontend, i) => key(idOf(frontend, 'frontendIPConfigurations', i))));
  return { subnetId: gatewayConfigurations[0] ? ref(gatewayConfigurations[0], 'subnet') : undefined, frontendIds, routes, pools };
}

/**
 * A listener whose port, or a routing rule whose URL path map, backend pool or backend
 * settings, cannot be resolved within the gateway: its way through is unknown, not absent.
 */
function unreadableRoute(
  listener: string,
  port: number | undefined,
  targets: ReadonlyArray<{ pool: string | undefined; rule: string; setting: { port: number } | undefined; missing?: string }>,
  hasPool: (id: string) => boolean,
): string | undefined {
  if (port === undefined || port <= 0) return `listener ${listener} has no readable frontend port`;
  const missing = targets.find((target) => target.missing !== undefined);
  if (missing) return `routing rule ${missing.rule} of listener ${listener} ${missing.missing}`;
  const noPool = targets.find((target) => target.pool !== undefined && !hasPool(target.pool));
  if (noPool) return `routing rule ${noPool.rule} of listener ${listener} names backend pool ${noPool.pool}, which the gateway does not have`;
  const broken = targets.find((target) => target.pool !== undefined && (target.setting === undefined || target.setting.port <= 0));
  return broken ? `routing rule ${broken.rule} of listener ${listener} names backend settings that are not there or have no port` : undefined;
}
