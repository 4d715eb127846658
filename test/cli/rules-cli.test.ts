import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { BIN, DEMO, ROOT, runCli, runCliInTerminal } from './run-cli.js';

const ids = (json: string): string[] => JSON.parse(json).map((rule: { id: string }) => rule.id);

describe('azscan rules', () => {
  it('shows each rule\'s service and the name --rule takes', () => {
    const run = runCli(['rules']);
    expect(run.status).toBe(0);
    // The SERVICE column is as wide as the longest service id among the rules (containerregistry).
    expect(run.stdout).toMatch(/^ID {10}SEVERITY {2}SERVICE {2,}NAME\b/m);
    for (const rule of RULES) {
      expect(run.stdout).toMatch(new RegExp(`^${rule.id} +${rule.severity}\\+? +${rule.service} +${rule.name}\\b`, 'm'));
    }
    expect(run.stdout).toContain(`${RULES.length} rules. --rule takes the id or the name.`);
  });

  it('filters by --service, --severity (as scan --severity selects) and --compliance, in any case', () => {
    const sql = runCli(['rules', '--service', 'SQL']);
    expect(sql.stdout.match(/^AZ-[A-Z]+-\d{3} /gm)).toEqual(RULES.filter((rule) => rule.service === 'sql').map((rule) => `${rule.id} `));
    expect(sql.stdout).toMatch(/\d+ rules of \d+\./);

    const critical = ids(runCli(['rules', '--severity', 'Critical', '--format', 'json']).stdout);
    const scanned = JSON.parse(runCli(['scan', '--snapshot', DEMO, '--severity', 'critical', '--format', 'json']).stdout).rules.map((rule: { id: string }) => rule.id);
    expect(critical).toEqual(scanned);
    expect(critical).toContain('AZ-NSG-001'); // high, raised to critical when the internet reaches it

    const cis = JSON.parse(runCli(['rules', '--compliance', 'cis-azure-3.0', '--service', 'nsg', '--format', 'json']).stdout);
    expect(cis.length).toBeGreaterThan(0);
    expect(cis.every((rule: { service: string; compliance: Record<string, string[]> }) => rule.service === 'nsg' && rule.compliance['cis-azure-3.0']!.length > 0)).toBe(true);
    expect(cis.length).toBeLessThan(RULES.filter((rule) => rule.service === 'nsg').length);
  });

  it.each([
    ['--service', 'nope', /Allowed choices are nsg, network, sql, postgresql, mysql, cosmosdb, redis, storage, appservice, aks, containerregistry, compute, iothub, keyvault, eventhub, eventgrid, monitor, defender, governance\./],
    ['--severity', 'extreme', /Allowed choices are critical, high, medium, low\./],
    ['--compliance', 'iso27001', /Allowed choices are cis-azure-3\.0, mcsb\./],
  ])('refuses %s %s, listing the choices', (flag, value, choices) => {
    const run = runCli(['rules', flag, value]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^azscan: [^\n]+\n$/);
    expect(run.stderr).toMatch(choices);
  });
});

describe('azscan rules show', () => {
  /** Prose, outside the indented code blocks. */
  const prose = (text: string): string[] => text.split('\n').filter((line) => !line.startsWith('    '));

  it('renders the doc as plain text: no Markdown markup, headings as sections, links with their URL', () => {
    const run = runCli(['rules', 'show', 'AZ-NSG-002']);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toMatch(/\u001b/);
    for (const line of prose(run.stdout)) {
      expect(line).not.toMatch(/\*\*|`|\]\(|^#|^\s*- /);
      // A URL longer than the width cannot be broken.
      if (/\s/.test(line.trim())) expect([...line].length, line).toBeLessThanOrEqual(80);
    }
    expect(run.stdout).toMatch(/^SYNOPSIS$/m);
    expect(run.stdout).toMatch(/^• direction is Inbound and access is Allow\.$/m);
    expect(run.stdout).toMatch(/^• Network security groups overview\n {2}\(https:\/\/learn\.microsoft\.com\/azure\/virtual-network\/network-security-groups-overview\)$/m);
    // Code blocks are indented and not wrapped, so that they can be pasted.
    expect(run.stdout).toMatch(/^ {4}az network nsg rule delete --resource-group <resource-group> --nsg-name <nsg> --name <rule>$/m);
  });

  it('refuses the listing\'s filters, which would do nothing', () => {
    const run = runCli(['rules', 'show', 'AZ-SQL-001', '--service', 'sql']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^azscan: rules show: --service is a flag of 'azscan rules', which lists rules; 'rules show' prints one\n$/);
  });

  it('lays a table out in columns', () => {
    const run = runCli(['rules', 'show', 'AZ-DEF-001']);
    expect(run.stdout).toMatch(/^pricing name {19}plan {30}CIS v3\.0\.0\n─+ {2}─+ {2}─+\nVirtualMachines {16}Servers {27}3\.1\.3\.1$/m);
  });

  it('wraps to the terminal\'s width and colours on a terminal, never with NO_COLOR or --no-color', () => {
    const wide = spawnSync('script', ['-qec', `stty cols 120; '${process.execPath}' '${BIN}' rules show AZ-NSG-002`, '/dev/null'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', TERM: 'xterm-256color' },
      cwd: ROOT,
    }).stdout;
    expect(wide).toMatch(/\u001b\[1mSYNOPSIS\u001b\[22m/);
    const lengths = prose(wide.replace(/\u001b\[[0-9;]*m/g, '').replace(/\r/g, '')).map((line) => [...line].length);
    expect(Math.max(...lengths)).toBeGreaterThan(80);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(120);
    expect(runCliInTerminal(['rules', 'show', 'AZ-NSG-002'], { NO_COLOR: '1' }).stdout).not.toMatch(/\u001b\[/);
    expect(runCliInTerminal(['rules', 'show', 'AZ-NSG-002', '--no-color']).stdout).not.toMatch(/\u001b\[/);
    expect(runCliInTerminal(['rules', '--no-color']).stdout).not.toMatch(/\u001b\[/);
  });
});
