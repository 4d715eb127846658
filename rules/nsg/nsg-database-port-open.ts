import { NSG_RULE_FIX, tcpPortExposureRule, type PortRuleOptions } from './port-exposure.js';
import { defineRule } from '../../src/model/rule.js';
import { SENSITIVE_PORTS } from '../../src/model/sensitive-ports.js';

export default defineRule<PortRuleOptions>({
  ...tcpPortExposureRule(SENSITIVE_PORTS.database),
  id: 'AZ-NSG-004',
  name: 'nsg-database-port-open',
  title: 'Database or cache port open to the internet',
  severity: 'high',
  service: 'nsg',
  description:
    'An inbound security rule admits the internet to a database or cache port over TCP: SQL Server 1433/1434, MySQL 3306, PostgreSQL 5432, Oracle 1521, MongoDB 27017-27019, Redis 6379, Cassandra 9042 and 7000/7001, CouchDB 5984, Memcached 11211 or InfluxDB 8086.',
  rationale:
    'Databases and caches are built to sit behind an application. Exposed, they are found by mass scanners and attacked with default or stolen credentials, and several (Redis, Memcached, MongoDB in older defaults) accept connections with no authentication at all.',
  remediation: {
    text: 'Remove the rule or restrict its source to the application subnets; reach the database through a private endpoint, a VPN or a bastion host.',
    az: NSG_RULE_FIX,
  },
  references: [
    'https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview',
    'https://learn.microsoft.com/azure/private-link/private-endpoint-overview',
  ],
  compliance: { 'cis-azure-3.0': [], mcsb: ['NS-1'] },
});
