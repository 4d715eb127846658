import type { ArmClients } from '../clients.js';
import { readValue } from '../read.js';
import type { ArmRequest } from './reader.js';

/**
 * Diagnostic settings of one resource (an extension collection, not paged), read for every
 * resource of a type whose settings a rule reads, at the api-version @azure/arm-monitor 7.0.0
 * sends. `{resourceId}` is the target: see the plan's diagnosticTargetTemplate.
 */
export const DIAGNOSTIC_SETTINGS: ArmRequest = { path: '{resourceId}/providers/Microsoft.Insights/diagnosticSettings', apiVersion: '2017-05-01-preview' };

export async function readDiagnosticSettings(clients: ArmClients, subscriptionId: string, targetId: string): Promise<unknown[]> {
  const monitor = await clients.monitor(subscriptionId);
  // The SDK puts the URI after its own `/`; a leading slash would make `//` and a 404.
  const uri = targetId.replace(/^\/+/, '');
  return readValue((options) => monitor.diagnosticSettings.list(uri, options));
}
