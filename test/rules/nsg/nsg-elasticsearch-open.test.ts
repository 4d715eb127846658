import rule from '../../../rules/nsg/nsg-elasticsearch-open.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: {
    'elasticsearch-from-vnet-only': {},
    'elasticsearch-denied-first': {},
  },
  fail: {
    'elasticsearch-plural-ports': {
      findings: [{ resource: '/securityRules/allow-es', severity: 'critical', message: /TCP 9200 \(Elasticsearch HTTP\), 9300 \(Elasticsearch transport\)\.$/ }],
    },
    'reachable-through-subnet-nsg': { findings: [{ severity: 'critical', message: /Reachable from the internet: 20\.1\.1\.2 \(vm-search-pip\) → vm-search-nic \(10\.9\.2\.4\) → nsg-search-subnet allowed by allow-es/ }] },
    'kibana-in-range': { findings: [{ message: /TCP 5601 \(Kibana\)\.$/ }] },
    'kibana-blocked-elasticsearch-open': {
      findings: [{ message: /9200 \(Elasticsearch HTTP\), 9300 \(Elasticsearch transport\); 5601 blocked by 'deny-kibana' \(priority 150\)\.$/ }],
    },
  },
  notEvaluated: {
    'source-prefixes-not-an-array': { code: 'MalformedProperty', reason: /sourceAddressPrefixes/ },
  },
});
