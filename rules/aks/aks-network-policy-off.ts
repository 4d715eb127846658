import { networkDataplane, networkPolicy } from '../../src/adapters/aks.js';
import { evidence, sameText } from '../../src/adapters/setting.js';
import { AKS_CLUSTER_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-AKS-005',
  name: 'aks-network-policy-off',
  title: 'AKS cluster enforces no Kubernetes network policy',
  severity: 'medium',
  service: 'aks',
  resourceTypes: [AKS_CLUSTER_TYPE],
  requires: [],
  description:
    'The cluster has no network policy engine: `networkProfile.networkPolicy` is `none` or absent (absent means none), and its dataplane is not Azure CNI Powered by Cilium (`networkProfile.networkDataplane` `cilium`), which enforces network policies itself. Kubernetes NetworkPolicy objects are then accepted but not enforced.',
  rationale:
    'Without a network policy engine every pod can reach every other pod and service in the cluster. A compromised front-end pod can reach databases, internal APIs and the pods of other teams directly; NetworkPolicies written to stop that are silently ignored.',
  remediation: {
    text: 'Enable a network policy engine: Azure CNI Powered by Cilium (recommended), or Calico. Then write NetworkPolicies that deny by default and allow the flows each workload needs.',
    az: 'az aks update --resource-group <resource-group> --name <cluster> --network-dataplane cilium --network-policy cilium',
  },
  references: ['https://learn.microsoft.com/azure/aks/use-network-policies', 'https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium'],
  compliance: { 'cis-azure-3.0': [], mcsb: ['NS-1'] },
  check(cluster, context) {
    const policy = networkPolicy(cluster);
    if (!sameText(policy.value, 'none')) return;
    const dataplane = networkDataplane(cluster);
    // Cilium enforces network policies with no separate engine (Learn, Azure CNI Powered by
    // Cilium); such clusters report networkPolicy cilium, and only an explicit none turns it off.
    if (sameText(dataplane.value, 'cilium') && policy.absent) return;
    context.report({
      message: `AKS cluster '${cluster.name}' enforces no network policy: network policy ${policy.absent ? 'not set, which means none' : policy.value}, dataplane ${dataplane.value}${dataplane.absent ? ' (not set)' : ''}.`,
      evidence: [evidence(policy, policy.absent ? 'not set; no network policy engine' : undefined), evidence(dataplane, dataplane.absent ? 'not set; the Azure dataplane, which enforces no policy itself' : undefined)],
    });
  },
});
