/** Compliance frameworks a rule can map to, by the names `--compliance` takes. */
export const COMPLIANCE_FRAMEWORKS = {
  'cis-azure-3.0': 'CIS Microsoft Azure Foundations Benchmark v3.0.0',
  mcsb: 'Microsoft cloud security benchmark v1',
} as const;

export type ComplianceFramework = keyof typeof COMPLIANCE_FRAMEWORKS;

export type ComplianceMapping = { readonly [F in ComplianceFramework]: readonly string[] };

export type ControlStatus = 'pass' | 'fail' | 'notEvaluated' | 'noAutomatedRule';

export interface ControlResult {
  readonly id: string;
  readonly title: string;
  readonly group: string;
  readonly status: ControlStatus;
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

