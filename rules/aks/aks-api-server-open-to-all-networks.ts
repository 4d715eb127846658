import { apiServerReach } from '../../src/adapters/aks.js';
import { evidence } from '../../src/adapters/setting.js';
import { AKS_CLUSTER_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-AKS-001',
  name: 'aks-api-server-open-to-all-networks',
  title: 'AKS API server public with no authorized IP ranges',
  severity: 'high',
  service: 'aks',
  resourceTypes: [AKS_CLUSTER_TYPE],
  requires: [],
  description:
    'The cluster is not private (`apiServerAccessProfile.enablePrivateCluster` is not true; absent means a public API server) and its API server admits every address: `apiServerAccessProfile.authorizedIPRanges` is absent or empty, or one of its ranges is a `/0`.',
  rationale:
    'The Kubernetes API server is the control plane of everything the cluster runs. Open to the whole internet, it can be probed, brute-forced and attacked through any authentication or API server vulnerability from anywhere, and a leaked kubeconfig, client certificate or token works from any address.',
  remediation: {
    text: 'Limit the API server to the address ranges administrators and CI/CD agents use, or make the cluster private (or use API server VNet integration) and reach it from a virtual network.',
    az: 'az aks update --resource-group <resource-group> --name <cluster> --api-server-authorized-ip-ranges <cidr>[,<cidr>...]',
  },
  references: ['https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges', 'https://learn.microsoft.com/azure/aks/private-clusters'],
  compliance: { 'cis-azure-3.0': [], mcsb: ['NS-2'] },
  check(cluster, context) {
    const reach = apiServerReach(cluster);
    if (reach.kind !== 'everyone') return;
    const isPrivate = reach.privateCluster;
    const publicNote = isPrivate.absent ? 'not set; the cluster is public' : undefined;
    if (reach.wideRange) {
      context.report({
        message: `AKS cluster '${cluster.name}' has a public API server whose authorized IP range ${reach.wideRange.range} admits every address.`,
        evidence: [evidence(isPrivate, publicNote), { resourceId: cluster.id, path: reach.wideRange.path, value: reach.wideRange.range, note: 'a /0 range admits every address' }],
      });
      return;
    }
    context.report({
      message: `AKS cluster '${cluster.name}' has a public API server with no authorized IP ranges: every address can reach it.`,
      evidence: [evidence(isPrivate, publicNote), evidence(reach.authorizedRanges, reach.authorizedRanges.absent ? 'not set; every address is allowed' : 'empty; every address is allowed')],
    });
  },
});
