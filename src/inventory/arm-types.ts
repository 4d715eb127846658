/**
 * The ARM resource types azscan reads, by name: one place for the collector (which plans its
 * reads by type), the adapters (which read their JSON) and the rules (which declare what they
 * evaluate and need). Grouped by resource provider.
 */

export const SUBSCRIPTION_TYPE = 'Microsoft.Resources/subscriptions';

// Microsoft.Network
export const NSG_TYPE = 'Microsoft.Network/networkSecurityGroups';
export const SECURITY_RULE_TYPE = 'Microsoft.Network/networkSecurityGroups/securityRules';
export const NIC_TYPE = 'Microsoft.Network/networkInterfaces';
export const PUBLIC_IP_TYPE = 'Microsoft.Network/publicIPAddresses';
export const VIRTUAL_NETWORK_TYPE = 'Microsoft.Network/virtualNetworks';
export const LOAD_BALANCER_TYPE = 'Microsoft.Network/loadBalancers';
export const APPLICATION_GATEWAY_TYPE = 'Microsoft.Network/applicationGateways';
export const FIREWALL_TYPE = 'Microsoft.Network/azureFirewalls';
export const FIREWALL_POLICY_TYPE = 'Microsoft.Network/firewallPolicies';
export const RULE_COLLECTION_GROUP_TYPE = 'Microsoft.Network/firewallPolicies/ruleCollectionGroups';

// Microsoft.Compute and Microsoft.ContainerInstance
export const VIRTUAL_MACHINE_TYPE = 'Microsoft.Compute/virtualMachines';
/**
 * Scale sets in Uniform orchestration keep their instances' network interfaces and public IPs
 * under the scale set (`…/virtualMachineScaleSets/web/virtualMachines/0/networkInterfaces/nic`),
 * out of the subscription-wide lists; they are read per scale set, as these types.
 */
export const SCALE_SET_TYPE = 'Microsoft.Compute/virtualMachineScaleSets';
export const CONTAINER_GROUP_TYPE = 'Microsoft.ContainerInstance/containerGroups';

// Microsoft.Sql
export const SQL_SERVER_TYPE = 'Microsoft.Sql/servers';
export const SQL_DATABASE_TYPE = 'Microsoft.Sql/servers/databases';
export const SQL_TDE_TYPE = 'Microsoft.Sql/servers/databases/transparentDataEncryption';
export const SQL_AUDITING_TYPE = 'Microsoft.Sql/servers/auditingSettings';
export const SQL_FIREWALL_RULE_TYPE = 'Microsoft.Sql/servers/firewallRules';
/** The server's Microsoft Entra admins: a collection, empty when the server has none. */
export const SQL_ADMINISTRATOR_TYPE = 'Microsoft.Sql/servers/administrators';
/** The server's one Entra-only authentication setting, named `Default`. */
export const SQL_ENTRA_ONLY_AUTH_TYPE = 'Microsoft.Sql/servers/azureADOnlyAuthentications';
/** The server's one Microsoft Defender for SQL (threat detection) policy, named `Default`. */
export const SQL_SECURITY_ALERT_POLICY_TYPE = 'Microsoft.Sql/servers/securityAlertPolicies';

// Microsoft.Storage
export const STORAGE_ACCOUNT_TYPE = 'Microsoft.Storage/storageAccounts';
export const BLOB_SERVICE_TYPE = 'Microsoft.Storage/storageAccounts/blobServices';
export const BLOB_CONTAINER_TYPE = 'Microsoft.Storage/storageAccounts/blobServices/containers';

/** The id of an account's one blob service, which holds its containers and its diagnostic settings. */
export function blobServiceId(account: { readonly id: string }): string {
  return `${account.id}/blobServices/default`;
}

/** FileStorage (premium file shares) accounts have no blob service at all: the collector reads none. */
export function hasBlobService(account: { readonly kind?: string | undefined }): boolean {
  return account.kind?.toLowerCase() !== 'filestorage';
}

// IoT, messaging and Key Vault
export const IOT_HUB_TYPE = 'Microsoft.Devices/IotHubs';
export const EVENT_HUB_NAMESPACE_TYPE = 'Microsoft.EventHub/namespaces';
/** The namespace's one network rule set, named `default`. */
export const EVENT_HUB_NETWORK_RULE_SET_TYPE = 'Microsoft.EventHub/namespaces/networkRuleSets';
/** Event Grid namespaces (API 2025-02-15), whose topic spaces are the MQTT broker. */
export const EVENT_GRID_NAMESPACE_TYPE = 'Microsoft.EventGrid/namespaces';
export const KEY_VAULT_TYPE = 'Microsoft.KeyVault/vaults';

// Monitoring and Defender for Cloud
export const DIAGNOSTIC_SETTING_TYPE = 'Microsoft.Insights/diagnosticSettings';
export const ACTIVITY_LOG_ALERT_TYPE = 'Microsoft.Insights/activityLogAlerts';
/** Defender for Cloud plans: subscription-level resources `/subscriptions/{id}/providers/Microsoft.Security/pricings/{plan}`. */
export const PRICING_TYPE = 'Microsoft.Security/pricings';

// Microsoft.Web: App Service and Functions (appservice)
/** Web apps and function apps (`kind` contains `functionapp`); list responses carry `siteConfig` mostly null. */
export const WEB_SITE_TYPE = 'Microsoft.Web/sites';
/** Deployment slots: evaluated like sites, with their own `config/web` and publishing policies. */
export const WEB_SLOT_TYPE = 'Microsoft.Web/sites/slots';
/** A site's configuration resources; azscan reads the one named `web` (`config/web`), which holds the site config. */
export const WEB_SITE_CONFIG_TYPE = 'Microsoft.Web/sites/config';
export const WEB_SLOT_CONFIG_TYPE = 'Microsoft.Web/sites/slots/config';
/** Basic-auth publishing credentials policies, `ftp` and `scm` (`properties.allow`). */
export const WEB_SITE_PUBLISHING_POLICY_TYPE = 'Microsoft.Web/sites/basicPublishingCredentialsPolicies';
export const WEB_SLOT_PUBLISHING_POLICY_TYPE = 'Microsoft.Web/sites/slots/basicPublishingCredentialsPolicies';
/**
 * App Service Authentication settings (`{siteId}/config/authsettingsV2`): not an ARM type but a
 * named read, `<child type>/<name>`. ARM types the resource `Microsoft.Web/sites/config`, as it
 * does `config/web`, and a collection plan keeps one reader per type, so this read has a name of
 * its own: its reader, the snapshot's `collected`, a failed read's `resourceType` and a rule's
 * `requires` all use it, while the resource keeps ARM's type. `Inventory.childrenOf(site, this)`
 * returns the `config` child named `authsettingsV2` (see `namedChildren` there).
 */
export const WEB_SITE_AUTH_SETTINGS_TYPE = 'Microsoft.Web/sites/config/authsettingsV2';
export const WEB_SLOT_AUTH_SETTINGS_TYPE = 'Microsoft.Web/sites/slots/config/authsettingsV2';

// Microsoft.ContainerService and Microsoft.ContainerRegistry (aks, containerregistry)
/** AKS clusters (API 2025-01-01): the API server's access profile, local accounts, RBAC, Entra, network policy, add-ons. */
export const AKS_CLUSTER_TYPE = 'Microsoft.ContainerService/managedClusters';
/** Container registries (API 2023-07-01): admin user, anonymous pull, public network access and network rules. */
export const CONTAINER_REGISTRY_TYPE = 'Microsoft.ContainerRegistry/registries';

// Microsoft.DocumentDB and Microsoft.Cache (cosmosdb, redis)
/** Cosmos DB accounts (API 2024-11-15); network rules, keys settings and private endpoint connections are in the account's own JSON. */
export const COSMOS_DB_ACCOUNT_TYPE = 'Microsoft.DocumentDB/databaseAccounts';
/** Azure Cache for Redis (API 2024-11-01); Redis Enterprise (`Microsoft.Cache/redisEnterprise`) is another type. */
export const REDIS_CACHE_TYPE = 'Microsoft.Cache/redis';
/** A cache's firewall rules: a collection, empty when the cache has none (every address is then allowed). */
export const REDIS_FIREWALL_RULE_TYPE = 'Microsoft.Cache/redis/firewallRules';

// Microsoft.DBforPostgreSQL and Microsoft.DBforMySQL flexible servers (postgresql, mysql)
export const POSTGRESQL_SERVER_TYPE = 'Microsoft.DBforPostgreSQL/flexibleServers';
export const POSTGRESQL_FIREWALL_RULE_TYPE = 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules';
/** The server parameters, one child per parameter, named after it (`require_secure_transport`). */
export const POSTGRESQL_CONFIGURATION_TYPE = 'Microsoft.DBforPostgreSQL/flexibleServers/configurations';
export const MYSQL_SERVER_TYPE = 'Microsoft.DBforMySQL/flexibleServers';
export const MYSQL_FIREWALL_RULE_TYPE = 'Microsoft.DBforMySQL/flexibleServers/firewallRules';
/** The server parameters, one child per parameter, named after it (`tls_version`). */
export const MYSQL_CONFIGURATION_TYPE = 'Microsoft.DBforMySQL/flexibleServers/configurations';
/** A SQL server's one TDE protector, named `current` (kept here, with this area's other types, for merges). */
export const SQL_ENCRYPTION_PROTECTOR_TYPE = 'Microsoft.Sql/servers/encryptionProtector';

// Microsoft.Compute virtual machines and disks, Microsoft.Network bastion hosts (compute)
/** Managed disks (API 2025-01-02): their encryption, network access and data access authentication. */
export const DISK_TYPE = 'Microsoft.Compute/disks';
/** Azure Bastion hosts (API 2024-05-01), listed per subscription: whether a subscription has one. */
export const BASTION_HOST_TYPE = 'Microsoft.Network/bastionHosts';

// Microsoft.Security settings, contacts and assessments; Microsoft.Authorization role definitions
/** Defender for Cloud auto provisioning: `/subscriptions/{id}/providers/Microsoft.Security/autoProvisioningSettings/default`. */
export const AUTO_PROVISIONING_SETTING_TYPE = 'Microsoft.Security/autoProvisioningSettings';
/** Defender for Cloud integrations (`MCAS`, `WDATP`, `Sentinel`): `/subscriptions/{id}/providers/Microsoft.Security/settings/{name}`. */
export const SECURITY_SETTING_TYPE = 'Microsoft.Security/settings';
/** The subscription's one security contact, named `default`. */
export const SECURITY_CONTACT_TYPE = 'Microsoft.Security/securityContacts';
/** Defender for Cloud recommendations' results, extension resources on each assessed resource. */
export const SECURITY_ASSESSMENT_TYPE = 'Microsoft.Security/assessments';
/**
 * The system-updates assessments of a subscription: a named read, like WEB_SITE_AUTH_SETTINGS_TYPE.
 * It lists every assessment in the subscription (`/subscriptions/{id}/providers/Microsoft.Security/assessments`,
 * one per recommendation per resource, often thousands) and keeps those whose name, the
 * assessment key, is in SYSTEM_UPDATES_ASSESSMENT_KEYS. What was kept is not every assessment,
 * so the snapshot's `collected`, a failed read's `resourceType` and a rule's `requires` name this
 * read, never SECURITY_ASSESSMENT_TYPE; each resource keeps ARM's type.
 */
export const SYSTEM_UPDATES_ASSESSMENT_READ = 'Microsoft.Security/assessments/systemUpdates';
/**
 * The assessment keys (the `name` of each `Microsoft.Security/assessments` resource) of Defender
 * for Cloud's system-updates recommendations, from the portal links in Microsoft's Defender for
 * Cloud docs (MicrosoftDocs/azure-docs, articles/defender-for-cloud/continuous-export.md and
 * enable-periodic-system-updates.md):
 * `4ab6e3c5-74dd-8b35-9ab9-f61b30875b27` "System updates should be installed on your machines"
 * (the Log Analytics agent's, being retired), and `e1145ab1-eb4f-43d8-911b-36ddf771d13f`
 * "System updates should be installed on your machines (powered by Azure Update Manager)".
 * Lower case, as ARM writes them.
 */
export const SYSTEM_UPDATES_ASSESSMENT_KEYS: readonly string[] = ['4ab6e3c5-74dd-8b35-9ab9-f61b30875b27', 'e1145ab1-eb4f-43d8-911b-36ddf771d13f'];
/** Custom role definitions assignable in the subscription. */
export const ROLE_DEFINITION_TYPE = 'Microsoft.Authorization/roleDefinitions';

// Key Vault keys and secrets, Network Watcher and flow logs, Log Analytics workspaces
/** A vault's keys and secrets as ARM's management plane lists them: metadata only, never key material or a secret's value. */
export const KEY_VAULT_KEY_TYPE = 'Microsoft.KeyVault/vaults/keys';
export const KEY_VAULT_SECRET_TYPE = 'Microsoft.KeyVault/vaults/secrets';
/** One Network Watcher per subscription and region; its flow logs (NSG and virtual network flow logs) are its children. */
export const NETWORK_WATCHER_TYPE = 'Microsoft.Network/networkWatchers';
export const FLOW_LOG_TYPE = 'Microsoft.Network/networkWatchers/flowLogs';
export const LOG_ANALYTICS_WORKSPACE_TYPE = 'Microsoft.OperationalInsights/workspaces';
/** Application Insights components. */
export const APPLICATION_INSIGHTS_TYPE = 'Microsoft.Insights/components';
