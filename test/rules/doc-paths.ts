/**
 * What a rule's doc must name: the ARM property paths its outcomes show it read. The rule
 * tester gathers them over the rule's fixtures and checks the doc's `## What it reads` section.
 *
 * The paths read are those of every finding's evidence and of every `MalformedProperty` reason
 * (`<path> is <value>, expected …`, perhaps after `'<child>': ` or `<what> <name>: `), each
 * relative to the resource it sits in. A path is normalised by writing each array index as `[]`
 * and dropping a final one: `properties.securityRules[2].properties.sourceAddressPrefixes[0]`
 * becomes `properties.securityRules[].properties.sourceAddressPrefixes`.
 *
 * The doc names a path when its `## What it reads` section has an inline code span equal to the
 * normalised path, character for character.
 */
import type { Evaluation } from '../../src/engine/evaluate.js';

export const READS_HEADING = '## What it reads';

export function normalisePath(path: string): string {
  return path.replace(/\[\d+\]/g, '[]').replace(/(\[\])+$/, '');
}

/** The path a `MalformedProperty` reason names, as written in the reason. */
export function malformedPath(reason: string): string | undefined {
  const subject = reason.split(' is ')[0];
  if (subject === undefined || subject === reason) return undefined;
  return subject.split(/\s+/).pop() || undefined;
}

/** The normalised property paths an evaluation shows the rule read. */
export function propertyPathsRead(evaluation: Pick<Evaluation, 'outcomes' | 'notEvaluated'>): Set<string> {
  const paths = new Set<string>();
  for (const outcome of evaluation.outcomes) {
    for (const finding of outcome.findings) for (const item of finding.evidence) paths.add(normalisePath(item.path));
  }
  for (const entry of [...evaluation.outcomes, ...evaluation.notEvaluated]) {
    if (entry.code !== 'MalformedProperty' || entry.reason === undefined) continue;
    const path = malformedPath(entry.reason);
    if (path === undefined) throw new Error(`a MalformedProperty reason that names no path: ${entry.reason}`);
    paths.add(normalisePath(path));
  }
  return paths;
}

/** The text of the doc's `## What it reads` section, or why there is none to check. */
export function readsSection(doc: string): { text: string } | { problem: string } {
  const lines = doc.split('\n');
  const at = lines.flatMap((line, i) => (line === READS_HEADING ? [i] : []));
  if (at.length !== 1) return { problem: `the doc has ${at.length} '${READS_HEADING}' headings; it needs one` };
  const start = at[0]!;
  const evaluates = lines.indexOf('## How azscan evaluates it');
  const recommendation = lines.indexOf('## Recommendation');
  if (!(evaluates < start && start < recommendation)) return { problem: `'${READS_HEADING}' belongs after '## How azscan evaluates it' and before '## Recommendation'` };
  const end = lines.findIndex((line, i) => i > start && /^## /.test(line));
  return { text: lines.slice(start + 1, end).join('\n') };
}

/** Inline code spans of markdown without fenced blocks: `` `properties.state` `` → `properties.state`. */
export function codeSpans(markdown: string): Set<string> {
  return new Set([...markdown.matchAll(/`([^`\n]+)`/g)].map((match) => match[1]!));
}
