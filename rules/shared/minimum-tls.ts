import { evidence } from '../../src/adapters/setting.js';
import { formatTls, parseTlsVersion, readMinimumTls } from '../../src/adapters/tls.js';
import type { RuleContext, RuleOptions } from '../../src/model/rule.js';
import type { ArmResource } from '../../src/inventory/types.js';

export interface TlsRuleOptions {
  /** The oldest TLS version a resource may accept, as a number: 1.2 → 12. */
  readonly minimumVersion: number;
}

/** The option every minimum-TLS rule takes: the oldest version allowed, "1.2" (default) or "1.3". */
export const TLS_RULE_OPTIONS: RuleOptions<TlsRuleOptions> = {
  schema: (z) =>
    z.strictObject({
      minimumVersion: z
        .enum(['1.2', '1.3'])
        .default('1.2')
        .transform((text) => parseTlsVersion(text)!),
    }),
  defaults: { minimumVersion: 12 },
  describe: ['minimumVersion: the oldest TLS version allowed, "1.2" (default) or "1.3"'],
};

/**
 * Reports a resource whose minimum TLS setting (at `path`) admits versions older than the
 * rule's minimum (1.2 unless configured), or is absent (TLS 1.0 accepted). `what` names the
 * resource in the message: "SQL server 'x'". Shared by every minimum-TLS rule so that they
 * read versions and absence alike.
 */
export function reportTlsBelowMinimum(resource: ArmResource, context: RuleContext<TlsRuleOptions>, path: string, what: string): void {
  const minimum = readMinimumTls(resource, path);
  if (minimum.value >= context.options.minimumVersion) return;
  context.report({
    message: `${what} '${resource.name}' accepts ${formatTls(minimum.value)}${minimum.absent ? ' (no minimum TLS version is set)' : ''}.`,
    evidence: [evidence(minimum, minimum.absent ? 'not set; TLS 1.0 is accepted' : undefined)],
  });
}
