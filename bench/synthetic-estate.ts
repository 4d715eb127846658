/**
 * A synthetic estate in the ARM REST shape, for benchmarks: NSGs with a mix of internet
 * and private rules, the VMs, scale sets (instances behind public load balancers), NICs,
 * public IPs and virtual networks they guard, storage
 * accounts with blob services and containers, SQL servers with databases, TDE, auditing,
 * firewall rules, Entra admins and Defender settings, IoT hubs, Event Hubs namespaces, Key
 * Vaults, diagnostic settings and the platform services of synthetic-paas.ts — in roughly the proportions of a real IoT and data
 * backend. Deterministic for a given size.
 */
import { RULES } from '../rules/index.js';
import { planCollection } from '../src/collect/plan.js';
import { pushPaasResources, sqlEncryptionProtector } from './synthetic-paas.js';

type Json = Record<string, unknown>;

export function syntheticResources(total: number, subscriptions = 20): Json[] {
  const resources: Json[] = [];
  forEachSyntheticResource(total, subscriptions, (resource) => resources.push(resource));
  return resources;
}

/**
 * The estate one resource at a time, in the order syntheticResources lists it: a million
 * resources can be written to a file without holding them all.
 */
export function forEachSyntheticResource(total: number, subscriptions: number, visit: (resource: Json) => void): number {
  let count = 0;
  let n = 0;
  let seed = 42;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  // The last round is finished rather than cut short, so that no resource is left without
  // the parent or children it names (a storage account without its blob service): the estate
  // holds `total` resources or a few more.
  const push = (resource: Json): void => {
    count++;
    visit(resource);
  };
  const diag = (target: string, logs: boolean): void =>
    push({
      id: `${target}/providers/Microsoft.Insights/diagnosticSettings/diag`,
      name: 'diag',
      type: 'Microsoft.Insights/diagnosticSettings',
      properties: { workspaceId: '/subscriptions/x/resourceGroups/m/providers/Microsoft.OperationalInsights/workspaces/w', logs: logs ? [{ categoryGroup: 'allLogs', enabled: true }] : [], metrics: [{ category: 'AllMetrics', enabled: true }] },
    });

  const vnets = new Set<string>();
  while (count < total) {
    n++;
    const sub = `00000000-0000-0000-0000-${String(n % subscriptions).padStart(12, '0')}`;
    const rg = `/subscriptions/${sub}/resourceGroups/rg-${n % 97}`;
    const vnet = `${rg}/providers/Microsoft.Network/virtualNetworks/vnet`;
    if (!vnets.has(vnet)) {
      vnets.add(vnet);
      push({ id: vnet, name: 'vnet', type: 'Microsoft.Network/virtualNetworks', location: 'westeurope', properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] }, subnets: [{ id: `${vnet}/subnets/app`, name: 'app', properties: { addressPrefix: '10.0.1.0/24' } }] } });
    }
    const nsgId = `${rg}/providers/Microsoft.Network/networkSecurityGroups/nsg-${n}`;
    const ports = ['22', '443', '9200', '1883', '5432', '8080-8090', '*', '3389'];
    const rules = Array.from({ length: 4 + (n % 5) }, (_, i) => ({
      name: `rule-${i}`,
      id: `${nsgId}/securityRules/rule-${i}`,
      properties: {
        protocol: i % 3 === 0 ? '*' : 'Tcp',
        sourcePortRange: '*',
        destinationAddressPrefix: '*',
        ...(i % 2 === 0 ? { destinationPortRange: ports[(n + i) % ports.length] } : { destinationPortRanges: [ports[(n + i) % ports.length], '80'] }),
        ...(random() < 0.3 ? { sourceAddressPrefix: random() < 0.5 ? 'Internet' : '*' } : { sourceAddressPrefixes: ['10.0.0.0/8', '192.168.0.0/16'] }),
        access: random() < 0.8 ? 'Allow' : 'Deny',
        priority: 100 + i * 10,
        direction: random() < 0.85 ? 'Inbound' : 'Outbound',
      },
    }));
    push({ id: nsgId, name: `nsg-${n}`, type: 'Microsoft.Network/networkSecurityGroups', location: 'westeurope', properties: { securityRules: rules } });
    diag(nsgId, random() < 0.5);

    // Half the NSGs guard a VM's interface, and a quarter of those interfaces have a public IP.
    if (n % 2 === 0) {
      const nic = `${rg}/providers/Microsoft.Network/networkInterfaces/nic-${n}`;
      const vm = `${rg}/providers/Microsoft.Compute/virtualMachines/vm-${n}`;
      const pip = n % 8 === 0 ? `${rg}/providers/Microsoft.Network/publicIPAddresses/pip-${n}` : undefined;
      const config = `${nic}/ipConfigurations/ipconfig1`;
      if (pip) push({ id: pip, name: `pip-${n}`, type: 'Microsoft.Network/publicIPAddresses', location: 'westeurope', sku: { name: 'Standard' }, properties: { ipAddress: `20.0.${(n >> 8) % 256}.${n % 256}`, ipConfiguration: { id: config } } });
      push({
        id: nic,
        name: `nic-${n}`,
        type: 'Microsoft.Network/networkInterfaces',
        location: 'westeurope',
        properties: {
          networkSecurityGroup: { id: nsgId },
          virtualMachine: { id: vm },
          ipConfigurations: [{ id: config, name: 'ipconfig1', properties: { privateIPAddress: `10.0.1.${n % 250}`, subnet: { id: `${vnet}/subnets/app` }, ...(pip ? { publicIPAddress: { id: pip } } : {}) } }],
        },
      });
      push({
        id: vm,
        name: `vm-${n}`,
        type: 'Microsoft.Compute/virtualMachines',
        location: 'westeurope',
        properties: {
          storageProfile: { osDisk: { osType: 'Linux', name: `vm-${n}-os`, createOption: 'FromImage', managedDisk: { id: `${rg}/providers/Microsoft.Compute/disks/vm-${n}-os` } }, dataDisks: [] },
          securityProfile: random() < 0.6 ? { securityType: 'TrustedLaunch', encryptionAtHost: random() < 0.5 } : {},
          networkProfile: { networkInterfaces: [{ id: nic }] },
        },
      });
    }
    // One NSG in sixteen guards a scale set of two instances behind a public load balancer.
    if (n % 16 === 5) {
      const scaleSet = `${rg}/providers/Microsoft.Compute/virtualMachineScaleSets/vmss-${n}`;
      const lb = `${rg}/providers/Microsoft.Network/loadBalancers/lbe-${n}`;
      const lbIp = `${rg}/providers/Microsoft.Network/publicIPAddresses/pip-lbe-${n}`;
      const frontend = { id: `${lb}/frontendIPConfigurations/fe` };
      const pool = `${lb}/backendAddressPools/pool`;
      const configs = [0, 1].map((i) => `${scaleSet}/virtualMachines/${i}/networkInterfaces/nic/ipConfigurations/ipconfig1`);
      push({ id: scaleSet, name: `vmss-${n}`, type: 'Microsoft.Compute/virtualMachineScaleSets', location: 'westeurope', properties: { virtualMachineProfile: { networkProfile: { networkInterfaceConfigurations: [{ name: 'nic', properties: { networkSecurityGroup: { id: nsgId } } }] } } } });
      push({ id: lbIp, name: `pip-lbe-${n}`, type: 'Microsoft.Network/publicIPAddresses', location: 'westeurope', sku: { name: 'Standard' }, properties: { ipAddress: `20.1.${(n >> 8) % 256}.${n % 256}`, ipConfiguration: frontend } });
      push({
        id: lb,
        name: `lbe-${n}`,
        type: 'Microsoft.Network/loadBalancers',
        location: 'westeurope',
        sku: { name: 'Standard' },
        properties: {
          frontendIPConfigurations: [{ ...frontend, name: 'fe', properties: { publicIPAddress: { id: lbIp } } }],
          backendAddressPools: [{ id: pool, name: 'pool', properties: { backendIPConfigurations: configs.map((id) => ({ id })) } }],
          loadBalancingRules: [{ id: `${lb}/loadBalancingRules/https`, name: 'https', properties: { frontendIPConfiguration: frontend, backendAddressPool: { id: pool }, protocol: 'Tcp', frontendPort: 443, backendPort: 443 } }],
          inboundNatRules: [{ id: `${lb}/inboundNatRules/ssh-0`, name: 'ssh-0', properties: { frontendIPConfiguration: frontend, backendIPConfiguration: { id: configs[0] }, protocol: 'Tcp', frontendPort: 50022, backendPort: 22 } }],
        },
      });
      configs.forEach((config, i) =>
        push({
          id: config.replace(/\/ipConfigurations\/ipconfig1$/, ''),
          name: 'nic',
          type: 'Microsoft.Network/networkInterfaces',
          location: 'westeurope',
          properties: {
            networkSecurityGroup: { id: nsgId },
            virtualMachine: { id: `${scaleSet}/virtualMachines/${i}` },
            ipConfigurations: [{ id: config, name: 'ipconfig1', properties: { privateIPAddress: `10.0.2.${i + 4}`, subnet: { id: `${vnet}/subnets/app` }, loadBalancerBackendAddressPools: [{ id: pool }] } }],
          },
        }),
      );
    }

    const account = `${rg}/providers/Microsoft.Storage/storageAccounts/st${n}`;
    push({
      id: account,
      name: `st${n}`,
      type: 'Microsoft.Storage/storageAccounts',
      kind: 'StorageV2',
      location: 'westeurope',
      properties: {
        isHnsEnabled: random() < 0.3,
        allowBlobPublicAccess: random() < 0.3,
        minimumTlsVersion: random() < 0.7 ? 'TLS1_2' : 'TLS1_0',
        supportsHttpsTrafficOnly: random() < 0.9,
        networkAcls: { defaultAction: random() < 0.5 ? 'Allow' : 'Deny', ipRules: [], virtualNetworkRules: [] },
        creationTime: '2025-06-01T08:00:00.0000000Z',
        keyCreationTime: { key1: random() < 0.7 ? '2026-10-01T08:00:00.0000000Z' : '2025-06-01T08:00:00.0000000Z', key2: '2026-10-01T08:00:00.0000000Z' },
      },
    });
    push({ id: `${account}/blobServices/default`, name: 'default', type: 'Microsoft.Storage/storageAccounts/blobServices', properties: {} });
    diag(`${account}/blobServices/default`, random() < 0.6);
    for (let c = 0; c < 2; c++) {
      push({
        id: `${account}/blobServices/default/containers/c${c}`,
        name: `c${c}`,
        type: 'Microsoft.Storage/storageAccounts/blobServices/containers',
        properties: { publicAccess: random() < 0.1 ? 'Container' : 'None' },
      });
    }

    if (n % 3 === 0) {
      const server = `${rg}/providers/Microsoft.Sql/servers/sql-${n}`;
      push({ id: server, name: `sql-${n}`, type: 'Microsoft.Sql/servers', kind: 'v12.0', properties: { fullyQualifiedDomainName: `sql-${n}.database.windows.net`, minimalTlsVersion: random() < 0.8 ? '1.2' : '1.0', publicNetworkAccess: 'Enabled' } });
      push(sqlEncryptionProtector(server, random() < 0.3));
      push({ id: `${server}/auditingSettings/default`, name: 'default', type: 'Microsoft.Sql/servers/auditingSettings', properties: { state: random() < 0.7 ? 'Enabled' : 'Disabled' } });
      push({ id: `${server}/firewallRules/office`, name: 'office', type: 'Microsoft.Sql/servers/firewallRules', properties: { startIpAddress: '203.0.113.0', endIpAddress: random() < 0.1 ? '255.255.255.255' : '203.0.113.255' } });
      if (random() < 0.6) push({ id: `${server}/administrators/ActiveDirectory`, name: 'ActiveDirectory', type: 'Microsoft.Sql/servers/administrators', properties: { administratorType: 'ActiveDirectory', login: 'sql-admins' } });
      push({ id: `${server}/azureADOnlyAuthentications/Default`, name: 'Default', type: 'Microsoft.Sql/servers/azureADOnlyAuthentications', properties: { azureADOnlyAuthentication: random() < 0.4 } });
      push({ id: `${server}/securityAlertPolicies/Default`, name: 'Default', type: 'Microsoft.Sql/servers/securityAlertPolicies', properties: { state: random() < 0.5 ? 'Enabled' : 'Disabled' } });
      for (const db of ['master', 'app', 'reports']) {
        const dbId = `${server}/databases/${db}`;
        push({ id: dbId, name: db, type: 'Microsoft.Sql/servers/databases', kind: db === 'master' ? 'v12.0,system' : 'v12.0,user', properties: { status: 'Online' } });
        push({ id: `${dbId}/transparentDataEncryption/current`, name: 'current', type: 'Microsoft.Sql/servers/databases/transparentDataEncryption', properties: { state: random() < 0.9 ? 'Enabled' : 'Disabled' } });
        if (db !== 'master') diag(dbId, random() < 0.5);
      }
    }
    pushPaasResources({ n, rg, random, push });
    if (n % 10 === 0) {
      const hub = `${rg}/providers/Microsoft.Devices/IotHubs/iot-${n}`;
      push({ id: hub, name: `iot-${n}`, type: 'Microsoft.Devices/IotHubs', properties: { minTlsVersion: random() < 0.5 ? '1.2' : undefined, disableLocalAuth: random() < 0.5, publicNetworkAccess: 'Enabled' } });
      diag(hub, true);
      const vault = `${rg}/providers/Microsoft.KeyVault/vaults/kv-${n}`;
      push({ id: vault, name: `kv-${n}`, type: 'Microsoft.KeyVault/vaults', properties: { enableRbacAuthorization: true } });
      const namespace = `${rg}/providers/Microsoft.EventHub/namespaces/evh-${n}`;
      push({ id: namespace, name: `evh-${n}`, type: 'Microsoft.EventHub/namespaces', properties: { minimumTlsVersion: '1.2', disableLocalAuth: random() < 0.5, publicNetworkAccess: 'Enabled' } });
      push({ id: `${namespace}/networkRuleSets/default`, name: 'default', type: 'Microsoft.EventHub/namespaces/networkRuleSets', properties: { defaultAction: random() < 0.5 ? 'Allow' : 'Deny', ipRules: [{ ipMask: '203.0.113.0/24', action: 'Allow' }], virtualNetworkRules: [] } });
    }
  }
  return count;
}

/**
 * What a live collection for every rule reads: the snapshot says so, so that a type the estate
 * has none of reads as "read, none there" and not as unread.
 */
export const SYNTHETIC_COLLECTED: readonly string[] = planCollection(RULES).collected;
