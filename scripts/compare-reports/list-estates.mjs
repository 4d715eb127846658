// Lists the estates compare-reports.sh scans: fixtures/demo-tenant.json first, then every
// JSON file under fixtures/ that is a snapshot, in byte order of their paths.
//
//   node list-estates.mjs CHECKOUT
//
// Prints one line per JSON file, tab-separated, paths relative to CHECKOUT:
//   estate <TAB> fixtures/rules/AZ-NSG-001/fail/x.json
//   skip   <TAB> fixtures/arm-examples/ServerGet.json <TAB> why it is not a snapshot
//
// A snapshot is what `azscan scan --snapshot` reads: a JSON object with `resources`, or an
// array of ARM resources (an empty array, or one with at least one object with a string `type`
// or `id`: a malformed entry beside them is azscan's to report, not a reason to skip). A file
// that is not valid JSON is skipped too: it is not a snapshot by that rule, and the skip list
// says so, so a hostile fixture added later is noticed rather than silently left out.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const checkout = process.argv[2];
if (!checkout) {
  process.stderr.write('usage: node list-estates.mjs CHECKOUT\n');
  process.exit(2);
}

function jsonFiles(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return jsonFiles(path);
    return entry.isFile() && entry.name.endsWith('.json') ? [path] : [];
  });
}

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const isArmResource = (value) => isObject(value) && (typeof value.type === 'string' || typeof value.id === 'string');

/** undefined when the document is a snapshot, else why it is not. */
function notSnapshot(text) {
  let document;
  try {
    // As azscan reads it: a UTF-8 byte-order mark is dropped.
    document = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return `not valid JSON (${error.message})`;
  }
  if (Array.isArray(document)) {
    return document.length === 0 || document.some(isArmResource) ? undefined : 'an array, but not of ARM resources (no object with a type or id)';
  }
  if (isObject(document)) {
    if (Object.hasOwn(document, 'resources')) return undefined;
    return `a JSON object without resources (keys: ${Object.keys(document).slice(0, 5).join(', ') || 'none'})`;
  }
  return `a JSON ${document === null ? 'null' : typeof document}, not an object or array`;
}

const root = join(checkout, 'fixtures');
const demo = 'fixtures/demo-tenant.json';
const byteOrder = (a, b) => (Buffer.compare(Buffer.from(a), Buffer.from(b)));
const files = jsonFiles(root)
  .map((path) => relative(checkout, path).split('\\').join('/'))
  .sort(byteOrder);
const ordered = files.includes(demo) ? [demo, ...files.filter((file) => file !== demo)] : files;

const lines = [];
for (const file of ordered) {
  if (/[\t\n\0]/.test(file)) {
    lines.push(`skip\t${JSON.stringify(file)}\ta path with a tab or newline in it`);
    continue;
  }
  const why = notSnapshot(readFileSync(join(checkout, file), 'utf8'));
  lines.push(why === undefined ? `estate\t${file}` : `skip\t${file}\t${why.replace(/[\t\n]/g, ' ')}`);
}
process.stdout.write(lines.map((line) => `${line}\n`).join(''));
