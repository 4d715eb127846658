import rule from '../../../rules/defender/agentless-kubernetes-discovery-off.js';
import { testRule } from '../rule-tester.js';

const PRICINGS = '/subscriptions/11111111-2222-3333-4444-555555555555/providers/Microsoft.Security/pricings';

testRule(rule, {
  pass: {
    'every-component-on': {},
    'is-enabled-other-spelling': {},

  },
  fail: {
    'component-disabled': { findings: [{ resource: `${PRICINGS}/Containers`, message: /extension 'AgentlessDiscoveryForKubernetes' has isEnabled 'False'\.$/, evidencePaths: ['properties.extensions[1].isEnabled'] }] },
    'component-not-listed': { findings: [{ resource: `${PRICINGS}/Containers`, message: /the plan lists no 'AgentlessDiscoveryForKubernetes' extension/, evidencePaths: ['properties.extensions'] }] },
    'extensions-absent': { findings: [{ resource: `${PRICINGS}/Containers`, message: /the plan lists no 'AgentlessDiscoveryForKubernetes' extension/ }] },
    'containers-plan-free': { findings: [{ resource: `${PRICINGS}/Containers`, message: /the Defender for Containers plan has tier 'Free', so none of its components run\.$/, evidencePaths: ['properties.pricingTier'] }] },
    'containers-pricing-missing': { findings: [{ resource: `${PRICINGS}/Containers`, message: /there is no 'Containers' pricing/, evidencePaths: ['properties.pricingTier'] }] },
    'arm-example-pricings': { findings: [{ resource: `${PRICINGS}/Containers`, message: /the plan lists no 'AgentlessDiscoveryForKubernetes' extension, so it is not shown to be on\.$/, evidencePaths: ['properties.extensions'] }] },
  },
  notEvaluated: {
    'is-enabled-malformed': { code: 'MalformedProperty', reason: /^properties\.extensions\[\d\]\.isEnabled is "Yes"/ },
    'extensions-not-an-array': { code: 'MalformedProperty', reason: /^properties\.extensions is/ },
    'pricings-not-collected': { code: 'NotCollected' },
    'pricings-read-failed': { code: 'AuthorizationFailed' },
  },
});
