/** Types for generate-catalogue.mjs, so the tests can call it type-checked. */

export interface RuleEntry {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly severity: string;
  readonly service: string;
  readonly raisesSeverity: boolean;
  /** The rule's CIS v3.0 control ids. */
  readonly cis?: readonly string[];
}

/** One control of src/compliance/cis-azure-3.0.json. */
export interface CisControl {
  readonly id: string;
  readonly title: string;
  readonly section: string;
  readonly level: number;
  readonly automated: boolean;
  readonly noRule?: { readonly reason: string; readonly why: string };
}

export interface ReadRule extends RuleEntry {
  /** `rules/<folder>/<file>.ts` */
  readonly path: string;
  readonly folder: string;
  readonly file: string;
}

export interface ServiceEntry {
  readonly id: string;
  readonly label?: string;
}

export declare const SCRIPT: string;
export declare const ROOT: string;
export declare const README_START: string;
export declare const README_END: string;
export declare class CatalogueError extends Error {}
export declare function byCodeUnit(a: string, b: string): number;
export declare function importSource(path: string): Promise<Record<string, unknown>>;
export declare function ruleFiles(root?: string): Array<{ path: string; folder: string; file: string }>;
export declare function ruleEntry(file: { path: string; folder: string; file: string }, rule: unknown): ReadRule;
export declare function loadCatalogue(root?: string): Promise<{ rules: ReadRule[]; services: ServiceEntry[]; cis: CisCatalogue }>;
export declare function readCisControls(root?: string): CisControl[];
export declare const COVERAGE_DOC: string;
export declare function cisCoverage(controls: readonly CisControl[], rules: readonly RuleEntry[], reasons: Readonly<Record<string, string>>): string;
/** The CIS controls and the words for each reason a control may have no rule. */
export interface CisCatalogue {
  readonly controls: readonly CisControl[];
  readonly reasons: Readonly<Record<string, string>>;
}
export declare function catalogueProblems(rules: readonly ReadRule[], services: readonly ServiceEntry[]): string[];
export declare function identifierFor(name: string): string;
export declare function generateCatalogue(input: { rules: readonly RuleEntry[]; services: readonly ServiceEntry[]; readme: string; cis?: CisCatalogue }): Map<string, string>;
export declare function rulesTable(rules: readonly RuleEntry[], services: readonly ServiceEntry[]): string;
export declare function withRulesTable(readme: string, rules: readonly RuleEntry[], services: readonly ServiceEntry[]): string;
export declare function staleFiles(root: string, files: ReadonlyMap<string, string>): Array<{ path: string; content: string | undefined }>;
export declare function run(root?: string, options?: { check?: boolean }): Promise<{ rules: ReadRule[]; stale: string[] }>;
