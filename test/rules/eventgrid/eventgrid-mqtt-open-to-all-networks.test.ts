import rule from '../../../rules/eventgrid/eventgrid-mqtt-open-to-all-networks.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: {
    'public-access-disabled': {},
    'disabled-case-differs': {},
    'ip-rules-restrict': {},
    'rule-without-action-allows-one-range': {},
  },
  fail: {
    'arm-example-namespace': {
      findings: [{ resource: '/namespaces/exampleNamespaceName1', message: /^Event Grid namespace 'exampleNamespaceName1' accepts MQTT connections from all networks: public network access Enabled, no inbound IP rule limits it\.$/, evidencePaths: ['properties.publicNetworkAccess', 'properties.inboundIpRules'] }],
    },
    'empty-ip-rules': { findings: [{ message: /no inbound IP rule limits it/ }] },
    'allow-all-rule': { findings: [{ message: /inbound IP rule 0\.0\.0\.0\/0 allows every address\.$/, evidencePaths: ['properties.inboundIpRules[1]'] }] },
  },
  notApplicable: {
    'broker-disabled': { reason: /MQTT broker is not enabled/ },
    'topic-spaces-absent': { reason: /MQTT broker is not enabled/ },
  },
  notEvaluated: {
    'ip-rule-malformed': { code: 'MalformedProperty', reason: /properties\.inboundIpRules\[0\]/ },
    'ip-rule-action-unknown': { code: 'MalformedProperty', reason: /"action":"Deny"/ },
    'broker-state-malformed': { code: 'MalformedProperty', reason: /topicSpacesConfiguration\.state/ },
    'namespaces-read-failed': { code: 'AuthorizationFailed' },
  },
});
