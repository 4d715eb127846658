import { localAccountsDisabled } from '../../src/adapters/aks.js';
import { evidence } from '../../src/adapters/setting.js';
import { AKS_CLUSTER_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-AKS-002',
  name: 'aks-local-accounts-enabled',
  title: 'AKS cluster has local accounts enabled',
  severity: 'medium',
  service: 'aks',
  resourceTypes: [AKS_CLUSTER_TYPE],
  requires: [],
  description:
    'The cluster\'s `disableLocalAccounts` is false or not set (absent means false), so its local accounts work: `az aks get-credentials --admin` returns a kubeconfig with a static cluster-admin client certificate.',
  rationale:
    'The local admin credential is a client certificate with cluster-admin rights that bypasses Microsoft Entra ID: no conditional access, no MFA, no per-user audit, and it cannot be revoked short of rotating the cluster certificates. Anyone with the `listClusterAdminCredential` permission (Contributor on the cluster) can fetch it, and a copy keeps working wherever it leaks.',
  remediation: {
    text: 'Enable AKS-managed Microsoft Entra integration, give administrators Entra groups or Azure RBAC roles, then disable local accounts. Have a break-glass plan that does not rely on the admin certificate.',
    az: 'az aks update --resource-group <resource-group> --name <cluster> --disable-local-accounts',
  },
  references: ['https://learn.microsoft.com/azure/aks/manage-local-accounts-managed-azure-ad'],
  compliance: { 'cis-azure-3.0': [], mcsb: ['IM-1'] },
  check(cluster, context) {
    const disabled = localAccountsDisabled(cluster);
    if (disabled.value) return;
    context.report({
      message: `AKS cluster '${cluster.name}' has local accounts enabled: a static cluster-admin client certificate can be fetched.`,
      evidence: [evidence(disabled, disabled.absent ? 'not set; local accounts are enabled' : undefined)],
    });
  },
});
