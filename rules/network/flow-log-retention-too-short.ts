import { flowLogEnabled, flowLogRetention, flowLogTarget, interfaceSubnets, nsgAttachments } from '../../src/adapters/network-watcher.js';
import { evidence } from '../../src/adapters/setting.js';
import { idKey, parseArmId } from '../../src/inventory/arm-id.js';
import { FLOW_LOG_TYPE, NETWORK_WATCHER_TYPE, NIC_TYPE, NSG_TYPE } from '../../src/inventory/arm-types.js';
import type { ArmResource } from '../../src/inventory/types.js';
import { NotEvaluated, readEach } from '../../src/model/not-evaluated.js';
import { defineRule, type RuleContext } from '../../src/model/rule.js';

interface RetentionOptions {
  /** The shortest flow log retention, in days, that passes. */
  readonly minimumDays: number;
}

/**
 * What a flow log must target to record the NSG's traffic: the NSG itself (an NSG flow log), or
 * a subnet it is attached to, that subnet's virtual network, a network interface it is attached
 * to, or that interface's subnet and virtual network (a virtual network flow log). The
 * interfaces are looked up among those read (not read for the subscription: not evaluated).
 */
function coveringTargets(nsg: ArmResource, context: RuleContext<RetentionOptions>, subnets: string[], nics: string[]): Set<string> {
  const subscription = parseArmId(nsg.id).subscriptionId ?? '';
  const interfaces = nics.length === 0 ? [] : context.resourcesIn(subscription, NIC_TYPE);
  const targets = new Set<string>([idKey(nsg.id)]);
  const addSubnet = (subnet: string): void => {
    targets.add(idKey(subnet));
    const network = parseArmId(subnet).parentId;
    if (network) targets.add(idKey(network));
  };
  for (const subnet of subnets) addSubnet(subnet);
  for (const nicId of nics) {
    targets.add(idKey(nicId));
    const nic = interfaces.find((candidate) => idKey(candidate.id) === idKey(nicId));
    // An interface not read is one whose virtual network flow log cannot be found: the NSG flow log or the interface's own still count.
    if (nic) for (const subnet of interfaceSubnets(nic)) addSubnet(subnet);
  }
  return targets;
}

export default defineRule<RetentionOptions>({
  id: 'AZ-NET-002',
  name: 'flow-log-retention-too-short',
  title: 'NSG traffic not flow-logged for 90 days',
  severity: 'low',
  service: 'network',
  resourceTypes: [NSG_TYPE],
  requires: [NETWORK_WATCHER_TYPE, FLOW_LOG_TYPE, NIC_TYPE],
  description:
    'No enabled flow log that records the NSG\'s traffic keeps it for at least 90 days (the `minimumDays` option). A flow log records it when it targets the NSG (an NSG flow log) or, as a virtual network flow log, a subnet or network interface the NSG is attached to, or their virtual network. Retention off, or 0 days, keeps records for ever and passes. NSGs attached to nothing are not applicable.',
  rationale:
    'Flow logs are the record of which addresses talked to which workloads on which ports: the evidence of a scan, a lateral move or an exfiltration. Kept for a few days, they are gone by the time an intrusion found weeks later is investigated.',
  remediation: {
    text: 'Enable a virtual network flow log on the NSG\'s virtual network (NSG flow logs are being retired) with a retention of at least 90 days, or 0 to keep records until a storage lifecycle policy removes them, and send it to traffic analytics.',
    az: 'az network watcher flow-log create --location <region> --resource-group <resource-group> --name <flow-log> --vnet <vnet-id> --storage-account <storage-account-id> --retention 90',
  },
  references: ['https://learn.microsoft.com/azure/network-watcher/vnet-flow-logs-overview', 'https://learn.microsoft.com/azure/network-watcher/nsg-flow-logs-overview'],
  compliance: { 'cis-azure-3.0': ['7.5'], mcsb: ['LT-4', 'LT-6'] },
  options: {
    schema: (z) => z.strictObject({ minimumDays: z.number().int().min(1).max(365).default(90) }),
    defaults: { minimumDays: 90 },
    describe: ['minimumDays: the shortest flow log retention, in days, that passes (default 90; 0 days, for ever, always passes)'],
  },
  check(nsg, context) {
    const { subnets, networkInterfaces } = nsgAttachments(nsg);
    if (subnets.length === 0 && networkInterfaces.length === 0) {
      context.notApplicable('the NSG is attached to no subnet or network interface: no traffic passes through it');
      return;
    }
    const targets = coveringTargets(nsg, context, subnets, networkInterfaces);
    const subscription = parseArmId(nsg.id).subscriptionId ?? '';
    const flowLogs = context.resourcesIn(subscription, NETWORK_WATCHER_TYPE).flatMap((watcher) => context.childrenOf(watcher, FLOW_LOG_TYPE));
    // A flow log whose target is readable and another resource does not matter, however malformed the rest of it.
    const relevant = flowLogs.filter((flowLog) => {
      try {
        return targets.has(idKey(flowLogTarget(flowLog).value));
      } catch (error) {
        if (error instanceof NotEvaluated) return true;
        throw error;
      }
    });
    const read = readEach(relevant, (flowLog) => ({ target: flowLogTarget(flowLog), enabled: flowLogEnabled(flowLog), retention: flowLogRetention(flowLog) }), context);
    const covering = read;
    const minimum = context.options.minimumDays;
    if (covering.some(({ value }) => value.enabled.value && (value.retention.days === undefined || value.retention.days >= minimum))) return;
    // A flow log that cannot be read might have been the one that covers the NSG: the unread parts stand.
    if (read.length < relevant.length) return;
    if (covering.length === 0) {
      context.report({
        message: `NSG '${nsg.name}' has no flow log: no NSG flow log targets it, and no virtual network flow log targets its subnets, interfaces or their virtual networks.`,
        evidence: [{ resourceId: nsg.id, path: 'providers/Microsoft.Network/networkWatchers/flowLogs', absent: true, note: `flow logs were read from every Network Watcher of the subscription; none targets the NSG or ${targets.size - 1} resource${targets.size === 2 ? '' : 's'} it covers` }],
      });
      return;
    }
    context.report({
      message:
        `NSG '${nsg.name}' has no enabled flow log kept for ${minimum} days or more: ` +
        covering.map(({ child, value }) => (value.enabled.value ? `'${child.name}' keeps ${value.retention.days} day${value.retention.days === 1 ? '' : 's'}` : `'${child.name}' is disabled`)).join('; ') +
        '.',
      evidence: covering.flatMap(({ value }) =>
        value.enabled.value ? [evidence(value.retention.enabled), evidence(value.retention.retentionDays), evidence(value.target)] : [evidence(value.enabled, 'not set; the flow log is not shown to record'), evidence(value.target)],
      ),
    });
  },
});
