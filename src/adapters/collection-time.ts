import type { Inventory } from '../inventory/inventory.js';
import { NotEvaluated } from '../model/not-evaluated.js';

/**
 * When the configuration being scanned was read: the snapshot's `collectedAt`, which a live
 * scan sets as it collects. Rules that judge an age (an access key's) measure it to this time,
 * so that a snapshot scanned later reports what a scan at the time would have, and a live scan
 * and a scan of its snapshot agree. An input that does not say when it was read (a bare array
 * of resources) leaves such rules not evaluated rather than guessing a time.
 */
export function configurationTime(inventory: Inventory): Date {
  const text = inventory.source.collectedAt;
  if (text === undefined) throw new NotEvaluated('NoCollectionTime', 'the input does not say when it was read (no collectedAt), so an age cannot be measured');
  const time = Date.parse(text);
  if (Number.isNaN(time)) throw new NotEvaluated('NoCollectionTime', `collectedAt is ${JSON.stringify(text)}, not a date and time, so an age cannot be measured`);
  return new Date(time);
}
