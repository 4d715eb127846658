import { PortSet, type PortRange } from './ports.js';

/** A well-known service port (or range) that should never face the internet. */
export interface ServicePort {
  readonly from: number;
  readonly to: number;
  readonly service: string;
}

/**
 * The one table of sensitive ports every exposure rule reads, grouped by what an attacker
 * finds there. All are TCP.
 */
export const SENSITIVE_PORTS = {
  management: [
    { from: 22, to: 22, service: 'SSH' },
    { from: 3389, to: 3389, service: 'RDP' },
    { from: 5985, to: 5985, service: 'WinRM' },
    { from: 5986, to: 5986, service: 'WinRM over TLS' },
  ],
  elasticsearch: [
    { from: 9200, to: 9200, service: 'Elasticsearch HTTP' },
    { from: 9300, to: 9300, service: 'Elasticsearch transport' },
    { from: 5601, to: 5601, service: 'Kibana' },
  ],
  mqttPlaintext: [{ from: 1883, to: 1883, service: 'MQTT' }],
  mqttTls: [{ from: 8883, to: 8883, service: 'MQTT over TLS' }],
  database: [
    { from: 1433, to: 1433, service: 'SQL Server' },
    { from: 1434, to: 1434, service: 'SQL Server Browser' },
    { from: 3306, to: 3306, service: 'MySQL' },
    { from: 5432, to: 5432, service: 'PostgreSQL' },
    { from: 1521, to: 1521, service: 'Oracle' },
    { from: 27017, to: 27019, service: 'MongoDB' },
    { from: 6379, to: 6379, service: 'Redis' },
    { from: 9042, to: 9042, service: 'Cassandra' },
    { from: 5984, to: 5984, service: 'CouchDB' },
    { from: 11211, to: 11211, service: 'Memcached' },
    { from: 7000, to: 7001, service: 'Cassandra inter-node' },
    { from: 8086, to: 8086, service: 'InfluxDB' },
  ],
} as const satisfies Record<string, readonly ServicePort[]>;

/** Every sensitive port of the AZ-NSG tables, for rules that look at all of them at once. */
export const ALL_SENSITIVE_PORTS: readonly ServicePort[] = [
  ...SENSITIVE_PORTS.management,
  ...SENSITIVE_PORTS.elasticsearch,
  ...SENSITIVE_PORTS.mqttPlaintext,
  ...SENSITIVE_PORTS.mqttTls,
  ...SENSITIVE_PORTS.database,
];

export function portSetOf(ports: readonly ServicePort[]): PortSet {
  return PortSet.of(ports);
}

/**
 * The services among `ports` that `exposed` reaches, each with the part of its range that
 * is exposed: `22 (SSH), 27018 (MongoDB)`.
 */
export function exposedServices(exposed: PortSet, ports: readonly ServicePort[]): { readonly ports: PortSet; readonly services: string[]; readonly hit: ServicePort[] } {
  const parts: PortRange[] = [];
  const services: string[] = [];
  const hit: ServicePort[] = [];
  for (const port of ports) {
    const overlap: PortRange[] = [];
    for (const range of exposed.ranges) {
      const from = Math.max(range.from, port.from);
      const to = Math.min(range.to, port.to);
      if (from <= to) overlap.push({ from, to });
    }
    if (overlap.length === 0) continue;
    parts.push(...overlap);
    hit.push(port);
    const text = overlap.map((range) => (range.from === range.to ? `${range.from}` : `${range.from}-${range.to}`)).join(', ');
    services.push(`${text} (${port.service})`);
  }
  return { ports: PortSet.of(parts), services, hit };
}
