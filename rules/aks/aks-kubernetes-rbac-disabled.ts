import { kubernetesRbacEnabled } from '../../src/adapters/aks.js';
import { evidence } from '../../src/adapters/setting.js';
import { AKS_CLUSTER_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-AKS-003',
  name: 'aks-kubernetes-rbac-disabled',
  title: 'AKS cluster has Kubernetes RBAC disabled',
  severity: 'high',
  service: 'aks',
  resourceTypes: [AKS_CLUSTER_TYPE],
  requires: [],
  description:
    'The cluster\'s `enableRBAC` is false, so Kubernetes role-based access control is off and every authenticated caller of the API server may do anything. Absent is read as true: AKS creates clusters with Kubernetes RBAC on unless it is turned off at creation.',
  rationale:
    'Without Kubernetes RBAC, Roles and RoleBindings are not enforced: any user, and any pod\'s service account token, can read every Secret, exec into any pod and change any workload. One compromised pod becomes the whole cluster.',
  remediation: {
    text: 'Kubernetes RBAC cannot be enabled on an existing cluster: create a new cluster with RBAC (the default) and Microsoft Entra integration, move the workloads, and delete the old one.',
    az: 'az aks create --resource-group <resource-group> --name <new-cluster> --enable-aad --enable-azure-rbac',
  },
  references: ['https://learn.microsoft.com/azure/aks/concepts-identity', 'https://learn.microsoft.com/azure/aks/azure-ad-rbac'],
  compliance: { 'cis-azure-3.0': [], mcsb: ['PA-7'] },
  check(cluster, context) {
    const rbac = kubernetesRbacEnabled(cluster);
    if (rbac.value) return;
    context.report({
      message: `AKS cluster '${cluster.name}' has Kubernetes RBAC disabled: every authenticated caller has full access to the cluster.`,
      evidence: [evidence(rbac)],
    });
  },
});
