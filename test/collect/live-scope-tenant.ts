/**
 * A tenant for the scope tests (live-scope.test.ts): subscriptions under a tree of management
 * groups, a spoke subscription whose interface sits in a hub subscription's network, and a
 * subscription that archives its activity log to a storage account in another.
 */
import type { FakeManagementGroup, FakeSubscription, FakeTenant } from '../fake-arm/server.js';

const TENANT_ID = '5c0be000-0000-4000-8000-00000000aaaa';
const sub = (n: number): string => `5c0be000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;

/** The spoke: an interface with a public IP, in the hub's subnet, behind the hub's NSGs (shard 2 of 2). */
export const SPOKE = sub(1);
/** The hub: the virtual network and both NSGs (shard 1 of 2). */
export const HUB = sub(2);
/** Archives its activity log to LOGS' storage account (shard 2 of 2). */
export const ARCHIVER = sub(3);
/** Holds the storage account the activity log goes to (shard 1 of 2). */
export const LOGS = sub(5);
/** Directly under the root group only. */
export const ROOT_ONLY = sub(4);
/** Under no group. */
export const UNGROUPED = sub(6);
/** Under a group, but the credential cannot see it. */
export const INVISIBLE = sub(7);

const subscription = (subscriptionId: string, displayName: string): FakeSubscription => ({ subscriptionId, displayName, state: 'Enabled', tenantId: TENANT_ID });

/**
 * mg-root ─ ROOT_ONLY
 *   ├─ mg-platform ─ HUB
 *   │    └─ mg-apps ─ SPOKE, INVISIBLE
 *   └─ mg-logging ─ ARCHIVER, LOGS
 * mg-empty (no subscriptions, at any depth) ─ mg-empty-child
 */
export const MANAGEMENT_GROUPS: FakeManagementGroup[] = [
  { id: 'mg-root', displayName: 'Tenant Root', subscriptions: [ROOT_ONLY] },
  { id: 'mg-platform', parent: 'mg-root', subscriptions: [HUB] },
  { id: 'mg-apps', parent: 'mg-platform', subscriptions: [SPOKE, INVISIBLE] },
  { id: 'mg-logging', parent: 'mg-root', subscriptions: [ARCHIVER, LOGS] },
  { id: 'mg-empty' },
  { id: 'mg-empty-child', parent: 'mg-empty' },
];

const network = (subscriptionId: string, type: string, name: string): string => `/subscriptions/${subscriptionId}/resourceGroups/rg-net/providers/Microsoft.Network/${type}/${name}`;
const SUBNET = `${network(HUB, 'virtualNetworks', 'vnet-hub')}/subnets/snet-app`;
const NIC = network(SPOKE, 'networkInterfaces', 'nic-web');
const STORAGE = `/subscriptions/${LOGS}/resourceGroups/rg-logs/providers/Microsoft.Storage/storageAccounts/stactivitylogs`;
export const STORAGE_ACCOUNT_ID = STORAGE;
export const HUB_VNET_ID = network(HUB, 'virtualNetworks', 'vnet-hub');
export const HUB_NSG_ID = network(HUB, 'networkSecurityGroups', 'nsg-hub-subnet');

function nsg(subscriptionId: string, name: string, port: string): Record<string, unknown> {
  const id = network(subscriptionId, 'networkSecurityGroups', name);
  return {
    id,
    name,
    type: 'Microsoft.Network/networkSecurityGroups',
    location: 'westeurope',
    properties: {
      securityRules: [
        {
          id: `${id}/securityRules/allow-${port}`,
          name: `allow-${port}`,
          type: 'Microsoft.Network/networkSecurityGroups/securityRules',
          properties: { protocol: 'Tcp', sourcePortRange: '*', destinationPortRange: port, sourceAddressPrefix: 'Internet', destinationAddressPrefix: '*', access: 'Allow', priority: 100, direction: 'Inbound' },
        },
      ],
    },
  };
}

export function scopeTenant(): FakeTenant {
  return {
    subscriptions: [
      subscription(SPOKE, 'spoke'),
      subscription(HUB, 'hub'),
      subscription(ARCHIVER, 'archiver'),
      subscription(LOGS, 'logs'),
      subscription(ROOT_ONLY, 'root-only'),
      subscription(UNGROUPED, 'ungrouped'),
    ],
    managementGroups: MANAGEMENT_GROUPS,
    resources: [
      {
        id: HUB_VNET_ID,
        name: 'vnet-hub',
        type: 'Microsoft.Network/virtualNetworks',
        location: 'westeurope',
        properties: {
          addressSpace: { addressPrefixes: ['10.0.0.0/16'] },
          subnets: [{ id: SUBNET, name: 'snet-app', properties: { addressPrefix: '10.0.1.0/24', networkSecurityGroup: { id: HUB_NSG_ID } } }],
        },
      },
      nsg(HUB, 'nsg-hub-subnet', '22'),
      nsg(HUB, 'nsg-hub-nic', '22'),
      {
        id: NIC,
        name: 'nic-web',
        type: 'Microsoft.Network/networkInterfaces',
        location: 'westeurope',
        properties: {
          networkSecurityGroup: { id: network(HUB, 'networkSecurityGroups', 'nsg-hub-nic') },
          ipConfigurations: [
            {
              id: `${NIC}/ipConfigurations/ipconfig1`,
              name: 'ipconfig1',
              properties: { privateIPAddress: '10.0.1.4', subnet: { id: SUBNET }, publicIPAddress: { id: network(SPOKE, 'publicIPAddresses', 'pip-web') } },
            },
          ],
        },
      },
      {
        id: network(SPOKE, 'publicIPAddresses', 'pip-web'),
        name: 'pip-web',
        type: 'Microsoft.Network/publicIPAddresses',
        location: 'westeurope',
        sku: { name: 'Standard' },
        properties: { ipAddress: '20.1.2.3', publicIPAllocationMethod: 'Static', ipConfiguration: { id: `${NIC}/ipConfigurations/ipconfig1` } },
      },
      {
        id: `/subscriptions/${ARCHIVER}/providers/Microsoft.Insights/diagnosticSettings/archive`,
        name: 'archive',
        type: 'Microsoft.Insights/diagnosticSettings',
        properties: { storageAccountId: STORAGE, logs: [{ category: 'Administrative', enabled: true }] },
      },
      {
        id: STORAGE,
        name: 'stactivitylogs',
        type: 'Microsoft.Storage/storageAccounts',
        kind: 'StorageV2',
        location: 'westeurope',
        sku: { name: 'Standard_LRS' },
        properties: { encryption: { keySource: 'Microsoft.Storage', services: { blob: { enabled: true } } }, minimumTlsVersion: 'TLS1_2', supportsHttpsTrafficOnly: true },
      },
    ],
  };
}
