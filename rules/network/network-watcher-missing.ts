import { regionOf, watcherProvisioningState } from '../../src/adapters/network-watcher.js';
import { evidence } from '../../src/adapters/setting.js';
import { NETWORK_WATCHER_TYPE, SUBSCRIPTION_TYPE, VIRTUAL_NETWORK_TYPE } from '../../src/inventory/arm-types.js';
import { readEach } from '../../src/model/not-evaluated.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-NET-003',
  name: 'network-watcher-missing',
  title: 'Network Watcher not enabled in a region in use',
  severity: 'low',
  service: 'network',
  resourceTypes: [SUBSCRIPTION_TYPE],
  requires: [NETWORK_WATCHER_TYPE, VIRTUAL_NETWORK_TYPE],
  description:
    'A region in use by the subscription has no Network Watcher in it whose provisioning succeeded. The regions in use are the locations of the subscription\'s virtual networks: every workload with network traffic to watch sits in one. One finding per region; a subscription without virtual networks is not applicable.',
  rationale:
    'Network Watcher is what records flow logs, captures packets and checks which NSG rule decides a connection. In a region without it, there are no flow logs to investigate an intrusion with, and no way to start them quickly when one is suspected.',
  remediation: {
    text: 'Enable Network Watcher in each region where the subscription has virtual networks (Azure enables it automatically unless the subscription opted out), then create virtual network flow logs.',
    az: 'az network watcher configure --resource-group NetworkWatcherRG --locations <region> --enabled true',
  },
  references: ['https://learn.microsoft.com/azure/network-watcher/network-watcher-overview', 'https://learn.microsoft.com/azure/network-watcher/network-watcher-create'],
  compliance: { 'cis-azure-3.0': ['7.6'], mcsb: ['LT-4'] },
  check(subscription, context) {
    const networks = context.resourcesIn(subscription, VIRTUAL_NETWORK_TYPE);
    const watchers = context.resourcesIn(subscription, NETWORK_WATCHER_TYPE);
    if (networks.length === 0) {
      context.notApplicable('the subscription has no virtual network, so no region in use');
      return;
    }
    const inUse = new Map<string, string[]>();
    for (const { child, value } of readEach(networks, regionOf, context)) inUse.set(value.value, [...(inUse.get(value.value) ?? []), child.name]);
    const watched = new Map<string, { watcher: (typeof watchers)[number]; state: ReturnType<typeof watcherProvisioningState> }>();
    const readWatchers = readEach(watchers, (watcher) => ({ region: regionOf(watcher).value, state: watcherProvisioningState(watcher) }), context);
    // A watcher that cannot be read might be the one in a region that looks unwatched: no such region is reported.
    const someWatcherUnread = readWatchers.length < watchers.length;
    for (const { child, value } of readWatchers) {
      const current = watched.get(value.region);
      if (!current || value.state.value.toLowerCase() === 'succeeded') watched.set(value.region, { watcher: child, state: value.state });
    }
    for (const [region, names] of [...inUse].sort(([a], [b]) => a.localeCompare(b))) {
      const found = watched.get(region);
      if (found && found.state.value.toLowerCase() === 'succeeded') continue;
      if (!found && someWatcherUnread) continue;
      const id = `${subscription.id}/resourceGroups/NetworkWatcherRG/providers/${NETWORK_WATCHER_TYPE}/NetworkWatcher_${region}`;
      const used = `used by virtual network${names.length > 1 ? 's' : ''} ${names.map((name) => `'${name}'`).join(', ')}`;
      context.report({
        resource: found ? { id: found.watcher.id, type: found.watcher.type, name: found.watcher.name } : { id, type: NETWORK_WATCHER_TYPE, name: `NetworkWatcher_${region}` },
        message: found
          ? `Network Watcher '${found.watcher.name}' in region '${region}' of subscription '${subscription.name}' (${used}) is not provisioned: its state is '${found.state.value}'.`
          : `Subscription '${subscription.name}' has no Network Watcher in region '${region}', ${used}.`,
        evidence: found
          ? [evidence(found.state)]
          : [{ resourceId: subscription.id, path: 'providers/Microsoft.Network/networkWatchers', absent: true, note: `Network Watchers were read for the subscription and none is in '${region}'` }],
      });
    }
  },
});
