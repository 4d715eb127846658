import rule from '../../../rules/eventgrid/eventgrid-mqtt-without-private-endpoint.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: {
    'approved-topicspace-connection': {},
    'approved-beside-pending-and-case-differs': {},
    'malformed-entry-beside-approved': {},
  },
  fail: {
    'arm-example-namespace': {
      findings: [{ resource: '/namespaces/exampleNamespaceName1', message: /^Event Grid namespace 'exampleNamespaceName1' has no approved private endpoint connection to its MQTT broker \(group topicspace\)\.$/, evidencePaths: ['properties.privateEndpointConnections'] }],
    },
    'empty-connections': { findings: [{ message: /\(group topicspace\)\.$/ }] },
    'only-http-topic-group': { findings: [{ message: /connections: 'pe-http\.5b2d' \(topic, Approved\)\.$/ }] },
    'topicspace-not-approved': { findings: [{ message: /'pe-mqtt\.0f3c' \(topicspace, Pending\), 'pe-mqtt-old\.9e1a' \(topicspace, Rejected\)\.$/ }] },
  },
  notApplicable: {
    'broker-disabled': { reason: /MQTT broker is not enabled/ },
  },
  notEvaluated: {
    'connections-not-an-array': { code: 'MalformedProperty', reason: /properties\.privateEndpointConnections is/ },
    'malformed-entry-without-approved': { code: 'MalformedProperty', reason: /privateEndpointConnections\[1\]/ },
    'namespaces-read-failed': { code: 'AuthorizationFailed' },
  },
});
