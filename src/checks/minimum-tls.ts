import { evidence } from '../adapters/setting.js';
import { formatTls, readMinimumTls, TLS_1_2 } from '../adapters/tls.js';
import type { RuleContext } from '../engine/rule.js';
import type { ArmResource } from '../inventory/types.js';

/**
 * Reports a resource whose minimum TLS setting (at `path`) admits versions older than 1.2,
 * or is absent (TLS 1.0 accepted). `what` names the resource in the message: "SQL server 'x'".
 * Shared by every "TLS below 1.2" rule so that they read versions and absence alike.
 */
export function reportTlsBelow12(resource: ArmResource, context: RuleContext, path: string, what: string): void {
  const minimum = readMinimumTls(resource, path);
  if (minimum.value >= TLS_1_2) return;
  context.report({
    message: `${what} '${resource.name}' accepts ${formatTls(minimum.value)}${minimum.absent ? ' (no minimum TLS version is set)' : ''}.`,
    evidence: [evidence(minimum, minimum.absent ? 'not set; TLS 1.0 is accepted' : undefined)],
  });
}
