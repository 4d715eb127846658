import rule from '../../../rules/network/network-watcher-missing.js';
import { testRule } from '../rule-tester.js';

const WATCHERS = '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/NetworkWatcherRG/providers/Microsoft.Network/networkWatchers';

testRule(rule, {
  pass: { 'watcher-in-every-region': {}, 'location-spelled-differently': {}, 'state-absent': {} },
  fail: {
    'region-without-watcher': {
      findings: [
        {
          resource: `${WATCHERS}/NetworkWatcher_northeurope`,
          severity: 'low',
          message: /^Subscription 'contoso-fixture' has no Network Watcher in region 'northeurope', used by virtual networks 'vnet-dr', 'vnet-dr2'\.$/,
          evidencePaths: ['providers/Microsoft.Network/networkWatchers'],
        },
      ],
    },
    'no-watcher-at-all': { findings: [{ resource: `${WATCHERS}/NetworkWatcher_westeurope`, message: /no Network Watcher in region 'westeurope', used by virtual network 'vnet-app'\.$/ }] },
    'watcher-failed': { findings: [{ resource: `${WATCHERS}/NetworkWatcher_westeurope`, message: /^Network Watcher 'NetworkWatcher_westeurope' in region 'westeurope' .* is not provisioned: its state is 'Failed'\.$/, evidencePaths: ['properties.provisioningState'] }] },
    'malformed-network-beside-unwatched-region': {
      findings: [{ resource: `${WATCHERS}/NetworkWatcher_westeurope` }],
      unread: [{ code: 'MalformedProperty', reason: /^'vnet-bad': location is 7/ }],
    },
  },
  notApplicable: { 'no-virtual-network': { reason: /no virtual network/ } },
  notEvaluated: {
    'watchers-not-collected': { code: 'NotCollected' },
    'networks-read-forbidden': { code: 'AuthorizationFailed' },
    'watcher-location-malformed': { code: 'MalformedProperty', reason: /^'NetworkWatcher_westeurope': location is \["westeurope"\]/ },
  },
});
