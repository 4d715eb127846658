import { jsonDocument } from '../text.js';
import { isSensitivePlatformEndpoint, namedPorts, sensitivePorts } from './rows.js';
import type { ExposureReport } from '../../model/exposure.js';

/** Bumped only on a breaking change; fields may be added within a version. */
const EXPOSURE_SCHEMA_VERSION = 1;

/**
 * The machine list: every field of the endpoint, names unabridged. `services` names the
 * same ports, in the same order, as the other formats (a UDP port has none), and
 * `sensitive`/`sensitivePorts` are what the other formats mark with `!`. `platformEndpoints`
 * (added within version 1) holds the PaaS endpoints, and `unknown` lists, after the public IPs
 * and container groups not followed, the platform resources and scopes whose endpoints are
 * unknown. Characters a viewer could be tricked by are written as escapes (jsonDocument).
 */
export function renderExposureJson(report: ExposureReport): string {
  return jsonDocument({
    schemaVersion: EXPOSURE_SCHEMA_VERSION,
    tool: report.tool,
    source: report.source,
    endpoints: report.endpoints.map((endpoint) => {
      const sensitive = sensitivePorts(endpoint);
      return {
        address: endpoint.address,
        protocol: endpoint.protocol,
        ports: endpoint.ports.ranges,
        backendPorts: endpoint.backendPorts.ranges,
        services: namedPorts(endpoint).map(({ ports, service }) => `${ports.toString()} (${service})`),
        sensitive: !sensitive.isEmpty,
        sensitivePorts: sensitive.ranges.map(({ from, to }) => ({ from, to })),
        workload: endpoint.workload,
        frontendId: endpoint.frontendId,
        allowedBy: endpoint.allowedBy.map(({ nsgId, rule, ports }) => ({ nsgId, rule: rule.name, priority: rule.priority, ports: ports.intersect(endpoint.backendPorts).ranges })),
        forwardedBy: endpoint.forwardedBy.map(({ resourceId, path }) => ({ resourceId, path })),
        path: endpoint.path,
      };
    }),
    platformEndpoints: report.platformEndpoints.map((endpoint) => ({
      resourceId: endpoint.resourceId,
      resourceType: endpoint.resourceType,
      name: endpoint.name,
      service: endpoint.service,
      host: endpoint.host,
      hostPath: endpoint.hostPath,
      ports: endpoint.ports,
      reachableBy: endpoint.reachableBy,
      sensitive: isSensitivePlatformEndpoint(endpoint),
      grants: endpoint.grants,
      auth: endpoint.auth,
    })),
    unknown: [...report.unknown, ...report.platformUnknown],
  });
}
