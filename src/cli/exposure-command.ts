import { NETWORK_RULES } from '../../rules/network/index.js';
import { NSG_RULES } from '../../rules/nsg/index.js';
import { EXIT } from '../engine/exit-code.js';
import type { Inventory } from '../inventory/inventory.js';
import { inventoryFromSnapshot } from '../inventory/snapshot.js';
import { loadSnapshot } from '../inventory/snapshot-dir.js';
import { exposureGraph } from '../adapters/exposure/graph.js';
import { PLATFORM_ENDPOINT_SOURCES } from '../adapters/exposure/platform/index.js';
import { platformExposure } from '../adapters/exposure/platform/evaluate.js';
import type { ExposureReport } from '../model/exposure.js';
import { EXPOSURE_RENDERERS } from '../report/exposure/index.js';
import type { ExposureFailOn, ExposureFormatName } from '../report/exposure/formats.js';
import { isSensitivePlatformEndpoint, sensitivePorts } from '../report/exposure/rows.js';
import { TOOL } from '../inventory/package.js';
import { checkFlags, liveOptions, type LiveFlags } from './live-options.js';
import { colorWanted, outputWidth, writeReportFile } from './output.js';

export interface ExposureFlags extends LiveFlags {
  snapshot?: string;
  format: string;
  output?: string;
  failOn?: string;
  color: boolean;
  allowPartial?: boolean;
}

/**
 * `azscan exposure`: every (address, port, service, workload) the internet reaches, derived
 * from configuration alone — public IPs on interfaces, public load balancers, public container
 * groups — through both NSGs on each way in, and every platform (PaaS) endpoint that something
 * outside reaches through the service's own network controls. Exit 1 when `--fail-on` is met,
 * else 3 when some way in could not be followed or some platform endpoint is unknown.
 */
export async function runExposure(flags: ExposureFlags): Promise<number> {
  // Checked before anything is read: a typo should not cost a live collection. Commander has
  // already held --format and --fail-on to their choices, whatever their case.
  checkFlags(flags, flags.output === undefined ? [] : [flags.output]);
  const format = flags.format as ExposureFormatName;
  const failOn = flags.failOn as ExposureFailOn | undefined;
  let inventory: Inventory;
  if (flags.snapshot !== undefined) {
    inventory = loadSnapshot(flags.snapshot);
  } else {
    const { collectEstate } = await import('../collect/collect.js');
    // The rules that read the network plan the graph's reads; the platform sources add theirs.
    const { snapshot } = await collectEstate([...NSG_RULES, ...NETWORK_RULES], liveOptions(flags), platformReads());
    inventory = inventoryFromSnapshot(snapshot, '(live)', true);
  }
  const { endpoints, unknown } = exposureGraph(inventory).all();
  const platform = platformExposure(inventory);
  const report: ExposureReport = { tool: TOOL, source: inventory.source, endpoints, unknown, platformEndpoints: platform.endpoints, platformUnknown: platform.unknown };
  const toTerminal = flags.output === undefined;
  const terminal = {
    color: toTerminal && colorWanted(process.stdout, flags.color),
    width: toTerminal ? outputWidth(process.stdout) : 80,
  };
  const text = EXPOSURE_RENDERERS[format](report, terminal);
  if (flags.output !== undefined) writeReportFile(flags.output, text);
  else process.stdout.write(text);
  return exposureExitCode(report, { failOn, allowPartial: flags.allowPartial ?? false });
}

/** Every type the platform endpoint sources read, for a live collection. */
export function platformReads(): string[] {
  return [...new Set(PLATFORM_ENDPOINT_SOURCES.flatMap((source) => source.reads))];
}

/**
 * The scan's rule: 1 when `--fail-on` is met, even if the list is also incomplete (CI must
 * fail on what was found); else 3 when some way in could not be followed or some platform
 * endpoint is unknown, unless `--allow-partial`; else 0. `any` counts every endpoint and
 * platform endpoint; `sensitive` an endpoint with a sensitive port, and a platform endpoint
 * isSensitivePlatformEndpoint says is one.
 */
export function exposureExitCode(report: ExposureReport, policy: { failOn: ExposureFailOn | undefined; allowPartial: boolean }): number {
  const failing =
    policy.failOn === 'any'
      ? report.endpoints.length > 0 || report.platformEndpoints.length > 0
      : policy.failOn === 'sensitive' && (report.endpoints.some((endpoint) => !sensitivePorts(endpoint).isEmpty) || report.platformEndpoints.some(isSensitivePlatformEndpoint));
  if (failing) return EXIT.findingsAtThreshold;
  const incomplete = report.unknown.length > 0 || report.platformUnknown.length > 0;
  if (incomplete && !policy.allowPartial) return EXIT.incomplete;
  return EXIT.ok;
}
