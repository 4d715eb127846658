import { typeKey } from '../inventory/arm-id.js';

/** How reports name a kind of resource: `SQL servers` heading a group, `3 servers` counted in it. */
export interface ResourceTypeLabel {
  readonly heading: string;
  readonly one: string;
  readonly many: string;
}

// The types rules evaluate, and the parts of them that can fail to be read on their own.
const LABELS: Readonly<Record<string, readonly [heading: string, one: string, many: string]>> = {
  'microsoft.resources/subscriptions': ['Subscriptions', 'subscription', 'subscriptions'],
  'microsoft.network/networksecuritygroups': ['NSGs', 'NSG', 'NSGs'],
  'microsoft.network/networksecuritygroups/securityrules': ['NSG security rules', 'rule', 'rules'],
  'microsoft.network/networkinterfaces': ['Network interfaces', 'interface', 'interfaces'],
  'microsoft.network/publicipaddresses': ['Public IP addresses', 'address', 'addresses'],
  'microsoft.network/virtualnetworks': ['Virtual networks', 'network', 'networks'],
  'microsoft.network/loadbalancers': ['Load balancers', 'load balancer', 'load balancers'],
  'microsoft.network/applicationgateways': ['Application gateways', 'gateway', 'gateways'],
  'microsoft.network/azurefirewalls': ['Azure firewalls', 'firewall', 'firewalls'],
  'microsoft.network/firewallpolicies': ['Firewall policies', 'policy', 'policies'],
  'microsoft.compute/virtualmachines': ['Virtual machines', 'VM', 'VMs'],
  'microsoft.compute/virtualmachinescalesets': ['Scale sets', 'scale set', 'scale sets'],
  'microsoft.containerinstance/containergroups': ['Container groups', 'container group', 'container groups'],
  'microsoft.sql/servers': ['SQL servers', 'server', 'servers'],
  'microsoft.sql/servers/databases': ['SQL databases', 'database', 'databases'],
  'microsoft.storage/storageaccounts': ['Storage accounts', 'account', 'accounts'],
  'microsoft.storage/storageaccounts/blobservices': ['Blob services', 'blob service', 'blob services'],
  'microsoft.storage/storageaccounts/blobservices/containers': ['Blob containers', 'container', 'containers'],
  'microsoft.devices/iothubs': ['IoT hubs', 'hub', 'hubs'],
  'microsoft.keyvault/vaults': ['Key vaults', 'vault', 'vaults'],
  'microsoft.eventhub/namespaces': ['Event Hubs namespaces', 'namespace', 'namespaces'],
  'microsoft.eventgrid/namespaces': ['Event Grid namespaces', 'namespace', 'namespaces'],
  'microsoft.insights/diagnosticsettings': ['Diagnostic settings', 'setting', 'settings'],
  'microsoft.insights/activitylogalerts': ['Activity log alerts', 'alert', 'alerts'],
  'microsoft.security/pricings': ['Defender plans', 'plan', 'plans'],
};

/** The label of an ARM type; one not in the table is named by its type. */
export function resourceTypeLabel(type: string | undefined): ResourceTypeLabel {
  if (type === undefined || type.trim() === '') return { heading: 'Resources', one: 'resource', many: 'resources' };
  const known = LABELS[typeKey(type)];
  if (known) return { heading: known[0], one: known[1], many: known[2] };
  return { heading: `Resources of type ${type}`, one: 'resource', many: 'resources' };
}
