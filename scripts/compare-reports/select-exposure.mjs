// For compare-reports.sh --fast: which estates get `exposure` in its other formats (table, csv,
// markdown, html) once both builds have written `exposure --format json` for every estate.
//
//   node select-exposure.mjs OUT_BASE OUT_HEAD < estates   (one fixture path a line)
//
// Prints, one a line and in the order given, each estate where the other formats can show
// something the json comparison has not:
//   - the json run differs between the builds (stdout, stderr or exit code), or
//   - in either build it did not exit 0, wrote to stderr, or listed an endpoint or an unknown
//     way in (or wrote something that is not a JSON object with empty `endpoints` and
//     `unknown` arrays, and `platformEndpoints` empty where it is written), or
//   - it is outside fixtures/rules/, or the first estate of its fixtures/rules/<RULE>/ folder:
//     so that the empty list is still rendered in every format, for every rule's fixtures.
// The estates left out are those whose exposure list is empty in both builds, with the same
// json; their other formats render that empty list and differ from one another only in the
// snapshot path.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [outBase, outHead] = process.argv.slice(2);
if (!outBase || !outHead) {
  process.stderr.write('usage: node select-exposure.mjs OUT_BASE OUT_HEAD < estates\n');
  process.exit(2);
}

const read = (path) => {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
};

/** The json run of one build: whether it is the empty list, cleanly. */
function emptyAndClean(run) {
  if (run.exit?.toString().trim() !== '0' || run.stderr === undefined || run.stderr.length > 0 || run.stdout === undefined) return false;
  let report;
  try {
    report = JSON.parse(run.stdout.toString('utf8'));
  } catch {
    return false;
  }
  // `platformEndpoints` was added within version 1: a build from before it writes none.
  const noPlatform = report?.platformEndpoints === undefined || (Array.isArray(report.platformEndpoints) && report.platformEndpoints.length === 0);
  return Array.isArray(report?.endpoints) && report.endpoints.length === 0 && Array.isArray(report?.unknown) && report.unknown.length === 0 && noPlatform;
}

const same = (a, b) => a !== undefined && b !== undefined && a.equals(b);

const estates = readFileSync(0, 'utf8').split('\n').filter((line) => line !== '');
const seenGroups = new Set();
const selected = [];
for (const estate of estates) {
  const runs = [outBase, outHead].map((out) => {
    const prefix = join(out, 'estates', estate, 'exposure', 'json');
    return { stdout: read(`${prefix}.stdout`), stderr: read(`${prefix}.stderr`), exit: read(`${prefix}.exit`) };
  });
  const group = /^fixtures\/rules\/[^/]+\//.exec(estate)?.[0];
  const firstOfGroup = group === undefined || !seenGroups.has(group);
  if (group !== undefined) seenGroups.add(group);
  const identical = ['stdout', 'stderr', 'exit'].every((key) => same(runs[0][key], runs[1][key]));
  if (firstOfGroup || !identical || !runs.every(emptyAndClean)) selected.push(estate);
}
process.stdout.write(selected.map((estate) => `${estate}\n`).join(''));
