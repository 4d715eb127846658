import rule from '../../../rules/nsg/nsg-database-port-open.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: {
    'web-ports-only': {},
    'database-from-app-subnet': {},
  },
  fail: {
    'mongodb-inside-range': { findings: [{ message: /TCP 27018 \(MongoDB\)\.$/ }] },
    'redis-and-postgres-plural': { findings: [{ message: /TCP 5432 \(PostgreSQL\), 6379 \(Redis\)\.$/ }] },
    'cassandra-and-influx-range': { findings: [{ message: /7000-7001 \(Cassandra inter-node\), 8086 \(InfluxDB\)/ }] },
    'blocked-by-subnet-nsg-unchanged': { findings: [{ severity: 'high', message: /TCP 1433 \(SQL Server\)\. Not reachable today: the other NSG on every way in from the internet blocks these ports\.$/ }] },
    'partly-denied': { findings: [{ resource: '/securityRules/allow-db', message: /TCP 3306 \(MySQL\); 1433 blocked by 'deny-sql'/ }] },
  },
});
