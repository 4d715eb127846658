import { describePath, type Endpoint, type ExposureReport, type PlatformEndpoint, type PlatformGrant } from '../../model/exposure.js';
import type { InventorySource } from '../../inventory/types.js';
import { PortSet } from '../../model/ports.js';
import { ALL_SENSITIVE_PORTS, type ServicePort } from '../../model/sensitive-ports.js';
import { shownName, shownText } from '../text.js';

/*
 * What every exposure format shows of an endpoint, worked out once so that the table, CSV,
 * Markdown, HTML and JSON cannot disagree about a port's name or whether it is sensitive.
 */

/** A service the endpoint reaches: the part of the service's port range it exposes. */
export interface NamedPort {
  readonly ports: PortSet;
  readonly service: string;
  readonly sensitive: boolean;
}

/** Ports worth naming besides the sensitive ones. */
const NAMED_PORTS: ReadonlyArray<ServicePort & { readonly sensitive: boolean }> = [
  ...ALL_SENSITIVE_PORTS.map((port) => ({ ...port, sensitive: true })),
  { from: 80, to: 80, service: 'HTTP', sensitive: false },
  { from: 443, to: 443, service: 'HTTPS', sensitive: false },
];

const SENSITIVE = PortSet.of(ALL_SENSITIVE_PORTS.map(({ from, to }) => ({ from, to })));

/**
 * The services an endpoint reaches, in port order. The names (like AZ-NET-001's sensitive
 * ports) are TCP services': SSH is TCP 22, and UDP 22 is not SSH, so a UDP endpoint's ports
 * are named by number only, and none of them is sensitive.
 */
export function namedPorts(endpoint: Endpoint): NamedPort[] {
  if (endpoint.protocol !== 'tcp') return [];
  const named: NamedPort[] = [];
  for (const { from, to, service, sensitive } of NAMED_PORTS) {
    const ports = endpoint.backendPorts.intersect(PortSet.of([{ from, to }]));
    if (!ports.isEmpty) named.push({ ports, service, sensitive });
  }
  return named.sort((a, b) => a.ports.ranges[0]!.from - b.ports.ranges[0]!.from);
}

/** The sensitive TCP ports an endpoint's workload receives traffic on. */
export function sensitivePorts(endpoint: Endpoint): PortSet {
  return endpoint.protocol === 'tcp' ? endpoint.backendPorts.intersect(SENSITIVE) : PortSet.EMPTY;
}

/** One port or range the workload receives on, and whether it is (or includes) a sensitive port. */
export interface PortPart {
  readonly text: string;
  readonly sensitive: boolean;
}

/** One endpoint as a row: address, protocol, ports, services, workload and the way in. */
export interface ExposureRow {
  readonly address: string;
  /** `TCP` or `UDP`. */
  readonly protocol: string;
  /** The ports the internet connects to, when a load balancer, gateway or firewall translates them; else absent. */
  readonly frontendPorts?: string;
  /** The ports the workload receives on, each once, in order. */
  readonly ports: readonly PortPart[];
  /** The services on those ports, in port order, each once. */
  readonly services: readonly NamedPort[];
  readonly sensitive: boolean;
  /** `VM vm-elastic-01`, `container group aci-kibana-debug`. */
  readonly workload: string;
  /** The path from the internet, hop by hop. */
  readonly wayIn: string;
  readonly frontendId: string;
}

/** A public IP whose way in could not be followed. */
export interface NotFollowedRow {
  readonly name: string;
  readonly id: string;
  readonly code: string;
  readonly reason: string;
}


const WORKLOAD_KINDS: Record<Endpoint['workload']['kind'], string> = {
  vm: 'VM',
  nic: 'NIC',
  'container-group': 'container group',
  'application-gateway': 'application gateway',
  address: 'backend',
};

/**
 * The rows of the human formats. The text is still untrusted (it holds names from Azure):
 * each format escapes it with its own sanitiser. Only names are cut here, never escaped.
 */
export function exposureRows(endpoints: readonly Endpoint[]): ExposureRow[] {
  return endpoints.map((endpoint) => {
    const sensitive = sensitivePorts(endpoint);
    const translated = endpoint.ports.toString() !== endpoint.backendPorts.toString();
    const path = endpoint.path.map((step) => ({ ...step, name: shownName(step.name), ...(step.detail === undefined ? {} : { detail: shownName(step.detail) }) }));
    return {
      address: shownName(endpoint.address),
      protocol: endpoint.protocol.toUpperCase(),
      ...(translated ? { frontendPorts: endpoint.ports.toString() } : {}),
      ports: endpoint.backendPorts.ranges.map((range) => {
        const part = PortSet.of([range]);
        return { text: part.toString(), sensitive: sensitive.overlaps(part) };
      }),
      services: namedPorts(endpoint),
      sensitive: !sensitive.isEmpty,
      workload: `${WORKLOAD_KINDS[endpoint.workload.kind]} ${shownName(endpoint.workload.name)}`,
      wayIn: describePath(path),
      frontendId: endpoint.frontendId,
    };
  });
}

export function notFollowedRows(unknown: ExposureReport['unknown']): NotFollowedRow[] {
  return unknown.map((entry) => ({
    name: shownName(entry.id.split('/').filter(Boolean).pop() ?? entry.id),
    id: entry.id,
    code: shownName(entry.code),
    reason: shownText(entry.reason),
  }));
}

/** `9200!, 9300!` or `50022 → 22!`: the ports column, each part passed through `mark`. */
export function portsText(row: ExposureRow, mark: (part: PortPart) => string): string {
  const backend = row.ports.map(mark).join(', ');
  return row.frontendPorts === undefined ? backend : `${row.frontendPorts} → ${backend}`;
}

/** What the marker `!` means, for the legend line of every human format. */
export const SENSITIVE_LEGEND = 'a sensitive TCP port (management, Elasticsearch or Kibana, MQTT, database or cache: the ports AZ-NET-001 reports)';

export function sourceText(source: InventorySource): string {
  return source.kind === 'live' ? 'live estate' : `${source.kind === 'array' ? 'resource list' : 'snapshot'} ${source.path ?? ''}`.trim();
}

/*
 * Platform (PaaS) endpoints, as every format shows them.
 */

/**
 * Whether a platform endpoint counts for `--fail-on sensitive` and is marked `!`: something
 * outside any list of ranges reaches it (`everyone`, or `azure`, whose addresses anyone can
 * rent) and either it listens on a sensitive port (SQL's 1433, MQTT's 8883, SFTP's 22) or it
 * serves data with no credential (`anonymous`). A static website (`web`) is anonymous by design
 * and counts only for its port. An endpoint only listed ranges reach is the owner's allow list,
 * like an NSG rule for a named source, and counts for `--fail-on any` alone.
 */
export function isSensitivePlatformEndpoint(endpoint: PlatformEndpoint): boolean {
  if (endpoint.reachableBy === 'ranges') return false;
  return sensitivePlatformPorts(endpoint).length > 0 || (endpoint.auth.includes('anonymous') && endpoint.service !== 'web');
}

/** The endpoint's ports that are sensitive ports (the TCP ports AZ-NET-001 reports). */
export function sensitivePlatformPorts(endpoint: PlatformEndpoint): number[] {
  return endpoint.ports.filter((port) => SENSITIVE.overlaps(PortSet.of([{ from: port, to: port }])));
}

/** One platform endpoint as a row of the human formats. Text from Azure is cut here, escaped by each format. */
export interface PlatformRow {
  readonly host: string;
  /** Each port, sensitive ones marked when the endpoint is sensitive. */
  readonly ports: readonly PortPart[];
  /** `everyone`, `all of Azure`, `2 ranges (257 addresses)`. */
  readonly reach: string;
  readonly reachableBy: PlatformEndpoint['reachableBy'];
  /** `keys, entra`; `—` when it accepts no caller. */
  readonly auth: string;
  /** `st-telemetry (blob)`. */
  readonly resource: string;
  readonly resourceId: string;
  /** Every grant: `203.0.113.0/24 (256 addresses), trusted services, private endpoint pe-1`. */
  readonly grants: string;
  readonly sensitive: boolean;
}

const REACH_TEXT = { everyone: 'everyone', azure: 'all of Azure' } as const;

export function platformRows(endpoints: readonly PlatformEndpoint[]): PlatformRow[] {
  return endpoints.map((endpoint) => {
    const sensitive = isSensitivePlatformEndpoint(endpoint);
    const marked = new Set(sensitive ? sensitivePlatformPorts(endpoint) : []);
    const ranges = endpoint.grants.filter((grant): grant is Extract<PlatformGrant, { kind: 'range' }> => grant.kind === 'range');
    const addresses = ranges.reduce((sum, grant) => sum + grant.addresses, 0);
    return {
      host: shownName(endpoint.host),
      ports: endpoint.ports.map((port) => ({ text: String(port), sensitive: marked.has(port) })),
      reach: endpoint.reachableBy === 'ranges' ? `${ranges.length} range${ranges.length === 1 ? '' : 's'} (${addresses.toLocaleString('en-US')} address${addresses === 1 ? '' : 'es'})` : REACH_TEXT[endpoint.reachableBy],
      reachableBy: endpoint.reachableBy,
      auth: endpoint.auth.join(', ') || '—',
      resource: `${shownName(endpoint.name)} (${shownName(endpoint.service)})`,
      resourceId: endpoint.resourceId,
      grants: endpoint.grants.map((grant) => grantText(grant, endpoint.resourceId)).join(', '),
      sensitive,
    };
  });
}

function grantText(grant: PlatformGrant, resourceId: string): string {
  const from = grant.source.resourceId.toLowerCase() === resourceId.toLowerCase() ? '' : ` (${shownName(lastSegment(grant.source.resourceId))})`;
  switch (grant.kind) {
    case 'everyone':
      return `everyone${from}`;
    case 'azure':
      return `all of Azure${from}`;
    case 'range':
      return `${shownName(grant.range)} (${grant.addresses.toLocaleString('en-US')} address${grant.addresses === 1 ? '' : 'es'})${from}`;
    case 'trustedServices':
      return `trusted services${from}`;
    case 'virtualNetwork':
      return `subnet ${shownName(lastSegment(grant.subnetId))}`;
    case 'privateEndpoint':
      return `private endpoint ${shownName(lastSegment(grant.id))}`;
  }
}

function lastSegment(id: string): string {
  return id.split('/').filter(Boolean).pop() ?? id;
}

/** The legend of the platform endpoints' `!`, for every human format. */
export const PLATFORM_SENSITIVE_LEGEND = 'reachable by everyone or all of Azure on a sensitive port, or serving data with no credential';
