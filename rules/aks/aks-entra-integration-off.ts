import { entraProfile } from '../../src/adapters/aks.js';
import { evidence } from '../../src/adapters/setting.js';
import { AKS_CLUSTER_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-AKS-004',
  name: 'aks-entra-integration-off',
  title: 'AKS cluster without Microsoft Entra ID integration',
  severity: 'medium',
  service: 'aks',
  resourceTypes: [AKS_CLUSTER_TYPE],
  requires: [],
  description:
    'The cluster has no `aadProfile`: users do not sign in to the API server with Microsoft Entra ID, so its only user credentials are the local accounts\' client certificates.',
  rationale:
    'Without Entra integration, who may use the cluster is decided by who can fetch a kubeconfig, whose client certificate cannot be tied to a person, protected by MFA or conditional access, or revoked on its own. Access cannot be granted to Entra groups, and leavers keep working credentials.',
  remediation: {
    text: 'Enable AKS-managed Microsoft Entra integration with an admin group (and optionally Azure RBAC for Kubernetes authorization), move users to it, then disable local accounts.',
    az: 'az aks update --resource-group <resource-group> --name <cluster> --enable-aad --aad-admin-group-object-ids <group-object-id>',
  },
  references: ['https://learn.microsoft.com/azure/aks/enable-authentication-microsoft-entra-id', 'https://learn.microsoft.com/azure/aks/concepts-identity'],
  compliance: { 'cis-azure-3.0': [], mcsb: ['IM-1'] },
  check(cluster, context) {
    const profile = entraProfile(cluster);
    if (profile.value) return;
    context.report({
      message: `AKS cluster '${cluster.name}' is not integrated with Microsoft Entra ID: users sign in with local accounts' client certificates only.`,
      evidence: [evidence(profile, 'not set; the cluster has no Microsoft Entra integration')],
    });
  },
});
