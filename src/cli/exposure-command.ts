import { NETWORK_RULES } from '../../rules/network/index.js';
import { NSG_RULES } from '../../rules/nsg/index.js';
import { EXIT } from '../engine/exit-code.js';
import type { Inventory } from '../inventory/inventory.js';
import { inventoryFromSnapshot, loadSnapshotFile } from '../inventory/snapshot.js';
import { exposureGraph } from '../adapters/exposure/graph.js';
import type { Endpoint } from '../model/exposure.js';
import { EXPOSURE_RENDERERS } from '../report/exposure/index.js';
import type { ExposureFailOn, ExposureFormatName } from '../report/exposure/formats.js';
import { sensitivePorts } from '../report/exposure/rows.js';
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
 * groups — through both NSGs on each way in. Exit 1 when `--fail-on` is met, else 3 when
 * some way in could not be followed.
 */
export async function runExposure(flags: ExposureFlags): Promise<number> {
  // Checked before anything is read: a typo should not cost a live collection. Commander has
  // already held --format and --fail-on to their choices, whatever their case.
  checkFlags(flags, flags.output === undefined ? [] : [flags.output]);
  const format = flags.format as ExposureFormatName;
  const failOn = flags.failOn as ExposureFailOn | undefined;
  let inventory: Inventory;
  if (flags.snapshot !== undefined) {
    inventory = loadSnapshotFile(flags.snapshot);
  } else {
    const { collectEstate } = await import('../collect/collect.js');
    // The rules that read the network are what plans the collection: the graph's resources.
    const { snapshot } = await collectEstate([...NSG_RULES, ...NETWORK_RULES], liveOptions(flags));
    inventory = inventoryFromSnapshot(snapshot, '(live)', true);
  }
  const { endpoints, unknown } = exposureGraph(inventory).all();
  const report = { tool: TOOL, source: inventory.source, endpoints, unknown };
  const toTerminal = flags.output === undefined;
  const terminal = {
    color: toTerminal && colorWanted(process.stdout, flags.color),
    width: toTerminal ? outputWidth(process.stdout) : 80,
  };
  const text = EXPOSURE_RENDERERS[format](report, terminal);
  if (flags.output !== undefined) writeReportFile(flags.output, text);
  else process.stdout.write(text);
  return exposureExitCode(endpoints, unknown.length > 0, { failOn, allowPartial: flags.allowPartial ?? false });
}

/**
 * The scan's rule: 1 when `--fail-on` is met, even if the list is also incomplete (CI must
 * fail on what was found); else 3 when some way in could not be followed, unless
 * `--allow-partial`; else 0.
 */
export function exposureExitCode(endpoints: readonly Endpoint[], incomplete: boolean, policy: { failOn: ExposureFailOn | undefined; allowPartial: boolean }): number {
  const failing = policy.failOn === 'any' ? endpoints.length > 0 : policy.failOn === 'sensitive' && endpoints.some((endpoint) => !sensitivePorts(endpoint).isEmpty);
  if (failing) return EXIT.findingsAtThreshold;
  if (incomplete && !policy.allowPartial) return EXIT.incomplete;
  return EXIT.ok;
}
