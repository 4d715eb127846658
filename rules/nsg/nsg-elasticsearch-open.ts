import { NSG_RULE_FIX, tcpPortExposureRule, type PortRuleOptions } from './port-exposure.js';
import { defineRule } from '../../src/model/rule.js';
import { SENSITIVE_PORTS } from '../../src/model/sensitive-ports.js';

export default defineRule<PortRuleOptions>({
  ...tcpPortExposureRule(SENSITIVE_PORTS.elasticsearch),
  id: 'AZ-NSG-002',
  name: 'nsg-elasticsearch-open',
  title: 'Elasticsearch or Kibana open to the internet',
  severity: 'critical',
  service: 'nsg',
  description:
    'An inbound security rule admits the internet to Elasticsearch (9200 HTTP, 9300 transport) or Kibana (5601) over TCP, and no higher-priority Deny blocks those ports.',
  rationale:
    'Elasticsearch has no authentication unless its security features are configured, so an open 9200 hands every index to anyone with a browser. A change to one network security group exposed five Elasticsearch servers holding 250 million customer-support records this way.',
  remediation: {
    text: 'Remove the rule or restrict its source to the application\'s own subnets; put the cluster behind a private endpoint or an internal load balancer, and enable Elasticsearch security (authentication and TLS).',
    az: NSG_RULE_FIX,
  },
  references: [
    'https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview',
    'https://www.elastic.co/guide/en/elasticsearch/reference/current/secure-cluster.html',
  ],
  compliance: { 'cis-azure-3.0': [], mcsb: ['NS-1'] },
});
