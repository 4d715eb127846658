#!/usr/bin/env node
/**
 * Scaffolds a rule's own files, and no others:
 *
 *   npm run new-rule -- --service storage --name storage-something-off \
 *     --title "Storage account lets something happen" --severity medium \
 *     --type Microsoft.Storage/storageAccounts [--property properties.someSetting] [--id AZ-STG-0NN]
 *
 * writes rules/<service>/<name>.ts and .md, test/rules/<service>/<name>.test.ts and one pass and
 * one fail fixture under fixtures/rules/<ID>/. The catalogue indexes and the README's table are
 * not touched: the build regenerates them (scripts/generate-catalogue.mjs). The id is the next
 * after the highest the service's prefix has had (rules and fixture folders), so an id retired
 * with its rule is not handed out again. What the author must still write is marked TODO(new-rule).
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { CatalogueError, importSource, loadCatalogue, ROOT } from './generate-catalogue.mjs';

const USAGE = `usage: npm run new-rule -- --service SERVICE --name NAME --title TITLE --severity SEVERITY --type ARM_TYPE
                        [--property properties.path] [--id AZ-XXX-NNN] [--prefix XXX]
  --service   a service of src/model/services.ts (the rule's folder under rules/)
  --name      the rule's readable name, lowercase words joined by '-': storage-something-off
  --title     one line, what a failing resource has (11 to 64 characters)
  --severity  its default severity
  --type      the ARM type it evaluates, one of src/inventory/arm-types.ts
  --property  the dotted path the skeleton's check reads (default properties.exampleSetting)
  --id        a free id of the service's prefix, instead of the next one
  --prefix    the id prefix, for a service that has no rules yet`;
const SUBSCRIPTION = '11111111-2222-3333-4444-555555555555';
const MARK = 'TODO(new-rule)';

class UsageError extends Error {}

/** Works out the rule to write from the flags, or throws a UsageError saying what is wrong. */
export async function planRule(flags) {
  for (const flag of ['service', 'name', 'title', 'severity', 'type']) if (!flags[flag]) throw new UsageError(`--${flag} is required`);
  const { rules, services } = await loadCatalogue(ROOT);
  const service = flags.service;
  if (!services.some((s) => s.id === service)) {
    throw new UsageError(`--service: no service '${service}' (services: ${services.map((s) => s.id).join(', ')}); a new service is added to src/model/services.ts first`);
  }
  const name = flags.name;
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name) || name.length > 64 || name === 'index') {
    throw new UsageError(`--name: '${name}' is not a rule name: lowercase letters and digits in words joined by '-', starting with a letter, at most 64 characters`);
  }
  const taken = rules.find((rule) => rule.name === name);
  if (taken) throw new UsageError(`--name: ${taken.id} is already called '${name}' (${taken.path})`);
  const title = flags.title.trim();
  if (title.length < 11 || title.length > 64 || /[\n\r]/.test(title)) throw new UsageError(`--title: one line of 11 to 64 characters, what a failing resource has (got ${title.length})`);
  const { SEVERITIES: severities } = await importSource(join(ROOT, 'src', 'model', 'severity.ts'));
  if (!severities.includes(flags.severity)) throw new UsageError(`--severity: '${flags.severity}' is not one of ${severities.join(', ')}`);

  const types = Object.entries(await importSource(join(ROOT, 'src', 'inventory', 'arm-types.ts'))).filter(([, value]) => typeof value === 'string' && value.includes('/'));
  const type = types.find(([, value]) => value.toLowerCase() === flags.type.toLowerCase());
  if (!type) {
    throw new UsageError(`--type: azscan reads no '${flags.type}'. A rule evaluates a type of src/inventory/arm-types.ts; a new type needs a constant there and a reader in src/collect/readers/ first (CONTRIBUTING.md, "Adding a rule")`);
  }
  if (type[0] === 'SUBSCRIPTION_TYPE') throw new UsageError('--type: a rule about subscriptions reads other resources with context.resourcesIn, not a property; start from rules/monitor/ or rules/defender/ instead');
  const property = flags.property ?? 'properties.exampleSetting';
  if (!/^properties(\.[A-Za-z_][A-Za-z0-9_]*)+$/.test(property)) throw new UsageError(`--property: '${property}' is not a dotted path under properties, e.g. properties.minimumTlsVersion`);

  const own = [...new Set(rules.filter((rule) => rule.service === service).map((rule) => rule.id.split('-')[1]))];
  const prefix = own.length === 1 ? own[0] : flags.prefix;
  if (own.length === 0 && !prefix) throw new UsageError(`--prefix: ${service} has no rules yet, so give its id prefix (2 or 3 capitals, e.g. --prefix ${service.slice(0, 3).toUpperCase()})`);
  if (own.length > 1 && !own.includes(prefix)) throw new UsageError(`--prefix: ${service}'s rules use ${own.join(' and ')}; say which`);
  if (flags.prefix && own.length === 1 && flags.prefix !== own[0]) throw new UsageError(`--prefix: ${service}'s rules are AZ-${own[0]}-NNN`);
  if (!/^[A-Z]{2,3}$/.test(prefix)) throw new UsageError(`--prefix: '${prefix}' is not 2 or 3 capitals`);
  const elsewhere = rules.find((rule) => rule.service !== service && rule.id.split('-')[1] === prefix);
  if (elsewhere) throw new UsageError(`--prefix: AZ-${prefix} is ${elsewhere.service}'s (${elsewhere.id})`);

  const fixtureIds = existsSync(join(ROOT, 'fixtures', 'rules')) ? readdirSync(join(ROOT, 'fixtures', 'rules')) : [];
  const used = new Set([...rules.map((rule) => rule.id), ...fixtureIds]);
  let id = flags.id;
  if (id === undefined) {
    const numbers = [...used].map((text) => new RegExp(`^AZ-${prefix}-(\\d{3})$`).exec(text)).filter(Boolean).map((match) => Number(match[1]));
    const next = Math.max(0, ...numbers) + 1;
    if (next > 999) throw new UsageError(`AZ-${prefix} has no ids left`);
    id = `AZ-${prefix}-${String(next).padStart(3, '0')}`;
  } else {
    if (!new RegExp(`^AZ-${prefix}-\\d{3}$`).test(id)) throw new UsageError(`--id: '${id}' is not AZ-${prefix}-NNN`);
    if (used.has(id)) throw new UsageError(`--id: ${id} is taken (a rule or fixtures/rules/${id}/ has it); ids are never reused`);
  }

  const settingCase = property.split('.').at(-1).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const plan = { id, name, title, severity: flags.severity, service, type: type[1], typeConstant: type[0], property, pass: `${settingCase}-true`, fail: `${settingCase}-false` };
  const files = new Map([
    [`rules/${service}/${name}.ts`, ruleSource(plan)],
    [`rules/${service}/${name}.md`, ruleDoc(plan)],
    [`test/rules/${service}/${name}.test.ts`, testTable(plan)],
    [`fixtures/rules/${id}/pass/${plan.pass}.json`, fixture(plan, true)],
    [`fixtures/rules/${id}/fail/${plan.fail}.json`, fixture(plan, false)],
  ]);
  for (const path of [...files.keys(), `fixtures/rules/${id}`]) if (existsSync(join(ROOT, path))) throw new UsageError(`${path} exists already`);
  return { plan, files };
}

const quote = (text) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function ruleSource({ id, name, title, severity, service, typeConstant, property }) {
  return `import { evidence, readBoolean } from '../../src/adapters/setting.js';
import { ${typeConstant} } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';

// ${MARK}: the property the rule reads. Where Azure has a default for it, or another
// rule reads it too, read it through a named accessor in src/adapters/ that says the default
// and the API version that set it (see allowsSharedKeyAccess in src/adapters/storage.ts).
const SETTING = ${quote(property)};

export default defineRule({
  id: ${quote(id)},
  name: ${quote(name)},
  title: ${quote(title)},
  severity: ${quote(severity)},
  service: ${quote(service)},
  resourceTypes: [${typeConstant}],
  // Child and extension types the check reads (context.childOf / childrenOf), so they are collected.
  requires: [],
  description: '${MARK}: what a failing resource has, naming the property paths read and what an absent value means.',
  rationale: '${MARK}: why it matters: what an attacker, or an accident, can do because of it.',
  remediation: {
    text: '${MARK}: how to fix it, and what to check before doing so.',
    az: 'az ${MARK} --resource-group <resource-group> --name <name>',
  },
  references: ['https://learn.microsoft.com/azure/${MARK}'],
  // ${MARK}: the CIS Microsoft Azure Foundations Benchmark v3.0.0 and MCSB controls (src/compliance/*.json).
  compliance: { 'cis-azure-3.0': [], mcsb: [] },
  check(resource, context) {
    const setting = readBoolean(resource, SETTING, false);
    if (setting.value) return;
    context.report({
      message: \`'\${resource.name}': ${MARK} say what is wrong; \${SETTING} is \${setting.absent ? 'not set' : 'false'}.\`,
      evidence: [evidence(setting)],
    });
  },
});
`;
}

function ruleDoc({ id, name, title, severity, service, type, property }) {
  const key = property.slice('properties.'.length);
  return `# ${id} · ${name}

**${title}** · severity: ${severity} · resource: \`${type}\`

## Synopsis
${MARK}: Finds … (one or two sentences: which resources, and what is wrong with them).

## Description
The rule reads the resource's \`${property}\`.

The resource **fails** when the value is \`false\`, or absent or \`null\` (${MARK}: what Azure does when it is absent, and since which API version).

The resource **passes** when the value is \`true\`.

${MARK}: which resources are not applicable and why; one finding per resource, against the resource; its severity, and when a finding's differs.

## Rationale
${MARK}: why it matters, for whom, and what has gone wrong where it was not set.

## How azscan evaluates it
azscan reads each \`${type}\` resource. No child or extension resources are read (\`requires\` is empty).

In these cases the result is *not evaluated*, with the reason, and never a pass or fail:

- **Read failure.** Reading the resources failed at some scope, for example with a 403, throttling or a network error. That scope is reported as not evaluated.
- **Malformed value.** \`${key}\` is present but is neither a boolean nor the string \`"true"\`/\`"false"\`. The path and value are given.

## What it reads
Paths are relative to the resource they are read from, as in its ARM JSON.

From each \`${type}\`:

- \`${property}\`: ${MARK}: what it holds, how an absent value is read, and which values fail.

## Recommendation
${MARK}: the fix, and what to check before applying it.

## Examples

### Azure CLI
\`\`\`bash
# ${MARK}: inspect the current value
az ${MARK}

# ${MARK}: fix it
az ${MARK}
\`\`\`

### ARM template
\`\`\`json
${JSON.stringify({ type, apiVersion: MARK, name: "[parameters('name')]", location: '[resourceGroup().location]', properties: nested(key, true) }, null, 2)}
\`\`\`

### Failing configuration
\`\`\`json
${JSON.stringify(resourceJson({ type, property, service }, false), null, 2).replace(SUBSCRIPTION, '<subscription-id>')}
\`\`\`

## Compliance
- CIS Microsoft Azure Foundations Benchmark v3.0.0: ${MARK}: control id — its title, or "no recommendation" and why
- Microsoft cloud security benchmark: ${MARK}: control id — its title

## Links
- [${MARK}: the Microsoft Learn page's title](https://learn.microsoft.com/azure/${MARK})
`;
}

function testTable({ id, name, service, type, property, pass, fail }) {
  const last = type.split('/').at(-1);
  return `import rule from '../../../rules/${service}/${name}.js';
import { testRule } from '../rule-tester.js';

// One case per fixture under fixtures/rules/${id}/<bucket>/: add the cases the rule can meet,
// in all four buckets (pass, fail, notApplicable with its reason, notEvaluated with its code).
testRule(rule, {
  pass: { ${quote(pass)}: {} },
  fail: { ${quote(fail)}: { findings: [{ resource: ${quote(`/${last}/${resourceName(service)}`)}, evidencePaths: [${quote(property)}] }] } },
});
`;
}

const resourceName = (service) => `${service}fixture`;

/** `minimumTls.version`, true → `{ minimumTls: { version: true } }` */
function nested(key, value) {
  return key.split('.').reduceRight((inner, part) => ({ [part]: inner }), value);
}

/** A resource of `type` with the property set; children sit under a parent of the same name. */
function resourceJson({ type, property, service }, value) {
  const [namespace, ...segments] = type.split('/');
  const name = resourceName(service);
  const path = segments.map((segment, i) => `${segment}/${i === segments.length - 1 ? name : `${name}parent`}`).join('/');
  return {
    id: `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-fixture/providers/${namespace}/${path}`,
    name,
    type,
    location: 'westeurope',
    properties: nested(property.slice('properties.'.length), value),
  };
}

function fixture({ type, property, service }, value) {
  return `${JSON.stringify({ schemaVersion: 1, collected: [], resources: [resourceJson({ type, property, service }, value)], errors: [] }, null, 2)}\n`;
}

async function main(argv) {
  let flags;
  try {
    const options = Object.fromEntries(['service', 'name', 'title', 'severity', 'type', 'property', 'id', 'prefix'].map((flag) => [flag, { type: 'string' }]));
    flags = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false }).values;
  } catch (error) {
    process.stderr.write(`new-rule: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (flags.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let planned;
  try {
    planned = await planRule(flags);
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof CatalogueError)) throw error;
    process.stderr.write(`new-rule: ${error.message}\n`);
    return 2;
  }
  const { plan, files } = planned;
  for (const [path, content] of files) {
    mkdirSync(dirname(join(ROOT, path)), { recursive: true });
    writeFileSync(join(ROOT, path), content, { flag: 'wx' });
  }
  const base = `rules/${plan.service}/${plan.name}`;
  process.stdout.write(`${plan.id} ${plan.name}: wrote
${[...files.keys()].map((path) => `  ${path}\n`).join('')}
Next:
  1. Write what is marked ${MARK} in ${base}.ts and ${base}.md (grep -n '${MARK}' ${base}.*):
     the metadata, the check (it reads ${plan.property} as a boolean), the doc's sections.
  2. Give the test table a case for each thing the rule can meet, in every bucket it can reach:
     fixtures/rules/${plan.id}/{pass,fail,notApplicable,notEvaluated}/<case>.json, one row each in
     test/rules/${plan.service}/${plan.name}.test.ts.
  3. npm test: the build registers the rule (rules/${plan.service}/index.ts, rules/index.ts and the
     README's rules table are generated; commit them with the rule). To run only its table:
     npx vitest run test/rules/${plan.service}/${plan.name}.test.ts
`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main(process.argv.slice(2));
