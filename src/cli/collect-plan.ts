import { planCollection, type CollectionPlan, type PlannedRead } from '../collect/plan.js';
import { RESOURCE_GRAPH_API_VERSION } from '../collect/clients.js';
import { GRAPH_AUTO_THRESHOLD } from '../collect/resource-graph/mode.js';
import { GRAPH_BATCH_SIZE, GRAPH_PAGE_SIZE, inventoryQuery } from '../collect/resource-graph/query.js';
import { graphTypesOf } from '../collect/resource-graph/types.js';
import { EXIT } from '../engine/exit-code.js';
import { UsageError } from '../inventory/errors.js';
import { parseSeverity } from '../model/severity.js';
import { wrap } from '../report/wrap.js';
import type { ComplianceFramework } from '../model/compliance.js';
import { checkFlags, type LiveFlags } from './live-options.js';
import { outputWidth } from './output.js';
import { selectForCommand } from './rule-selection.js';

/** The flags of `collect` that --plan reads: the rule selection, how to print, and the rest to check. */
export interface PlanFlags extends LiveFlags {
  /** collect's snapshot file, which --plan refuses: it writes none. */
  output?: string;
  rule: string[];
  severity?: string;
  compliance?: ComplianceFramework;
  config?: string;
  /** `table` or `json`; undefined when not given. */
  format?: string;
}

/**
 * `azscan collect --plan`: the GETs a collection for the selected rules would make, from the
 * readers' declared requests, without signing in or sending one. The live flags are checked as
 * for a collection (they do not change the reads); --output is refused, since no snapshot is
 * written and the plan goes to stdout.
 */
export function printCollectionPlan(flags: PlanFlags): number {
  if (flags.output !== undefined) throw new UsageError('--output: --plan writes no snapshot, it prints the reads a collection would make (drop --output, or drop --plan to collect)');
  checkFlags(flags, []);
  const minSeverity = flags.severity === undefined ? undefined : parseSeverity(flags.severity, '--severity');
  const { rules } = selectForCommand(flags, minSeverity);
  const plan = planCollection(rules);
  const { reads } = plan;
  const graph = graphQueryOf(plan);
  if (flags.format === 'json') {
    process.stdout.write(`${JSON.stringify({ rules: rules.map((rule) => rule.id), reads, ...(graph ? { resourceGraph: graph } : {}) }, null, 2)}\n`);
  } else {
    process.stdout.write(planTable(reads, rules.length, outputWidth(process.stdout)));
    if (graph) process.stdout.write(`\n${graphText(graph, outputWidth(process.stdout))}`);
  }
  return EXIT.ok;
}

/** One row per read: its type, api-version and how often it is made, with the path it GETs below. */
function planTable(reads: readonly PlannedRead[], ruleCount: number, width: number): string {
  const columns = [
    { title: 'TYPE', cell: (read: PlannedRead) => read.resourceType },
    { title: 'API VERSION', cell: (read: PlannedRead) => read.apiVersion },
    { title: 'MADE', cell: made },
  ];
  const widths = columns.map((column) => Math.max(column.title.length, ...reads.map((read) => column.cell(read).length)));
  const row = (cells: readonly string[]): string => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  const lines = [
    row(columns.map((column) => column.title)),
    ...reads.flatMap((read) => [row(columns.map((column) => column.cell(read))), `    GET ${read.path}${read.only === undefined ? '' : `  (only for ${read.only})`}`]),
  ];
  const count = (kind: PlannedRead['made']): number => reads.filter((read) => read.made === kind).length;
  const summary =
    `${reads.length} reads for ${ruleCount} ${ruleCount === 1 ? 'rule' : 'rules'}: ${count('once')} made once, ${count('perSubscription')} once per subscription, ` +
    `${count('perResource')} once per resource of the type under MADE. Nothing was read: --plan signs in to nothing and sends no request.`;
  return `${lines.join('\n')}\n\n${wrap(summary, width, '').join('\n')}\n`;
}

function made(read: PlannedRead): string {
  switch (read.made) {
    case 'once':
      return 'once';
    case 'perSubscription':
      return 'per subscription';
    case 'perResource':
      return `per ${read.parentType}`;
  }
}

/** The Resource Graph query that stands in for the top-level lists of the types Graph holds. */
export interface PlannedGraphQuery {
  readonly usedWhen: string;
  readonly method: 'POST';
  readonly path: string;
  readonly apiVersion: string;
  readonly subscriptionsPerQuery: number;
  readonly rowsPerPage: number;
  /** The top-level types whose per-subscription list it replaces; their children are still read through ARM. */
  readonly types: readonly string[];
  readonly query: string;
}

/** What `--inventory resource-graph` (or `auto` on a large estate) sends instead of those types' lists; undefined when the plan lists none of them. */
function graphQueryOf(plan: CollectionPlan): PlannedGraphQuery | undefined {
  const types = graphTypesOf(plan);
  if (types.length === 0) return undefined;
  return {
    usedWhen: `--inventory resource-graph, or --inventory auto (the default) with more than ${GRAPH_AUTO_THRESHOLD} subscriptions`,
    method: 'POST',
    path: '/providers/Microsoft.ResourceGraph/resources',
    apiVersion: RESOURCE_GRAPH_API_VERSION,
    subscriptionsPerQuery: GRAPH_BATCH_SIZE,
    rowsPerPage: GRAPH_PAGE_SIZE,
    types,
    query: inventoryQuery(types),
  };
}

function graphText(graph: PlannedGraphQuery, width: number): string {
  const said =
    `With ${graph.usedWhen}, the once-per-subscription lists of ${graph.types.length} of these types (${graph.types.join(', ')}) ` +
    `are replaced by one Resource Graph query per ${graph.subscriptionsPerQuery} subscriptions, ${graph.rowsPerPage} rows a page; the reads below them stay as listed:`;
  return `${wrap(said, width, '').join('\n')}\n    ${graph.method} ${graph.path}?api-version=${graph.apiVersion}\n    ${graph.query}\n`;
}
