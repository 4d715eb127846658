/**
 * The catalogue checks itself, as ESLint's and typescript-eslint's do: every rule has a
 * stable id, a name equal to its file, a doc with the fixed headings, a test file, and
 * pass and fail fixtures; nothing in rules/ is left out of the catalogue.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { COMPLIANCE_FRAMEWORKS } from '../../src/model/compliance.js';
import { SEVERITIES } from '../../src/model/severity.js';
import { fixtureCases } from './rule-tester.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DOC_HEADINGS = [
  '## Synopsis',
  '## Description',
  '## Rationale',
  '## How azscan evaluates it',
  '## Recommendation',
  '## Examples',
  '### Azure CLI',
  '### ARM template',
  '### Failing configuration',
  '## Compliance',
  '## Links',
];

describe('the rule catalogue', () => {
  it('has unique, well-formed ids and names, in id order', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(RULES.map((rule) => rule.name)).size).toBe(RULES.length);
    for (const id of ids) expect(id).toMatch(/^AZ-[A-Z]{2,3}-\d{3}$/);
    expect([...ids].sort()).toEqual(ids.slice().sort());
  });

  // A rule file declares its rule as its default export; the other files beside the rules
  // (index.ts, shared rule bodies such as nsg/port-exposure.ts) are not rules.
  const isRuleFile = (path: string): boolean => /^export default defineRule\b/m.test(readFileSync(path, 'utf8'));

  it('includes every rule file under rules/', () => {
    const files = readdirSync(join(ROOT, 'rules'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((dir) => readdirSync(join(ROOT, 'rules', dir.name)).filter((file) => file.endsWith('.ts') && isRuleFile(join(ROOT, 'rules', dir.name, file))).map((file) => `${dir.name}/${file.slice(0, -3)}`));
    expect(files.sort()).toEqual(RULES.map((rule) => `${rule.service}/${rule.name}`).sort());
  });

  for (const rule of RULES) {
    describe(`${rule.id} ${rule.name}`, () => {
      it('has complete metadata', () => {
        expect(rule.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(SEVERITIES).toContain(rule.severity);
        expect(rule.title.length).toBeGreaterThan(10);
        expect(rule.title.length).toBeLessThanOrEqual(64);
        expect(rule.resourceTypes.length).toBeGreaterThan(0);
        for (const text of [rule.description, rule.rationale, rule.remediation.text]) expect(text.length).toBeGreaterThan(40);
        expect(rule.remediation.az).toMatch(/^az /);
        expect(rule.references.length).toBeGreaterThan(0);
        for (const url of rule.references) expect(url).toMatch(/^https:\/\//);
        expect(Object.keys(rule.compliance).sort()).toEqual(Object.keys(COMPLIANCE_FRAMEWORKS).sort());
        for (const id of rule.compliance['cis-azure-3.0']) expect(id).toMatch(/^\d+(\.\d+)+$/);
        for (const id of rule.compliance.mcsb) expect(id).toMatch(/^[A-Z]{2}-\d+$/);
        expect(rule.compliance['cis-azure-3.0'].length + rule.compliance.mcsb.length).toBeGreaterThan(0);
      });

      it('has a doc with the fixed headings', () => {
        const path = join(ROOT, 'rules', rule.service, `${rule.name}.md`);
        expect(existsSync(path), path).toBe(true);
        const doc = readFileSync(path, 'utf8');
        expect(doc.split('\n')[0]).toBe(`# ${rule.id} · ${rule.name}`);
        expect(doc).toContain(`**${rule.title}** · severity: ${rule.severity}`);
        const positions = DOC_HEADINGS.map((heading) => doc.search(new RegExp(`^${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm')));
        for (const [i, position] of positions.entries()) expect(position, DOC_HEADINGS[i]).toBeGreaterThan(0);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
        for (const id of rule.compliance['cis-azure-3.0']) expect(doc).toContain(id);
        for (const id of rule.compliance.mcsb) expect(doc).toContain(id);
        for (const url of rule.references) expect(doc).toContain(url);
      });

      it('has a test file and pass and fail fixtures', () => {
        expect(existsSync(join(ROOT, 'test', 'rules', rule.service, `${rule.name}.test.ts`))).toBe(true);
        expect(fixtureCases(rule.id, 'pass').length).toBeGreaterThan(0);
        expect(fixtureCases(rule.id, 'fail').length).toBeGreaterThan(0);
      });
    });
  }
});
