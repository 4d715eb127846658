import type { InventorySource, JsonObject } from '../inventory/types.js';
import type { ConfigLocation } from './evidence.js';
import type { PortSet, TransportProtocol } from './ports.js';

/*
 * The exposure result: what the internet reaches, and the way there. The adapters' exposure
 * graph works it out from configuration; AZ-NET-001, the NSG rules and `azscan exposure`
 * report it.
 */

/** An inbound custom security rule whose source is the whole internet. */
export interface InternetRule {
  readonly id: string;
  readonly name: string;
  readonly priority: number;
  readonly access: 'allow' | 'deny';
  /** Transport protocols it matches: `*` matches both; ICMP, ESP and AH match neither. */
  readonly protocols: readonly TransportProtocol[];
  readonly ports: PortSet;
  /** Where in the NSG's JSON the rule is: `properties.securityRules[2]`. */
  readonly path: string;
  /** Path of the source prefix that is the internet, relative to the rule's properties. */
  readonly sourcePath: string;
  /** Destination prefixes (`*`, a tag, an address or CIDR); empty when the rule targets application security groups. */
  readonly destinations: readonly string[];
  readonly destinationAsgIds: readonly string[];
  readonly properties: JsonObject;
}

/** One hop of the way from the internet to a workload. */
export interface PathStep {
  readonly kind: 'public-ip' | 'load-balancer' | 'application-gateway' | 'firewall' | 'gateway-nsg' | 'nic' | 'subnet-nsg' | 'nic-nsg' | 'no-nsg' | 'vm' | 'container-group' | 'backend-address';
  readonly id: string;
  readonly name: string;
  /** What the hop does: an address, `TCP 50022 → 22`, `allow-es-anywhere (priority 200)`. */
  readonly detail?: string;
}

/** Ports of one protocol that the internet reaches at one public address, and the way there. */
export interface Endpoint {
  readonly address: string;
  readonly protocol: TransportProtocol;
  /** The ports as the internet sees them (a load balancer's frontend ports). */
  readonly ports: PortSet;
  /** The ports the workload receives on, when a load balancer translates them. */
  readonly backendPorts: PortSet;
  /** The public IP or container group the address belongs to. */
  readonly frontendId: string;
  readonly workload: { readonly kind: 'vm' | 'nic' | 'container-group' | 'application-gateway' | 'address'; readonly id: string; readonly name: string };
  /**
   * NSGs the internet's traffic passes (subnet, then NIC) on its way to `backendPorts`; empty
   * for container groups, and for application gateways, whose subnet NSG sees the listener's
   * port and whose backends see the gateway, not the internet.
   */
  readonly nsgIds: readonly string[];
  /** The NSG rules that let it in, by NSG id, with the backend ports each admits. */
  readonly allowedBy: ReadonlyArray<{ readonly nsgId: string; readonly rule: InternetRule; readonly ports: PortSet }>;
  /** The rules that forward the traffic: a load balancer rule, a gateway listener and routing rule, a DNAT rule. */
  readonly forwardedBy: readonly ConfigLocation[];
  readonly path: readonly PathStep[];
}

/** `20.54.120.10 (vm-elastic-01-pip) → vm-elastic-01-nic → nsg-elastic: allow-es-anywhere → vm-elastic-01` */
export function describePath(path: readonly PathStep[]): string {
  return path
    .map((step) => {
      switch (step.kind) {
        case 'public-ip':
          return `${step.detail} (${step.name})`;
        case 'load-balancer':
          return `load balancer ${step.name} ${step.detail ?? ''}`.trim();
        case 'application-gateway':
          return `application gateway ${step.name} ${step.detail ?? ''}`.trim();
        case 'firewall':
          return `firewall ${step.name} ${step.detail ?? ''}`.trim();
        case 'gateway-nsg':
        case 'nic-nsg':
        case 'subnet-nsg':
        case 'no-nsg':
          return step.detail ? `${step.name} ${step.detail}` : step.name;
        case 'vm':
          return `VM ${step.name}`;
        default:
          return step.detail ? `${step.name} (${step.detail})` : step.name;
      }
    })
    .join(' → ');
}

/** A public IP, container group, platform resource or unread scope whose exposure is not known, and why. */
export interface ExposureUnknown {
  readonly id: string;
  readonly code: string;
  readonly reason: string;
}

/** What `azscan exposure` reports: every endpoint, and the public IPs whose way in is unknown. */
export interface ExposureReport {
  readonly tool: { readonly name: string; readonly version: string };
  readonly source: InventorySource;
  readonly endpoints: readonly Endpoint[];
  /** Public IPs whose way in could not be followed, and why. */
  readonly unknown: readonly ExposureUnknown[];
  /**
   * Added with platform endpoints: the PaaS endpoints something outside reaches, sorted by
   * host, and the platform resources (or, for a read that failed or was not made, the
   * subscriptions) whose endpoints are unknown. The JSON lists the latter in `unknown` after
   * the public IPs; the human formats show them in a section of their own.
   */
  readonly platformEndpoints: readonly PlatformEndpoint[];
  readonly platformUnknown: readonly ExposureUnknown[];
}

/*
 * Platform (PaaS) endpoints: a service's own public endpoint — a storage account's blob host,
 * a SQL server's FQDN, an AKS API server — reachable from the internet by the service's own
 * network controls (firewall rules, `publicNetworkAccess`, authorized ranges), with no public
 * IP or NSG in the estate. `azscan exposure` lists them beside the `endpoints` above.
 */

/**
 * Who can reach a platform endpoint, the widest grant that applies: `everyone` (any address),
 * `azure` (every address in Azure, any tenant's: SQL's `AllowAllWindowsAzureIps`, Cosmos DB's
 * `0.0.0.0`, a PostgreSQL or MySQL `0.0.0.0`–`0.0.0.0` rule), `ranges` (only listed ranges).
 */
export type PlatformReach = 'everyone' | 'azure' | 'ranges';

/**
 * Ways a platform endpoint accepts a caller: no credential at all; a shared secret (an access
 * key, a SAS made from one, an admin or SQL password login); a client certificate (X.509
 * device or MQTT client, AKS client certificates); or Microsoft Entra ID.
 */
export type PlatformAuth = 'anonymous' | 'keys' | 'certificates' | 'entra';

/**
 * One thing that lets callers in. `everyone`, `azure` and `range` make the endpoint reachable
 * from outside; a trusted-services bypass, a virtual network rule (service endpoint) and a
 * private endpoint do not on their own, and are listed so that a reader sees every way in.
 */
export type PlatformGrant =
  | { readonly kind: 'everyone'; readonly source: ConfigLocation }
  | { readonly kind: 'azure'; readonly source: ConfigLocation }
  | { readonly kind: 'range'; readonly range: string; readonly addresses: number; readonly source: ConfigLocation }
  | { readonly kind: 'trustedServices'; readonly source: ConfigLocation }
  | { readonly kind: 'virtualNetwork'; readonly subnetId: string; readonly source: ConfigLocation }
  | { readonly kind: 'privateEndpoint'; readonly id: string; readonly source: ConfigLocation };

/** A platform service's public endpoint that some address outside the estate can reach. */
export interface PlatformEndpoint {
  readonly resourceId: string;
  readonly resourceType: string;
  readonly name: string;
  /** What the endpoint is, when a resource has several: `blob`, `file`, `scm`, `api-server`. */
  readonly service: string;
  /** The host name as ARM states it (`primaryEndpoints`, `fullyQualifiedDomainName`, `defaultHostName`, `fqdn`…), never built from a DNS suffix. */
  readonly host: string;
  /** Where ARM states the host: `properties.primaryEndpoints.blob`. */
  readonly hostPath: string;
  /** TCP ports the endpoint listens on: 443; 443 and 445 for Azure Files; 8883 for MQTT. */
  readonly ports: readonly number[];
  readonly reachableBy: PlatformReach;
  /** Every grant, those that make it reachable first. */
  readonly grants: readonly PlatformGrant[];
  /** The methods it accepts, in the order anonymous, keys, certificates, entra. */
  readonly auth: readonly PlatformAuth[];
}
