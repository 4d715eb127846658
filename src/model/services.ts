/**
 * The services rules are grouped by, in the order reports list them: one table, so that the
 * rules' folders, `rules --service`, the terminal and the HTML report cannot disagree.
 * A service's id is its folder under `rules/`.
 */
export const SERVICES = [
  { id: 'nsg', label: 'Network (NSG)' },
  { id: 'network', label: 'Network exposure' },
  { id: 'sql', label: 'SQL' },
  { id: 'postgresql', label: 'PostgreSQL' },
  { id: 'mysql', label: 'MySQL' },
  { id: 'cosmosdb', label: 'Cosmos DB' },
  { id: 'redis', label: 'Azure Cache for Redis' },
  { id: 'storage', label: 'Storage' },
  { id: 'appservice', label: 'App Service' },
  { id: 'aks', label: 'Kubernetes (AKS)' },
  { id: 'containerregistry', label: 'Container Registry' },
  { id: 'compute', label: 'Virtual machines' },
  { id: 'iothub', label: 'IoT Hub' },
  { id: 'keyvault', label: 'Key Vault' },
  { id: 'eventhub', label: 'Event Hubs' },
  { id: 'eventgrid', label: 'Event Grid' },
  { id: 'monitor', label: 'Monitoring' },
  { id: 'defender', label: 'Defender for Cloud' },
  { id: 'governance', label: 'Governance' },
] as const;

export type Service = (typeof SERVICES)[number]['id'];

export const SERVICE_IDS: readonly Service[] = SERVICES.map((service) => service.id);

const LABELS: ReadonlyMap<string, string> = new Map(SERVICES.map((service) => [service.id, service.label]));

/** The service's label; an id the table does not have (from a hand-edited report) as it is. */
export function serviceLabel(service: string): string {
  return LABELS.get(service) ?? service;
}
