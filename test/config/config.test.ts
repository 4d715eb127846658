import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { loadConfig } from '../../src/cli/config-file.js';
import { parseConfig } from '../../src/config/config.js';
import { InputError } from '../../src/inventory/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'azscan-config-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
const parse = (document: unknown) => parseConfig(document, 'azscan.config.yaml', RULES);

describe('loadConfig', () => {
  it('finds azscan.config.yaml in the working directory, and has none when there is none', () => {
    const here = mkdtempSync(join(tmpdir(), 'azscan-cwd-'));
    expect(loadConfig(undefined, here, RULES).path).toBeUndefined();
    writeFileSync(join(here, 'azscan.config.yaml'), 'rules:\n  AZ-NSG-003: off\n');
    expect([...loadConfig(undefined, here, RULES).disabledRules]).toEqual(['AZ-NSG-003']);
  });

  it('reads YAML and JSON, and says where either is broken', () => {
    expect(loadConfig(file('ok.json', '{"rules": {"sql-tls-below-1-2": {"severity": "high"}}}'), dir, RULES).severityOverrides.get('AZ-SQL-004')).toBe('high');
    expect(() => loadConfig(file('bad.yaml', 'rules:\n  AZ-NSG-003: [off\n'), dir, RULES)).toThrow(/bad\.yaml: not valid YAML at line \d+, column \d+/);
    expect(() => loadConfig(file('bad.json', '{"rules": }'), dir, RULES)).toThrow(/bad\.json: not valid JSON at line 1, column 11/);
    expect(() => loadConfig(join(dir, 'missing.yaml'), dir, RULES)).toThrow(/missing\.yaml: config file not found/);
  });

  it.each([
    ['an alias to no anchor', 'rules: *nowhere\n', /^alias\.yaml: not valid YAML: Unresolved alias .*: nowhere$/],
    ['an alias bomb', `a: &a [x, x, x, x, x, x, x, x, x]\n${['b', 'c', 'd', 'e'].map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcd'[i]}`).join(', ')}]`).join('\n')}\nf: [${Array(9).fill('*e').join(', ')}]\n`, /^alias\.yaml: not valid YAML: Excessive alias count/],
    ['an alias inside its own anchor', 'rules: &r {AZ-SQL-004: {options: *r}}\n', /^alias\.yaml: not valid YAML for a config: an alias refers to a node that contains it$/],
    ['two documents', 'rules: {}\n---\nrules: {}\n', /^alias\.yaml: not valid YAML at line 2, column 1: Source contains multiple documents/],
    ['a key given twice', 'rules: {}\nrules: {}\n', /^alias\.yaml: not valid YAML at line 2, column 1: Map keys must be unique/],
  ])('names the file for every YAML error: %s', (_, text, message) => {
    const path = file('alias.yaml', text);
    let thrown: unknown;
    try {
      loadConfig(path, dir, RULES);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as Error).message.replace(dir + '/', '')).toMatch(message);
  });

  it('refuses an expiry date that is not on the calendar, however the YAML writes it', () => {
    const suppression = (expires: string) => `suppressions:\n  - {rule: AZ-SQL-002, resource: "*", reason: migration, expires: ${expires}}\n`;
    for (const text of [suppression('2027-02-30'), `%YAML 1.1\n---\n${suppression('2027-02-30')}`, suppression('!!timestamp 2027-02-29'), suppression('"2027-13-01"')]) {
      expect(() => loadConfig(file('dates.yaml', text), dir, RULES), text).toThrow(/dates\.yaml: suppressions\[0\]\.expires: expected a date YYYY-MM-DD that is on the calendar/);
    }
    expect(loadConfig(file('leap.yaml', suppression('2028-02-29')), dir, RULES).suppressions[0]!.expires).toBe('2028-02-29');
    expect(loadConfig(file('leap-1.1.yaml', `%YAML 1.1\n---\n${suppression('2028-02-29')}`), dir, RULES).suppressions[0]!.expires).toBe('2028-02-29');
  });
});

describe('parseConfig', () => {
  it('turns rules off, overrides severities and validates rule options with defaults', () => {
    const config = parse({
      rules: {
        'AZ-NSG-003': 'off',
        'storage-tls-below-1-2': { options: { minimumVersion: '1.3' } },
        'AZ-NSG-004': { severity: 'critical', options: { extraPorts: [{ ports: '9000-9001', service: 'ClickHouse' }, { ports: 8123, service: 'ClickHouse HTTP' }] } },
        'AZ-IOT-001': { enabled: false },
      },
    });
    expect([...config.disabledRules].sort()).toEqual(['AZ-IOT-001', 'AZ-NSG-003']);
    expect(config.severityOverrides.get('AZ-NSG-004')).toBe('critical');
    expect(config.ruleOptions.get('AZ-STG-005')).toEqual({ minimumVersion: 13 });
    expect(config.ruleOptions.get('AZ-NSG-004')).toEqual({
      extraPorts: [
        { from: 9000, to: 9001, service: 'ClickHouse' },
        { from: 8123, to: 8123, service: 'ClickHouse HTTP' },
      ],
    });
  });

  it('reads suppressions, resolving rule names, and requires a reason', () => {
    const config = parse({ suppressions: [{ rule: 'storage-container-public', resource: '*/stcontosoexports/*', reason: 'press kit is public by design', expires: '2027-01-31' }] });
    expect(config.suppressions).toEqual([
      { rule: 'AZ-STG-002', resource: '*/stcontosoexports/*', reason: 'press kit is public by design', expires: '2027-01-31', source: 'azscan.config.yaml: suppressions[0]' },
    ]);
    expect(() => parse({ suppressions: [{ rule: 'AZ-STG-002', resource: '*' }] })).toThrow(/suppressions\[0\]\.reason: expected string, found nothing/);
    expect(() => parse({ suppressions: [{ rule: 'AZ-STG-002', resource: '*', reason: '  ' }] })).toThrow(/suppressions\[0\]\.reason: a suppression must say why/);
    expect(() => parse({ suppressions: [{ rule: 'AZ-STG-002', resource: '*', reason: 'x', expires: 'next year' }] })).toThrow(/suppressions\[0\]\.expires: expected a date YYYY-MM-DD/);
  });

  it.each([
    [{ rules: { 'AZ-NOPE-1': 'off' } }, /rules\.AZ-NOPE-1: no rule 'AZ-NOPE-1'/],
    [{ rules: { 'AZ-SQL-004': { severity: 'severe' } } }, /rules\.AZ-SQL-004\.severity: expected one of "critical", "high", "medium", "low", found "severe"/],
    [{ rules: { 'AZ-SQL-004': { options: { minimumVersion: '1.1' } } } }, /rules\.AZ-SQL-004\.options\.minimumVersion: expected one of "1\.2", "1\.3", found "1\.1"/],
    [{ rules: { 'AZ-NSG-004': { options: { extraPorts: [{ ports: 'ninety', service: 'x' }] } } } }, /rules\.AZ-NSG-004\.options\.extraPorts\[0\]\.ports: expected a port or a range a-b, got "ninety"/],
    [{ rules: { 'AZ-SQL-001': { options: {} } } }, /rules\.AZ-SQL-001\.options: rule AZ-SQL-001 takes no options/],
    [{ suppressions: 'all' }, /suppressions: expected array/],
    [{ suppressions: [{ rule: 'AZ-NOPE', resource: '*', reason: 'x' }] }, /suppressions\[0\]\.rule: no rule 'AZ-NOPE'/],
  ])('rejects %j in one line naming the path', (document, message) => {
    expect(() => parse(document)).toThrow(InputError);
    expect(() => parse(document)).toThrow(message);
  });

  it('gives a rule that needs a setting its options from the top level, its own options first, and checks them as the rule does', () => {
    expect(parse({ allowedLocations: ['westeurope', ' North Europe '] }).ruleOptions.get('AZ-GOV-001')).toEqual({ allowedLocations: ['westeurope', 'North Europe'] });
    expect(parse({ allowedLocations: ['westeurope'], rules: { 'AZ-GOV-001': { options: { allowedLocations: ['uksouth'] } } } }).ruleOptions.get('AZ-GOV-001')).toEqual({ allowedLocations: ['uksouth'] });
    // An empty list sets nothing: the rule stays off, as without the setting.
    expect(parse({ allowedLocations: [] }).ruleOptions.has('AZ-GOV-001')).toBe(false);
    expect(parse({}).ruleOptions.has('AZ-GOV-001')).toBe(false);
    expect(() => parse({ allowedLocations: 'westeurope' })).toThrow(/^azscan\.config\.yaml: allowedLocations: expected array, found "westeurope"$/);
    expect(() => parse({ allowedLocations: ['westeurope', '  '] })).toThrow(/^azscan\.config\.yaml: allowedLocations\[1\]: /);
  });

  it('warns about keys it does not know, and goes on', () => {
    const config = parse({ rulez: {}, rules: { 'AZ-SQL-004': { severity: 'high', colour: 'red' } }, suppressions: [{ rule: 'AZ-SQL-004', resource: '*', reason: 'x', owner: 'me' }] });
    expect(config.warnings).toEqual([
      'azscan.config.yaml: rulez: unknown key, ignored',
      'azscan.config.yaml: rules.AZ-SQL-004.colour: unknown key, ignored',
      'azscan.config.yaml: suppressions[0].owner: unknown key, ignored',
    ]);
    expect(config.severityOverrides.get('AZ-SQL-004')).toBe('high');
    expect(config.suppressions).toHaveLength(1);
  });
});
