import { APPLICATION_GATEWAY_TYPE, CONTAINER_GROUP_TYPE, FIREWALL_POLICY_TYPE, FIREWALL_TYPE, LOAD_BALANCER_TYPE, NIC_TYPE, NSG_TYPE, PUBLIC_IP_TYPE, RULE_COLLECTION_GROUP_TYPE, SCALE_SET_TYPE, VIRTUAL_MACHINE_TYPE, VIRTUAL_NETWORK_TYPE } from '../../src/inventory/arm-types.js';
import { ruleEvidence } from '../../src/adapters/nsg.js';
import { NotEvaluated } from '../../src/model/not-evaluated.js';
import { defineRule } from '../../src/model/rule.js';
import type { Evidence } from '../../src/model/evidence.js';
import type { Severity } from '../../src/model/severity.js';
import { typeKey } from '../../src/inventory/arm-id.js';
import type { ArmResource } from '../../src/inventory/types.js';
import { describePath, type Endpoint } from '../../src/model/exposure.js';
import { exposureGraph } from '../../src/adapters/exposure/graph.js';
import { ALL_SENSITIVE_PORTS, exposedServices } from '../../src/model/sensitive-ports.js';

/** Services whose exposure is critical: an open search cluster, a plaintext MQTT broker. */
const CRITICAL_SERVICES = new Set([9200, 9300, 5601, 1883]);

export default defineRule({
  id: 'AZ-NET-001',
  name: 'public-endpoint-sensitive-port',
  title: 'Public address reaches a sensitive port',
  severity: 'high',
  raisesSeverity: true,
  service: 'network',
  resourceTypes: [PUBLIC_IP_TYPE, CONTAINER_GROUP_TYPE],
  requires: [NIC_TYPE, VIRTUAL_NETWORK_TYPE, NSG_TYPE, LOAD_BALANCER_TYPE, VIRTUAL_MACHINE_TYPE, SCALE_SET_TYPE, APPLICATION_GATEWAY_TYPE, FIREWALL_TYPE, FIREWALL_POLICY_TYPE, RULE_COLLECTION_GROUP_TYPE],
  description:
    'A public IP address (on a network interface, a public load balancer\'s frontend, an application gateway\'s listener or an Azure Firewall\'s DNAT rules) or a container group with a public address lets the internet reach a sensitive TCP port of a workload — a management, Elasticsearch/Kibana, MQTT or database/cache port from the AZ-NSG tables — after every NSG on the way (the subnet\'s and the interface\'s) and the load balancer\'s rules are applied. Without any NSG, a Basic public IP or load balancer is open and a Standard one closed. Container groups have no NSG at all. Critical for Elasticsearch/Kibana and MQTT 1883, low for MQTT over TLS alone, high otherwise.',
  rationale:
    'An NSG rule is only a risk if something reachable sits behind it, and a workload is at risk even when no NSG rule looks open (a Basic public IP with no NSG, a container group). This is what an attacker\'s scan of the tenant\'s public addresses finds: the five Elasticsearch servers behind one changed NSG that leaked 250 million support records were found exactly this way.',
  remediation: {
    text: 'Close the port on the way in: remove or narrow the NSG rule that admits it, remove the load balancer rule, NAT rule, firewall DNAT rule or gateway routing rule, or take the public IP off the workload and reach it privately (Bastion, VPN, private endpoint). For container groups, deploy into a virtual network instead of with a public IP.',
    az: 'az network nic ip-config update --resource-group <nic-resource-group> --nic-name <nic> --name <ip-config> --remove publicIpAddress',
  },
  references: [
    'https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works',
    'https://learn.microsoft.com/azure/virtual-network/ip-services/public-ip-addresses#sku',
    'https://learn.microsoft.com/azure/container-instances/container-instances-virtual-network-concepts',
  ],
  compliance: { 'cis-azure-3.0': [], mcsb: ['NS-1'] },
  check(resource, context) {
    const graph = exposureGraph(context.inventory);
    let endpoints: Endpoint[];
    if (resource.typeKey === CONTAINER_GROUP_KEY) {
      endpoints = graph.containerGroup(resource);
      if (endpoints.length === 0) {
        context.notApplicable('the container group has no public IP address');
        return;
      }
    } else {
      const verdict = graph.publicIp(resource);
      switch (verdict.status) {
        case 'unknown':
          throw new NotEvaluated(verdict.code, verdict.reason);
        case 'unattached':
          return; // An address attached to nothing leads nowhere.
        case 'other':
          context.notApplicable(`attached to ${kindOf(verdict.attachedTo)}, behind which azscan follows no workload`);
          return;
        default:
          endpoints = [...verdict.endpoints];
      }
    }
    const reached = endpoints
      .filter((endpoint) => endpoint.protocol === 'tcp')
      .flatMap((endpoint) => {
        const { ports, services, hit } = exposedServices(endpoint.backendPorts, ALL_SENSITIVE_PORTS);
        return ports.isEmpty ? [] : [{ endpoint, services, hit }];
      });
    if (reached.length === 0) return;
    // The most serious way in leads the message and gives the path.
    reached.sort((a, b) => rank(a.hit) - rank(b.hit));

    const severity = severityFor(reached.flatMap((entry) => entry.hit.map((port) => port.from)));
    const described = reached.map(({ endpoint, services }) => `${frontendPorts(endpoint)}${services.join(', ')} on ${endpoint.workload.name}`);
    context.report({
      message: `${resource.typeKey === CONTAINER_GROUP_KEY ? 'Container group' : 'Public IP'} '${resource.name}' (${reached[0]!.endpoint.address}) admits the internet to TCP ${described.join('; ')}. Way in: ${describePath(reached[0]!.endpoint.path)}.`,
      evidence: evidenceFor(resource, reached.map((entry) => entry.endpoint), context.inventory.get.bind(context.inventory)),
      severity,
      path: reached[0]!.endpoint.path,
    });
  },
});

const CONTAINER_GROUP_KEY = typeKey(CONTAINER_GROUP_TYPE);

function rank(hit: readonly { from: number }[]): number {
  const severity = severityFor(hit.map((port) => port.from));
  return severity === 'critical' ? 0 : severity === 'high' ? 1 : 2;
}

function severityFor(ports: readonly number[]): Severity {
  if (ports.some((port) => CRITICAL_SERVICES.has(port))) return 'critical';
  return ports.every((port) => port === 8883) ? 'low' : 'high';
}

/** `TCP 50022 → 22 (SSH)` when a load balancer translates the port; just the service otherwise. */
function frontendPorts(endpoint: Endpoint): string {
  return endpoint.ports.toString() === endpoint.backendPorts.toString() ? '' : `${endpoint.ports.toString()} → `;
}

function evidenceFor(resource: ArmResource, endpoints: readonly Endpoint[], lookup: (id: string) => ArmResource | undefined): Evidence[] {
  const own: Evidence[] =
    resource.typeKey === CONTAINER_GROUP_KEY
      ? [{ resourceId: resource.id, path: 'properties.ipAddress', value: resource.properties.ipAddress }]
      : [
          { resourceId: resource.id, path: 'properties.ipAddress', value: resource.properties.ipAddress ?? null },
          { resourceId: resource.id, path: 'properties.ipConfiguration.id', value: (resource.properties.ipConfiguration as { id?: string } | undefined)?.id ?? null },
        ];
  // The rules that forward the traffic (load balancer, gateway, DNAT), then the NSG rules that let it in, each once.
  const rules = new Map<string, Evidence[]>();
  for (const endpoint of endpoints) {
    for (const { resourceId, path, value } of endpoint.forwardedBy) {
      const key = `${resourceId.toLowerCase()}|${path}`;
      if (!rules.has(key)) rules.set(key, [{ resourceId, path, value }]);
    }
  }
  for (const endpoint of endpoints) {
    for (const { nsgId, rule } of endpoint.allowedBy) {
      const nsg = lookup(nsgId);
      if (nsg && !rules.has(rule.id)) rules.set(rule.id, ruleEvidence(nsg, rule));
    }
  }
  return [...own, ...[...rules.values()].flat()];
}

/** What a public IP is attached to, in words: `an application gateway`, `a NAT gateway`. */
const ATTACHMENT_NAMES: Record<string, string> = {
  applicationgateways: 'an application gateway',
  azurefirewalls: 'an Azure Firewall',
  bastionhosts: 'a Bastion host',
  natgateways: 'a NAT gateway',
  virtualnetworkgateways: 'a virtual network (VPN or ExpressRoute) gateway',
};

function kindOf(id: string): string {
  const match = /\/providers\/Microsoft\.Network\/(\w+)\//i.exec(id);
  if (!match) return id;
  return ATTACHMENT_NAMES[match[1]!.toLowerCase()] ?? `a ${match[1]!.replace(/s$/, '')}`;
}

