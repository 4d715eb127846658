import { readFileSync } from 'node:fs';
import { COMPLIANCE_FRAMEWORKS, type ComplianceFramework, type NoRuleReason } from '../model/compliance.js';
import { UsageError } from '../inventory/errors.js';
import { PACKAGE_ROOT } from '../inventory/package.js';

/** One control (a CIS recommendation, an MCSB control) of a framework. */
export interface Control {
  readonly id: string;
  readonly title: string;
  /** CIS section or MCSB domain. */
  readonly group: string;
  /** Whether the framework marks the control automated; absent where it says neither (MCSB). */
  readonly automated?: boolean;
  /** For an automated control azscan has no rule for: why, and in a sentence what it would need. */
  readonly noRule?: { readonly reason: NoRuleReason; readonly why: string };
}

const FILES: Record<ComplianceFramework, string> = {
  'cis-azure-3.0': 'src/compliance/cis-azure-3.0.json',
  mcsb: 'src/compliance/mcsb.json',
};

/** Every control of a framework, in the framework's order, from the catalogue shipped with azscan. */
export function controlsOf(framework: ComplianceFramework): Control[] {
  const entries = JSON.parse(readFileSync(new URL(FILES[framework], PACKAGE_ROOT), 'utf8')) as Array<{ id: string; title: string; section?: string; domain?: string; automated?: boolean; noRule?: Control['noRule'] }>;
  return entries.map((entry) => ({
    id: entry.id,
    title: entry.title,
    group: entry.section ?? entry.domain ?? '',
    ...(entry.automated === undefined ? {} : { automated: entry.automated }),
    ...(entry.noRule === undefined ? {} : { noRule: entry.noRule }),
  }));
}

export function parseFramework(text: string): ComplianceFramework {
  const name = text.trim().toLowerCase();
  if (!(name in COMPLIANCE_FRAMEWORKS)) {
    throw new UsageError(`--compliance: unknown framework '${text}' (expected ${Object.keys(COMPLIANCE_FRAMEWORKS).join(', ')})`);
  }
  return name as ComplianceFramework;
}
