/**
 * The fake ARM server in a process of its own, for the live benchmarks: the server's CPU is not
 * counted as the client's, and the two do not share an event loop. Its latency is a timer per
 * response (see startFakeArm), never a busy wait. It builds the synthetic estate it serves
 * itself, so that a large tenant is not copied over IPC. Started by `startFakeArmProcess`.
 */
import { startFakeArm, type FakeArm } from '../test/fake-arm/server.js';
import type { FakeSubscription } from '../test/fake-arm/types.js';
import type { ServerReport, ToServer } from './fake-arm-host.js';
import { syntheticResources } from './synthetic-estate.js';

let arm: FakeArm | undefined;

process.on('message', (message: ToServer) => {
  void handle(message).catch((error: unknown) => {
    process.send?.({ kind: 'failed', message: String(error instanceof Error ? error.stack : error) });
    process.exit(1);
  });
});

async function handle(message: ToServer): Promise<void> {
  switch (message.kind) {
    case 'start': {
      const { estate, server, token } = message;
      const resources = syntheticResources(estate.subscriptions * estate.resourcesPerSubscription, estate.subscriptions);
      const ids = [...new Set(resources.map((resource) => String(resource.id).split('/')[2]!))].sort();
      const subscriptions: FakeSubscription[] = ids.map((subscriptionId, i) => ({ subscriptionId, displayName: `bench-${i}`, state: 'Enabled', tenantId: '00000000-0000-0000-0000-0000000000aa' }));
      arm = await startFakeArm({ ...server, tenant: { subscriptions, resources }, token });
      process.send?.({ kind: 'started', url: arm.url, caCertPath: arm.caCertPath, resources: resources.length });
      return;
    }
    case 'report': {
      const report: ServerReport = { requests: arm?.requests ?? [], tlsConnections: arm?.tlsConnections() ?? 0, cpu: process.cpuUsage() };
      process.send?.({ kind: 'report', report });
      return;
    }
    case 'close':
      await arm?.close();
      process.disconnect();
      return;
  }
}
