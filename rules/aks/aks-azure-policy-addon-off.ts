import { azurePolicyAddonEnabled } from '../../src/adapters/aks.js';
import { evidence } from '../../src/adapters/setting.js';
import { AKS_CLUSTER_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-AKS-006',
  name: 'aks-azure-policy-addon-off',
  title: 'AKS cluster without the Azure Policy add-on',
  severity: 'low',
  service: 'aks',
  resourceTypes: [AKS_CLUSTER_TYPE],
  requires: [],
  description:
    'The cluster\'s Azure Policy add-on is off: `addonProfiles.azurepolicy.enabled` is false, or the cluster has no `azurepolicy` add-on profile (the key is matched in any case, as ARM returns `azurepolicy` or `azurePolicy`). Without it, Azure Policy\'s Kubernetes definitions are neither audited nor enforced inside the cluster.',
  rationale:
    'The add-on runs Gatekeeper and applies Azure Policy\'s in-cluster definitions at admission: no privileged containers, no host networking, images only from approved registries, resource limits. Without it, such workloads are admitted and nothing reports them.',
  remediation: {
    text: 'Enable the Azure Policy add-on, then assign the Kubernetes policy initiatives (for example the pod security baseline) to the cluster\'s scope, in audit first.',
    az: 'az aks enable-addons --resource-group <resource-group> --name <cluster> --addons azure-policy',
  },
  references: ['https://learn.microsoft.com/azure/aks/use-azure-policy', 'https://learn.microsoft.com/azure/governance/policy/concepts/policy-for-kubernetes'],
  compliance: { 'cis-azure-3.0': [], mcsb: ['PV-2', 'AM-2'] },
  check(cluster, context) {
    const enabled = azurePolicyAddonEnabled(cluster);
    if (enabled.value) return;
    context.report({
      message: `AKS cluster '${cluster.name}' does not run the Azure Policy add-on: Kubernetes policies are neither audited nor enforced in it.`,
      evidence: [evidence(enabled, enabled.absent ? 'no azurepolicy add-on profile; the add-on is off' : undefined)],
    });
  },
});
