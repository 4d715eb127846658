/**
 * The platform services of the synthetic estate (synthetic-estate.ts): web apps with their
 * `config/web`, auth settings and publishing policies, AKS clusters, container registries,
 * Cosmos DB accounts, Redis caches with firewall rules, PostgreSQL and MySQL flexible servers
 * with firewall rules and the server parameters the rules read, managed disks and SQL TDE
 * protectors — in the ARM REST shape of the rule fixtures, a mix of passing and failing.
 */
type Json = Record<string, unknown>;

export interface PaasContext {
  readonly n: number;
  /** `/subscriptions/…/resourceGroups/…` */
  readonly rg: string;
  readonly random: () => number;
  readonly push: (resource: Json) => void;
}

const POSTGRESQL_PARAMETERS: ReadonlyArray<[string, string, string]> = [
  ['require_secure_transport', 'on', 'off'],
  ['log_checkpoints', 'on', 'off'],
  ['connection_throttle.enable', 'on', 'off'],
  ['logfiles.retention_days', '7', '3'],
  ['ssl_min_protocol_version', 'TLSv1.2', 'TLSv1'],
  ['log_connections', 'on', 'off'],
  ['log_disconnections', 'on', 'off'],
];
const MYSQL_PARAMETERS: ReadonlyArray<[string, string, string]> = [
  ['require_secure_transport', 'ON', 'OFF'],
  ['tls_version', 'TLSv1.2,TLSv1.3', 'TLSv1,TLSv1.1,TLSv1.2'],
  ['audit_log_enabled', 'ON', 'OFF'],
  ['audit_log_events', 'CONNECTION,DDL', 'DDL'],
  ['aad_auth_only', 'OFF', 'OFF'],
];

export function pushPaasResources({ n, rg, random, push }: PaasContext): void {
  const pick = <T>(good: T, bad: T, failRate = 0.3): T => (random() < failRate ? bad : good);
  const allowAll = { ipAddress: 'Any', action: 'Allow', priority: 2147483647, name: 'Allow all', description: 'Allow all access' };

  if (n % 3 === 1) {
    const site = `${rg}/providers/Microsoft.Web/sites/app-${n}`;
    const host = `app-${n}.azurewebsites.net`;
    const scm = `app-${n}.scm.azurewebsites.net`;
    push({
      id: site,
      name: `app-${n}`,
      type: 'Microsoft.Web/sites',
      kind: n % 2 === 0 ? 'functionapp' : 'app',
      location: 'westeurope',
      ...(random() < 0.5 ? { identity: { type: 'SystemAssigned', principalId: '00000000-0000-0000-0000-0000000000bb', tenantId: '00000000-0000-0000-0000-0000000000aa' } } : {}),
      properties: {
        state: 'Running',
        defaultHostName: host,
        enabledHostNames: [host, scm],
        hostNameSslStates: [
          { name: host, sslState: 'Disabled', hostType: 'Standard' },
          { name: scm, sslState: 'Disabled', hostType: 'Repository' },
        ],
        httpsOnly: pick(true, false),
        clientCertEnabled: false,
        publicNetworkAccess: 'Enabled',
      },
    });
    const restricted = random() < 0.5;
    push({
      id: `${site}/config/web`,
      name: 'web',
      type: 'Microsoft.Web/sites/config',
      properties: {
        minTlsVersion: pick('1.2', '1.0'),
        scmMinTlsVersion: '1.2',
        ftpsState: pick('FtpsOnly', 'AllAllowed'),
        remoteDebuggingEnabled: pick(false, true, 0.1),
        http20Enabled: pick(true, false),
        ipSecurityRestrictions: restricted ? [{ ipAddress: '203.0.113.0/24', action: 'Allow', priority: 100, name: 'office' }] : [allowAll],
        ipSecurityRestrictionsDefaultAction: restricted ? 'Deny' : 'Allow',
        scmIpSecurityRestrictions: [allowAll],
        scmIpSecurityRestrictionsUseMain: restricted,
      },
    });
    push({
      id: `${site}/config/authsettingsV2`,
      name: 'authsettingsV2',
      type: 'Microsoft.Web/sites/config',
      properties: { platform: { enabled: random() < 0.4 }, globalValidation: { requireAuthentication: true, unauthenticatedClientAction: 'RedirectToLoginPage' } },
    });
    for (const policy of ['ftp', 'scm']) {
      push({ id: `${site}/basicPublishingCredentialsPolicies/${policy}`, name: policy, type: 'Microsoft.Web/sites/basicPublishingCredentialsPolicies', properties: { allow: pick(false, true, 0.5) } });
    }
  }

  if (n % 12 === 2) {
    push({
      id: `${rg}/providers/Microsoft.ContainerService/managedClusters/aks-${n}`,
      name: `aks-${n}`,
      type: 'Microsoft.ContainerService/managedClusters',
      location: 'westeurope',
      properties: {
        fqdn: `aks-${n}-k7q2m9x4.hcp.westeurope.azmk8s.io`,
        enableRBAC: true,
        disableLocalAccounts: pick(true, false, 0.5),
        ...(random() < 0.6 ? { aadProfile: { managed: true, enableAzureRBAC: true } } : {}),
        apiServerAccessProfile: random() < 0.5 ? { authorizedIPRanges: ['203.0.113.0/24'] } : {},
        networkProfile: { networkPlugin: 'azure', ...(random() < 0.5 ? { networkPolicy: 'azure' } : {}) },
        addonProfiles: { azurepolicy: { enabled: random() < 0.5 } },
      },
    });
  }
  if (n % 12 === 3) {
    push({
      id: `${rg}/providers/Microsoft.ContainerRegistry/registries/cr${n}`,
      name: `cr${n}`,
      type: 'Microsoft.ContainerRegistry/registries',
      location: 'westeurope',
      sku: { name: 'Premium', tier: 'Premium' },
      properties: {
        loginServer: `cr${n}.azurecr.io`,
        adminUserEnabled: pick(false, true),
        anonymousPullEnabled: pick(false, true, 0.1),
        publicNetworkAccess: 'Enabled',
        networkRuleSet: { defaultAction: pick('Deny', 'Allow', 0.5), ipRules: [{ action: 'Allow', value: '203.0.113.0/24' }] },
      },
    });
  }
  if (n % 10 === 4) {
    push({
      id: `${rg}/providers/Microsoft.DocumentDB/databaseAccounts/cosmos-${n}`,
      name: `cosmos-${n}`,
      type: 'Microsoft.DocumentDB/databaseAccounts',
      kind: 'GlobalDocumentDB',
      location: 'westeurope',
      properties: {
        documentEndpoint: `https://cosmos-${n}.documents.azure.com:443/`,
        publicNetworkAccess: 'Enabled',
        ipRules: random() < 0.3 ? [{ ipAddressOrRange: '0.0.0.0' }] : random() < 0.5 ? [] : [{ ipAddressOrRange: '203.0.113.0/24' }],
        isVirtualNetworkFilterEnabled: false,
        virtualNetworkRules: [],
        disableLocalAuth: pick(true, false, 0.5),
        disableKeyBasedMetadataWriteAccess: pick(true, false, 0.5),
        privateEndpointConnections: [],
        networkAclBypass: 'None',
      },
    });
  }
  if (n % 12 === 6) {
    const cache = `${rg}/providers/Microsoft.Cache/redis/redis-${n}`;
    push({
      id: cache,
      name: `redis-${n}`,
      type: 'Microsoft.Cache/redis',
      location: 'westeurope',
      properties: {
        sku: { name: 'Standard', family: 'C', capacity: 1 },
        enableNonSslPort: pick(false, true, 0.2),
        minimumTlsVersion: pick('1.2', '1.0', 0.2),
        redisConfiguration: {},
        hostName: `redis-${n}.redis.cache.windows.net`,
        port: 6379,
        sslPort: 6380,
        publicNetworkAccess: 'Enabled',
        disableAccessKeyAuthentication: pick(true, false, 0.5),
      },
    });
    if (random() < 0.5) push({ id: `${cache}/firewallRules/office`, name: 'office', type: 'Microsoft.Cache/redis/firewallRules', properties: { startIP: '203.0.113.0', endIP: '203.0.113.255' } });
  }
  if (n % 8 === 7) flexibleServer('Microsoft.DBforPostgreSQL/flexibleServers', `pg-${n}`, 'postgres', POSTGRESQL_PARAMETERS);
  if (n % 8 === 3) flexibleServer('Microsoft.DBforMySQL/flexibleServers', `mysql-${n}`, 'mysql', MYSQL_PARAMETERS);

  // Every other VM (synthetic-estate.ts makes one for each even n) has a managed OS disk.
  if (n % 4 === 0) {
    push({
      id: `${rg}/providers/Microsoft.Compute/disks/vm-${n}-os`,
      name: `vm-${n}-os`,
      type: 'Microsoft.Compute/disks',
      location: 'westeurope',
      managedBy: `${rg}/providers/Microsoft.Compute/virtualMachines/vm-${n}`,
      sku: { name: 'Premium_LRS', tier: 'Premium' },
      properties: {
        diskState: 'Attached',
        encryption: { type: pick('EncryptionAtRestWithCustomerKey', 'EncryptionAtRestWithPlatformKey', 0.6) },
        networkAccessPolicy: pick('DenyAll', 'AllowAll', 0.4),
        publicNetworkAccess: pick('Disabled', 'Enabled', 0.4),
        dataAccessAuthMode: pick('AzureActiveDirectory', 'None', 0.5),
      },
    });
  }

  function flexibleServer(type: string, name: string, engine: string, parameters: ReadonlyArray<[string, string, string]>): void {
    const server = `${rg}/providers/${type}/${name}`;
    push({
      id: server,
      name,
      type,
      location: 'westeurope',
      sku: { name: 'Standard_D2ds_v5', tier: 'GeneralPurpose' },
      properties: {
        fullyQualifiedDomainName: `${name}.${engine}.database.azure.com`,
        state: 'Ready',
        network: { publicNetworkAccess: 'Enabled' },
        ...(engine === 'postgres' ? { authConfig: { passwordAuth: 'Enabled', activeDirectoryAuth: 'Enabled' } } : {}),
      },
    });
    const end = random() < 0.2 ? '0.0.0.0' : random() < 0.1 ? '255.255.255.255' : '203.0.113.255';
    const start = end === '203.0.113.255' ? '203.0.113.0' : '0.0.0.0';
    push({ id: `${server}/firewallRules/rule-${n}`, name: `rule-${n}`, type: `${type}/firewallRules`, properties: { startIpAddress: start, endIpAddress: end } });
    for (const [parameter, good, bad] of parameters) {
      push({
        id: `${server}/configurations/${parameter}`,
        name: parameter,
        type: `${type}/configurations`,
        properties: { value: pick(good, bad, 0.25), defaultValue: good, dataType: 'Enumeration', source: 'user-override' },
      });
    }
  }
}

/** A SQL server's TDE protector: a customer-managed key on some. */
export function sqlEncryptionProtector(server: string, customerKey: boolean): Json {
  return {
    id: `${server}/encryptionProtector/current`,
    name: 'current',
    type: 'Microsoft.Sql/servers/encryptionProtector',
    kind: customerKey ? 'azurekeyvault' : 'servicemanaged',
    properties: customerKey ? { serverKeyName: 'kv_tde_key', serverKeyType: 'AzureKeyVault', uri: 'https://kv.vault.azure.net/keys/tde/0123' } : { serverKeyName: 'ServiceManaged', serverKeyType: 'ServiceManaged' },
  };
}
