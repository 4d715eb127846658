import { Chalk } from 'chalk';
import type { InventorySource } from '../inventory/types.js';
import { describePath, type Endpoint } from '../net/exposure-graph.js';
import { ALL_SENSITIVE_PORTS, exposedServices, type ServicePort } from '../net/sensitive-ports.js';
import { sanitizeForTerminal as clean } from './sanitize.js';
import { wrap } from './wrap.js';

/** Ports worth naming in the list besides the sensitive ones. */
const NAMED_PORTS: readonly ServicePort[] = [...ALL_SENSITIVE_PORTS, { from: 80, to: 80, service: 'HTTP' }, { from: 443, to: 443, service: 'HTTPS' }];

export interface ExposureReport {
  readonly tool: { readonly name: string; readonly version: string };
  readonly source: InventorySource;
  readonly endpoints: readonly Endpoint[];
  /** Public IPs whose way in could not be followed, and why. */
  readonly unknown: ReadonlyArray<{ readonly id: string; readonly code: string; readonly reason: string }>;
}

export function renderExposureJson(report: ExposureReport): string {
  return `${JSON.stringify(
    {
      schemaVersion: 1,
      tool: report.tool,
      source: report.source,
      endpoints: report.endpoints.map((endpoint) => ({
        address: endpoint.address,
        protocol: endpoint.protocol,
        ports: endpoint.ports.ranges,
        backendPorts: endpoint.backendPorts.ranges,
        services: exposedServices(endpoint.backendPorts, NAMED_PORTS).services,
        workload: endpoint.workload,
        frontendId: endpoint.frontendId,
        allowedBy: endpoint.allowedBy.map(({ nsgId, rule, ports }) => ({ nsgId, rule: rule.name, priority: rule.priority, ports: ports.intersect(endpoint.backendPorts).ranges })),
        forwardedBy: endpoint.forwardedBy.map(({ resourceId, path }) => ({ resourceId, path })),
        path: endpoint.path,
      })),
      unknown: report.unknown,
    },
    null,
    2,
  )}\n`;
}

const WORKLOAD_KINDS: Record<Endpoint['workload']['kind'], string> = {
  vm: 'VM',
  nic: 'NIC',
  'container-group': 'container group',
  'application-gateway': 'application gateway',
  address: 'backend',
};

/** A table: address, protocol and ports, the services there, the workload, and the way in. */
export function renderExposureTable(report: ExposureReport, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const lines = [c.bold(`Reachable from the internet (${report.endpoints.length})`), ''];
  if (report.endpoints.length === 0) lines.push('  nothing: no public address leads to an open port', '');
  for (const endpoint of report.endpoints) {
    const ports = endpoint.ports.toString() === endpoint.backendPorts.toString() ? endpoint.ports.toString() : `${endpoint.ports.toString()} → ${endpoint.backendPorts.toString()}`;
    // The service names are TCP's; a UDP port says only its number.
    const services = endpoint.protocol === 'tcp' ? exposedServices(endpoint.backendPorts, NAMED_PORTS).services : [];
    const named = services.length > 6 ? [...services.slice(0, 6), `and ${services.length - 6} more`] : services;
    const sensitive = endpoint.protocol === 'tcp' && !exposedServices(endpoint.backendPorts, ALL_SENSITIVE_PORTS).ports.isEmpty;
    const heading = (sensitive ? c.red.bold : c.bold)(clean(`${endpoint.address} ${endpoint.protocol.toUpperCase()} ${ports}`));
    lines.push(...wrap(`${heading}${named.length > 0 ? `: ${clean(named.join(', '))}` : ''}`, 80, '      ', '  '));
    lines.push(c.dim(`      ${clean(`${WORKLOAD_KINDS[endpoint.workload.kind]} ${endpoint.workload.name}`)}`));
    lines.push(...wrap(c.dim(`via ${clean(describePath(endpoint.path))}`), 80, '        ', '      '), '');
  }
  if (report.unknown.length > 0) {
    lines.push(c.magenta.bold(`Not followed (${report.unknown.length})`), '');
    for (const entry of report.unknown) lines.push(`  ${clean(entry.id.split('/').pop() ?? entry.id)}: ${clean(`${entry.code}: ${entry.reason}`)}`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
