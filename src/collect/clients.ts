import type { TokenCredential } from '@azure/core-auth';
import type { HttpClient, Pipeline, PipelinePolicy } from '@azure/core-rest-pipeline';
import type { ArmTarget } from '../auth/clouds.js';
import { TOOL } from '../inventory/package.js';

/**
 * The Resource Graph api-version azscan queries at. The SDK's default (2021-06-01-preview) is a
 * preview; 2021-03-01 and 2022-10-01 are GA and take the same query (`subscriptions`, `$top`,
 * `$skipToken`, `resultFormat: objectArray`) and answer alike. 2022-10-01 is the newer GA, and
 * the one Microsoft's `ResourcesBasicQuery` example is written against.
 */
export const RESOURCE_GRAPH_API_VERSION = '2022-10-01';

/**
 * The ARM SDK clients a scan uses, created on first use: a package is loaded only when a
 * selected rule needs its service, so `--rule AZ-SQL-001` never loads arm-network.
 *
 * Every client gets the same options: the scan's endpoint and token scope, the SDK's own
 * retries off (azscan's read policy retries, paces and counts), azscan in the user agent, and
 * one HTTP client for the whole scan (see sharedHttpClient).
 *
 * Clients stay one per service and subscription: the SDKs take the subscription id in their
 * constructor and fill it into every operation's URL, so one client cannot serve two
 * subscriptions. What made that costly — a connection pool each — is shared.
 */
export class ArmClients {
  private readonly cache = new Map<string, Promise<unknown>>();

  constructor(
    private readonly credential: TokenCredential,
    private readonly target: ArmTarget,
    private readonly policy: PipelinePolicy,
    private readonly httpClient: HttpClient = sharedHttpClient(),
  ) {}

  private options() {
    return {
      endpoint: this.target.endpoint,
      credentialScopes: [this.target.scope],
      retryOptions: { maxRetries: 0 },
      // A redirect is refused by azscan's policy, never followed (see armReadPolicy).
      redirectOptions: { maxRetries: 0 },
      additionalPolicies: [{ policy: this.policy, position: 'perCall' as const }],
      userAgentOptions: { userAgentPrefix: `${TOOL.name}/${TOOL.version}` },
      httpClient: this.httpClient,
    };
  }

  private client<T>(key: string, create: () => Promise<T>): Promise<T> {
    let client = this.cache.get(key) as Promise<T> | undefined;
    if (!client) {
      client = create().then(withoutTracing);
      this.cache.set(key, client);
    }
    return client;
  }

  subscriptions() {
    return this.client('subscriptions', async () => {
      const { SubscriptionClient } = await import('@azure/arm-resources-subscriptions');
      return new SubscriptionClient(this.credential, this.options());
    });
  }

  /**
   * Management groups, for `--management-group`: their descendants, read by GET. The SDK puts
   * `$host` rather than `endpoint` in its URLs, so both are set to the scan's endpoint.
   */
  managementGroups() {
    return this.client('managementgroups', async () => {
      const { ManagementGroupsAPI } = await import('@azure/arm-managementgroups');
      return new ManagementGroupsAPI(this.credential, { ...this.options(), $host: this.target.endpoint });
    });
  }

  network(subscriptionId: string) {
    return this.client(`network/${subscriptionId}`, async () => {
      const { NetworkManagementClient } = await import('@azure/arm-network');
      return new NetworkManagementClient(this.credential, subscriptionId, this.options());
    });
  }

  sql(subscriptionId: string) {
    return this.client(`sql/${subscriptionId}`, async () => {
      const { SqlManagementClient } = await import('@azure/arm-sql');
      return new SqlManagementClient(this.credential, subscriptionId, this.options());
    });
  }

  storage(subscriptionId: string) {
    return this.client(`storage/${subscriptionId}`, async () => {
      const { StorageManagementClient } = await import('@azure/arm-storage');
      return new StorageManagementClient(this.credential, subscriptionId, this.options());
    });
  }

  iotHub(subscriptionId: string) {
    return this.client(`iothub/${subscriptionId}`, async () => {
      const { IotHubClient } = await import('@azure/arm-iothub');
      return new IotHubClient(this.credential, subscriptionId, this.options());
    });
  }

  keyVault(subscriptionId: string) {
    return this.client(`keyvault/${subscriptionId}`, async () => {
      const { KeyVaultManagementClient } = await import('@azure/arm-keyvault');
      return new KeyVaultManagementClient(this.credential, subscriptionId, this.options());
    });
  }

  eventHub(subscriptionId: string) {
    return this.client(`eventhub/${subscriptionId}`, async () => {
      const { EventHubManagementClient } = await import('@azure/arm-eventhub');
      return new EventHubManagementClient(this.credential, subscriptionId, this.options());
    });
  }

  compute(subscriptionId: string) {
    return this.client(`compute/${subscriptionId}`, async () => {
      const { ComputeManagementClient } = await import('@azure/arm-compute');
      return new ComputeManagementClient(this.credential, subscriptionId, this.options());
    });
  }

  containerInstance(subscriptionId: string) {
    return this.client(`containerinstance/${subscriptionId}`, async () => {
      const { ContainerInstanceManagementClient } = await import('@azure/arm-containerinstance');
      return new ContainerInstanceManagementClient(this.credential, subscriptionId, this.options());
    });
  }

  /**
   * The Event Grid client. Its newest release that runs on Node 20 predates Event Grid
   * namespaces, so namespace reads go through its pipeline with `readArmPath` (still GET only,
   * still through azscan's policy).
   */
  eventGrid(subscriptionId: string) {
    return this.client(`eventgrid/${subscriptionId}`, async () => {
      const { EventGridManagementClient } = await import('@azure/arm-eventgrid');
      return new EventGridManagementClient(this.credential, subscriptionId, this.options());
    });
  }

  /**
   * A pipeline for reads made by path (`readArmPath`, `readArmPathOne`), for the types azscan
   * reads without an SDK operation: App Service, AKS, Cosmos DB, the flexible servers, Redis,
   * Container Registry and the rest. It is the subscription client's, which every scan loads
   * anyway: the same credential, endpoint and read policy as every other read, GET only.
   */
  armPipeline() {
    return this.subscriptions();
  }

  /** ARM's base URL, for reads made by path. */
  get endpoint(): string {
    return this.target.endpoint;
  }

  /**
   * Resource Graph, for the inventory of large estates (src/collect/resource-graph/). Its query
   * is a POST, the one non-GET the read policy lets through; it goes through the same policy,
   * scheduler, retries and origin check as every read.
   */
  resourceGraph() {
    return this.client('resourcegraph', async () => {
      const { ResourceGraphClient } = await import('@azure/arm-resourcegraph');
      return new ResourceGraphClient(this.credential, { ...this.options(), apiVersion: RESOURCE_GRAPH_API_VERSION });
    });
  }

  monitor(subscriptionId: string) {
    return this.client(`monitor/${subscriptionId}`, async () => {
      const { MonitorClient } = await import('@azure/arm-monitor');
      return new MonitorClient(this.credential, subscriptionId, this.options());
    });
  }
}

/**
 * One HttpClient for every SDK client of a scan, so that keep-alive connections are pooled per
 * host rather than per client. The SDKs would share core-client's cached client anyway, but the
 * older ones load core-client's CommonJS build, which caches its own: two pools, twice the TLS
 * handshakes. core-rest-pipeline is loaded on the first request, not when the CLI starts.
 */
function sharedHttpClient(): HttpClient {
  let client: Promise<HttpClient> | undefined;
  return {
    async sendRequest(request) {
      client ??= import('@azure/core-rest-pipeline').then((pipeline) => pipeline.createDefaultHttpClient());
      return (await client).sendRequest(request);
    },
  };
}

/**
 * core-rest-pipeline's tracing policy starts a span, or asks whether one is recording, on every
 * request. azscan has no tracing option and configures no tracer (no OpenTelemetry instrumenter
 * is registered), so the policy is taken out of every client's pipeline.
 */
function withoutTracing<T>(client: T): T {
  (client as { pipeline?: Pipeline }).pipeline?.removePolicy({ name: 'tracingPolicy' });
  return client;
}
