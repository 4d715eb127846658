/** Compliance frameworks a rule can map to, by the names `--compliance` takes. */
export const COMPLIANCE_FRAMEWORKS = {
  'cis-azure-3.0': 'CIS Microsoft Azure Foundations Benchmark v3.0.0',
  mcsb: 'Microsoft cloud security benchmark v1',
} as const;

export type ComplianceFramework = keyof typeof COMPLIANCE_FRAMEWORKS;

export type ComplianceMapping = { readonly [F in ComplianceFramework]: readonly string[] };

/**
 * A control's status in a scan: `pass`, `fail` and `notEvaluated` from its rules' outcomes;
 * with no azscan rule, `manual` where the framework marks the control manual (a person checks
 * it) and `noRule` where the framework marks it automated but azscan cannot answer it from ARM
 * configuration (the reason is in `reason`). MCSB marks neither, so its unmapped controls are
 * `noRule`.
 */
export type ControlStatus = 'pass' | 'fail' | 'notEvaluated' | 'manual' | 'noRule';

/** Whether a rule answered the control in this scan (pass, fail, not evaluated), as opposed to one a person checks. */
export function isRated(status: ControlStatus): boolean {
  return status === 'pass' || status === 'fail' || status === 'notEvaluated';
}

/** Why an automated control has no rule: what answering it would need that a read of ARM configuration does not give. */
export const NO_RULE_REASONS = {
  graph: 'needs Microsoft Graph',
  dataPlane: 'needs the data plane or a secret',
  agent: 'needs an agent on the machine',
  notInArm: 'not visible in ARM',
} as const;

export type NoRuleReason = keyof typeof NO_RULE_REASONS;

export interface ControlResult {
  readonly id: string;
  readonly title: string;
  readonly group: string;
  /** Whether the framework marks the control automated; absent where it says neither (MCSB). */
  readonly automated?: boolean;
  readonly status: ControlStatus;
  /** With `noRule`, for a control the framework marks automated: why azscan has no rule for it (docs/cis-coverage.md). */
  readonly reason?: string;
  /** azscan rules mapped to the control. */
  readonly rules: readonly string[];
  /** Findings in force that answer the control. */
  readonly findings: number;
  /** Rule × resource pairs (or parts of a resource) the control needed that could not be evaluated. */
  readonly notEvaluated: number;
}

export interface ComplianceReport {
  readonly framework: ComplianceFramework;
  readonly title: string;
  readonly controls: readonly ControlResult[];
  readonly counts: { readonly [S in ControlStatus]: number };
}

