import { NETWORK_RULES } from '../../rules/network/index.js';
import { NSG_RULES } from '../../rules/nsg/index.js';
import { EXIT } from '../engine/exit-code.js';
import { UsageError } from '../errors.js';
import type { Inventory } from '../inventory/inventory.js';
import { inventoryFromSnapshot, loadSnapshotFile } from '../inventory/snapshot.js';
import { exposureGraph, type Endpoint } from '../net/exposure-graph.js';
import { EXPOSURE_FORMAT_NAMES, EXPOSURE_RENDERERS, type ExposureFormatName } from '../report/exposure/index.js';
import { sensitivePorts } from '../report/exposure/rows.js';
import { TOOL } from '../version.js';
import { liveOptions, type LiveFlags } from './live-options.js';
import { colorWanted, writeReportFile } from './output.js';

export interface ExposureFlags extends LiveFlags {
  snapshot?: string;
  format: string;
  output?: string;
  failOn?: string;
  color: boolean;
  allowPartial?: boolean;
}

/** What `--fail-on` takes: a sensitive port reachable, or anything reachable. */
export const EXPOSURE_FAIL_ON = ['sensitive', 'any'] as const;
export type ExposureFailOn = (typeof EXPOSURE_FAIL_ON)[number];

/** The table's width when stdout is not a terminal (a file, a pipe). */
const DEFAULT_WIDTH = 80;

/**
 * `azscan exposure`: every (address, port, service, workload) the internet reaches, derived
 * from configuration alone — public IPs on interfaces, public load balancers, public container
 * groups — through both NSGs on each way in. Exit 1 when `--fail-on` is met, else 3 when
 * some way in could not be followed.
 */
export async function runExposure(flags: ExposureFlags): Promise<number> {
  // Checked before anything is read: a typo should not cost a live collection.
  const format = choice('--format', flags.format, EXPOSURE_FORMAT_NAMES);
  const failOn = flags.failOn === undefined ? undefined : choice('--fail-on', flags.failOn, EXPOSURE_FAIL_ON);
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
    width: toTerminal && process.stdout.isTTY && process.stdout.columns > 0 ? process.stdout.columns : DEFAULT_WIDTH,
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

/** An enum flag's value, case-insensitive like `--rule`. */
function choice<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((name) => name === value.trim().toLowerCase());
  if (found === undefined) throw new UsageError(`${flag}: '${value}' is not one of ${allowed.join(', ')}`);
  return found;
}
