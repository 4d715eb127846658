import { NETWORK_RULES } from '../../rules/network/index.js';
import { NSG_RULES } from '../../rules/nsg/index.js';
import { EXIT } from '../engine/exit-code.js';
import type { Inventory } from '../inventory/inventory.js';
import { inventoryFromSnapshot, loadSnapshotFile } from '../inventory/snapshot.js';
import { exposureGraph } from '../net/exposure-graph.js';
import { renderExposureJson, renderExposureTable } from '../report/exposure.js';
import { TOOL } from '../version.js';
import { checkFlags, liveOptions, type LiveFlags } from './live-options.js';
import { colorWanted, writeReportFile } from './output.js';

export interface ExposureFlags extends LiveFlags {
  snapshot?: string;
  format: string;
  output?: string;
  color: boolean;
  allowPartial?: boolean;
}

/**
 * `azscan exposure`: every (address, port, service, workload) the internet reaches, derived
 * from configuration alone — public IPs on interfaces, public load balancers, public container
 * groups — through both NSGs on each way in. Exit 3 when some way in could not be followed.
 */
export async function runExposure(flags: ExposureFlags): Promise<number> {
  checkFlags(flags, flags.output === undefined ? [] : [flags.output]);
  // Commander has already held --format to table or json.
  const format = flags.format;
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
  const text = format === 'json' ? renderExposureJson(report) : renderExposureTable(report, flags.output === undefined && colorWanted(process.stdout, flags.color));
  if (flags.output !== undefined) writeReportFile(flags.output, text);
  else process.stdout.write(text);
  return unknown.length > 0 && !flags.allowPartial ? EXIT.incomplete : EXIT.ok;
}
