import { PRICING_TYPE, SUBSCRIPTION_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';
import { reportContainersComponentOff } from './containers-component.js';

export default defineRule({
  id: 'AZ-DEF-002',
  name: 'agentless-kubernetes-discovery-off',
  title: 'Defender agentless discovery for Kubernetes off',
  severity: 'low',
  service: 'defender',
  resourceTypes: [SUBSCRIPTION_TYPE],
  requires: [PRICING_TYPE],
  description:
    'The subscription\'s Defender for Containers plan (`Containers` pricing) is off, or on without its agentless discovery for Kubernetes component: the `AgentlessDiscoveryForKubernetes` extension is not listed with `isEnabled` True.',
  rationale:
    'Agentless discovery reads the Kubernetes API of every AKS cluster without installing anything in it: which workloads run, with which images, identities and exposure. Without it, Defender for Cloud\'s attack paths and security explorer cannot see inside the clusters, and a cluster nobody onboarded stays invisible.',
  remediation: {
    text: 'In Defender for Cloud\'s environment settings, open the Containers plan\'s settings and turn on Agentless discovery for Kubernetes, or update the Containers pricing with the extension enabled.',
    az: 'az rest --method put --url "https://management.azure.com/subscriptions/<subscription-id>/providers/Microsoft.Security/pricings/Containers?api-version=2024-01-01" --body "{\\"properties\\":{\\"pricingTier\\":\\"Standard\\",\\"extensions\\":[{\\"name\\":\\"AgentlessDiscoveryForKubernetes\\",\\"isEnabled\\":\\"True\\"}]}}"',
  },
  references: [
    'https://learn.microsoft.com/azure/defender-for-cloud/defender-for-containers-introduction',
    'https://learn.microsoft.com/azure/defender-for-cloud/defender-for-containers-enable',
  ],
  compliance: { 'cis-azure-3.0': ['3.1.4.2'], mcsb: ['AM-1', 'LT-1'] },
  check(subscription, context) {
    reportContainersComponentOff(subscription, context, { extension: 'AgentlessDiscoveryForKubernetes', label: 'Agentless discovery for Kubernetes' });
  },
});
