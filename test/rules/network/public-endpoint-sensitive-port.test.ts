import rule from '../../../rules/network/public-endpoint-sensitive-port.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: {
    'standard-ip-without-nsg-and-unattached-ip': {},
    'sql-blocked-by-subnet-nsg': {},
  },
  fail: {
    'ssh-through-nic-nsg': {
      findings: [
        {
          resource: '/publicIPAddresses/vm-jump-pip',
          severity: 'high',
          message: /^Public IP 'vm-jump-pip' \(20\.1\.1\.1\) admits the internet to TCP 22 \(SSH\) on vm-jump\. Way in: 20\.1\.1\.1 \(vm-jump-pip\) → vm-jump-nic \(10\.9\.1\.4\) → nsg-jump allowed by allow-ssh/,
          evidencePaths: ['properties.ipAddress', 'properties.securityRules[0].properties.sourceAddressPrefix'],
        },
      ],
    },
    'elasticsearch-through-subnet-nsg': { findings: [{ severity: 'critical', message: /TCP 9200 \(Elasticsearch HTTP\), 9300 \(Elasticsearch transport\) on vm-search/ }] },
    'load-balancer-nat-to-ssh': {
      findings: [
        {
          resource: '/publicIPAddresses/lbe-ingest-pip',
          severity: 'high',
          message: /TCP 50022 → 22 \(SSH\) on broker1; 8883 \(MQTT over TLS\) on broker1; 8883 \(MQTT over TLS\) on broker2\. Way in: 20\.1\.1\.4 \(lbe-ingest-pip\) → load balancer lbe-ingest TCP 50022 → 22 \(NAT rule nat-ssh-broker1\)/,
          // The forwarding rules themselves are evidence, beside the NSG rules.
          evidencePaths: ['properties.inboundNatRules[0]', 'properties.loadBalancingRules[0]', 'properties.securityRules[1].properties.sourceAddressPrefix'],
        },
      ],
    },
    'load-balancer-mqtt-over-tls-only': { findings: [{ severity: 'low', message: /8883 \(MQTT over TLS\) on broker1/ }] },
    'container-group-elasticsearch': {
      findings: [{ resource: '/containerGroups/aci-es-debug', severity: 'critical', message: /^Container group 'aci-es-debug' \(20\.1\.1\.5\) admits the internet to TCP 9200 \(Elasticsearch HTTP\) on aci-es-debug\. Way in: aci-es-debug \(20\.1\.1\.5, no NSG\)\.$/ }],
    },
    'ssh-to-the-one-destination': { findings: [{ message: /TCP 22 \(SSH\) on vm-jump2\./ }] },
    'basic-ip-without-nsg': { findings: [{ severity: 'critical', message: /Basic SKU: open without one/ }] },
    // Kibana behind a gateway's HTTPS listener: the gateway subnet's NSG admits 443, the
    // backend's own NSG (which denies the internet) does not apply to the gateway's traffic.
    'application-gateway-to-kibana': {
      findings: [
        {
          resource: '/publicIPAddresses/pip-agw',
          severity: 'critical',
          evidencePaths: ['properties.httpListeners[0]', 'properties.requestRoutingRules[0]'],
          message: /^Public IP 'pip-agw' \(20\.1\.3\.1\) admits the internet to TCP 443 → 5601 \(Kibana\) on vm-kibana\. Way in: 20\.1\.3\.1 \(pip-agw\) → nsg-agw allowed by allow-https \(priority 100\) → application gateway agw-web HTTPS 443 → HTTP 5601 \(listener l-https, rule rule-https\) → vm-kibana-nic \(10\.30\.2\.4\) → VM vm-kibana\.$/,
        },
      ],
    },
    'firewall-dnat-to-elasticsearch-and-rdp': {
      findings: [
        { resource: '/publicIPAddresses/pip-fw', severity: 'critical', evidencePaths: ['properties.ruleCollections[0].rules[0]', 'properties.ruleCollections[0].rules[1]'], message: /^Public IP 'pip-fw' \(20\.1\.4\.1\) admits the internet to TCP .*9200 \(Elasticsearch HTTP\) on vm-es.*\. Way in: 20\.1\.4\.1 \(pip-fw\) → firewall fw-hub TCP 9200 → 10\.41\.1\.4:9200 \(DNAT rule app-dnat\/es\)/ },
        { resource: '/publicIPAddresses/pip-fw-classic', severity: 'high', evidencePaths: ['properties.natRuleCollections[0].properties.rules[0]'], message: /TCP 2222 → 22 \(SSH\) on vm-jump\./ },
      ],
    },
    'scale-set-kibana-through-load-balancer': {
      findings: [
        { resource: '/publicIPAddresses/pip-lbe-web', severity: 'critical', message: /admits the internet to TCP 5601 \(Kibana\) on vmss-web_0; 5601 \(Kibana\) on vmss-web_1\. Way in: 20\.1\.2\.1 \(pip-lbe-web\) → load balancer lbe-web TCP 5601 → 5601/ },
        { resource: '/virtualMachines/0/networkInterfaces/nic-web/ipConfigurations/ipconfig1/publicIPAddresses/pip-web', severity: 'critical', message: /^Public IP 'pip-web' \(20\.1\.2\.10\) admits the internet to TCP 5601 \(Kibana\) on vmss-web_0\./ },
      ],
    },
  },
  notApplicable: {
    'attached-to-bastion-host': { reason: /^attached to a Bastion host, behind which azscan follows no workload/ },
    'private-container-group': { reason: /no public IP address/ },
  },
  notEvaluated: {
    'interfaces-not-collected': { code: 'NotCollected', reason: /Microsoft\.Network\/networkInterfaces/ },
    'load-balancers-unreadable': { code: 'AuthorizationFailed' },
    'scale-set-interfaces-unreadable': { code: 'AuthorizationFailed', reason: /scale set vmss-web/ },
    'application-gateways-not-collected': { code: 'NotCollected', reason: /Microsoft\.Network\/applicationGateways/ },
    'firewall-rule-groups-unreadable': { code: 'AuthorizationFailed', reason: /rule collection groups of firewall policy policy-app/ },
    // A reference that is there but cannot be read is not "no NSG": the NSG it names might block, or not.
    'nic-nsg-reference-malformed': { code: 'MalformedProperty', reason: /^network interface vm-jump-nic: properties\.networkSecurityGroup is \{"id":42\}, expected a reference/ },
    'subnet-nsg-reference-malformed': { code: 'MalformedProperty', reason: /^virtual network vnet-lab: properties\.subnets\[0\]\.properties\.networkSecurityGroup is \{\}/ },
    'load-balancer-port-malformed': { code: 'MalformedProperty', reason: /^load balancer lbe-ingest: properties\.inboundNatRules\[0\]\.properties\.frontendPort is "50022", expected a port number/ },
  },
});
