import { InputError } from '../inventory/errors.js';
import { parseJsonText } from '../inventory/snapshot.js';
import { isJsonObject } from '../inventory/types.js';
import { REPORT_SCHEMA_VERSION } from '../model/report-schema.js';

/**
 * `--shard-weights FILE`: resources evaluated by subscription, from an earlier `--format json`
 * report (unsharded or merged): its `subscriptions[].resourcesEvaluated`.
 */
export function parseShardWeights(text: string, path: string): Map<string, number> {
  const where = `--shard-weights ${path}`;
  const report = parseJsonText(text.replace(/^\uFEFF/, ''), where);
  if (!isJsonObject(report) || !isJsonObject(report.tool) || report.tool.name !== 'azscan' || report.schemaVersion !== REPORT_SCHEMA_VERSION || !Array.isArray(report.subscriptions)) {
    throw new InputError(`${where}: not an azscan JSON report (expected schemaVersion ${REPORT_SCHEMA_VERSION} and subscriptions; write one with --format json)`);
  }
  const weights = new Map<string, number>();
  report.subscriptions.forEach((entry, i) => {
    if (!isJsonObject(entry) || typeof entry.subscriptionId !== 'string') throw new InputError(`${where}: subscriptions[${i}]: expected an object with a subscriptionId string`);
    const count = entry.resourcesEvaluated;
    if (count === undefined) return;
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) {
      throw new InputError(`${where}: subscriptions[${i}].resourcesEvaluated: expected a whole number, found ${JSON.stringify(count)}`);
    }
    weights.set(entry.subscriptionId, count);
  });
  if (weights.size === 0) {
    throw new InputError(`${where}: no subscription in it has resourcesEvaluated (a report of a scan with a subscription list, from this version of azscan, has them)`);
  }
  return weights;
}
