import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import type { Finding, ScanResult } from '../../src/model/result.js';
import { scanInventory } from '../../src/engine/scan.js';
import { inventoryFromSnapshot } from '../../src/inventory/snapshot.js';
import { renderCsv } from '../../src/report/csv.js';
import { fixCommand, shellQuote } from '../../src/report/fix-command.js';
import { renderJson } from '../../src/report/json.js';
import { renderSarif } from '../../src/report/sarif.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { plainText } from './plain-text.js';

const DEMO = join(import.meta.dirname, '..', '..', 'fixtures', 'demo-tenant.json');
const SUBSCRIPTION = '6f1c2a9e-3b7d-4c1e-9a52-0d4e8b7f1a0f';

// Names a shell would act on if they were pasted unquoted: quotes, command substitution,
// backticks, spaces, separators, redirections, globs.
const GROUP = `rg 'x' $(echo INJECTED) \`echo TICK\``;
const NSG = 'nsg";echo DQ;"*';
const RULE = "it's $(echo PWNED) & | ; <in> >out ~";

function scan(resources: unknown[]): ScanResult {
  const document = {
    schemaVersion: 1,
    subscriptions: [{ subscriptionId: SUBSCRIPTION, displayName: 'sub', state: 'Enabled' }],
    collected: ['Microsoft.Network/networkSecurityGroups', 'Microsoft.Storage/storageAccounts'],
    resources,
    errors: [],
  };
  return scanInventory(inventoryFromSnapshot(document, 'x.json'), { rules: RULES.filter((rule) => rule.id === 'AZ-NSG-001' || rule.id === 'AZ-NSG-005' || rule.id === 'AZ-STG-001') });
}

const group = (name: string) => `/subscriptions/${SUBSCRIPTION}/resourceGroups/${name}`;
const nsg = (groupName: string, name: string, ruleName: string) => {
  const id = `${group(groupName)}/providers/Microsoft.Network/networkSecurityGroups/${name}`;
  return {
    id,
    name,
    type: 'Microsoft.Network/networkSecurityGroups',
    properties: {
      securityRules: [
        {
          id: `${id}/securityRules/${ruleName}`,
          name: ruleName,
          properties: { priority: 100, direction: 'Inbound', access: 'Allow', protocol: '*', sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '*' },
        },
      ],
    },
  };
};
const storage = (groupName: string, name: string) => ({
  id: `${group(groupName)}/providers/Microsoft.Storage/storageAccounts/${name}`,
  name,
  type: 'Microsoft.Storage/storageAccounts',
  properties: { allowBlobPublicAccess: true, minimumTlsVersion: 'TLS1_2' },
});

/**
 * The words a POSIX shell makes of a command, without running it: `az` is replaced by a
 * printf of its arguments. The placeholder left for the reader at the end (`<trusted-cidr>`)
 * would be a redirection, so it becomes a plain word first.
 */
function shellArgs(command: string): string[] {
  expect(command.startsWith('az ')).toBe(true);
  const words = command.slice(3).replace(/ <trusted-cidr>$/, ' PLACEHOLDER:trusted-cidr');
  const run = spawnSync('sh', ['-c', `printf '%s\\0' ${words}`], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout.split('\0').slice(0, -1);
}

const findingOf = (result: ScanResult, ruleId: string, name?: string): Finding =>
  result.findings.find((finding) => finding.ruleId === ruleId && (name === undefined || finding.resourceName.endsWith(name)))!;

describe('fix commands with the finding\'s names filled in', () => {
  it('fills the resource group, the NSG and the security rule, each one literal word for the shell', () => {
    const finding = findingOf(scan([nsg(GROUP, NSG, RULE)]), 'AZ-NSG-001');
    const command = fixCommand(finding);
    expect(shellArgs(command)).toEqual(['network', 'nsg', 'rule', 'update', '--resource-group', GROUP, '--nsg-name', NSG, '--name', RULE, '--source-address-prefixes', 'PLACEHOLDER:trusted-cidr']);
  });

  it('quotes a value as one word, a quote inside it written \'\\\'\'', () => {
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    const run = spawnSync('sh', ['-c', `printf '%s\\0' ${shellQuote("a'b $(echo X) `c` \\ d")}`], { encoding: 'utf8' });
    expect(run.stdout).toBe("a'b $(echo X) `c` \\ d\0");
  });

  it('keeps the placeholder of a value a quote cannot hold safely, or longer than any Azure name', () => {
    const result = scan([storage('rg-ok', 'bad\nname'), storage('rg\u001b[2Jbad', 'stokay'), storage('rg-bidi', 'st\u202eevil'), storage('rg-long', `st${'x'.repeat(300)}`)]);
    expect(fixCommand(findingOf(result, 'AZ-STG-001', 'bad\nname'))).toBe("az storage account update --resource-group 'rg-ok' --name <account> --allow-blob-public-access false");
    expect(fixCommand(findingOf(result, 'AZ-STG-001', 'stokay'))).toBe("az storage account update --resource-group <resource-group> --name 'stokay' --allow-blob-public-access false");
    expect(fixCommand(findingOf(result, 'AZ-STG-001', 'st\u202eevil'))).toBe("az storage account update --resource-group 'rg-bidi' --name <account> --allow-blob-public-access false");
    expect(fixCommand(findingOf(result, 'AZ-STG-001', 'xxx'))).toBe("az storage account update --resource-group 'rg-long' --name <account> --allow-blob-public-access false");
  });

  it('keeps the placeholder of a value the finding does not know', () => {
    // AZ-NSG-005 is about the NSG: which of its rules to narrow is the reader's choice.
    const finding = findingOf(scan([nsg('rg-lab', 'nsg-lab', 'allow-all')]), 'AZ-NSG-005');
    expect(fixCommand(finding)).toBe("az network nsg rule update --resource-group 'rg-lab' --nsg-name 'nsg-lab' --name <rule> --source-address-prefixes <trusted-cidr>");
  });

  it('leaves placeholders inside the template\'s own quotes, and quotes a plain word whole', () => {
    const finding = findingOf(scan([storage('rg-a', 'sta')]), 'AZ-STG-001');
    const template = `az x --params '{"group":"<resource-group>"}' --scope /subscriptions/<subscription-id>/resourceGroups/<resource-group> --g "<resource-group>" --n <account>`;
    expect(fixCommand({ ...finding, remediation: { ...finding.remediation, az: template } })).toBe(
      `az x --params '{"group":"<resource-group>"}' --scope '/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-a' --g "<resource-group>" --n 'sta'`,
    );
  });

  it('names a part the evidence names, and parents from the resource id, across the demo tenant', () => {
    const demo = scanInventory(inventoryFromSnapshot(JSON.parse(readFileSync(DEMO, 'utf8')), 'demo.json'), { rules: RULES });
    const command = (ruleId: string, name?: string) => fixCommand(findingOf(demo, ruleId, name));
    // The SQL server's finding: its one internet-wide firewall rule is in the evidence.
    expect(command('AZ-SQL-002')).toBe("az sql server firewall-rule delete --resource-group 'rg-legacy' --server 'sql-contoso-legacy' --name 'AllowAll'");
    // A database's server is its parent; a container's account its grandparent.
    expect(command('AZ-SQL-001')).toBe("az sql db tde set --resource-group 'rg-data' --server 'sql-contoso-prod' --database 'analytics-staging' --status Enabled");
    expect(command('AZ-STG-002', 'daily-exports')).toBe("az storage container set-permission --account-name 'stcontosoexports' --name 'daily-exports' --public-access off --auth-mode login");
    expect(command('AZ-DEF-001', 'Arm')).toBe("az security pricing create --name 'Arm' --tier Standard");
    // The NIC is not the finding's resource: its group is not the public IP's to guess.
    expect(command('AZ-NET-001')).toBe('az network nic ip-config update --resource-group <nic-resource-group> --nic-name <nic> --name <ip-config> --remove publicIpAddress');
  });

  it('is what JSON, CSV and SARIF carry; the terminal shows the template once per rule', () => {
    const result = scan([nsg(GROUP, NSG, RULE)]);
    const finding = findingOf(result, 'AZ-NSG-001');
    const filled = fixCommand(finding);
    expect(filled).not.toBe(finding.remediation.az);
    const json = JSON.parse(plainText(renderJson, result)).findings.find((f: { ruleId: string }) => f.ruleId === 'AZ-NSG-001');
    expect(json.remediation).toEqual({ text: finding.remediation.text, az: filled });
    const row = (parseCsv(plainText(renderCsv, result), { columns: true }) as Array<Record<string, string>>).find((r) => r.rule_id === 'AZ-NSG-001')!;
    expect(row.az_command).toBe(filled);
    const sarif = JSON.parse(plainText(renderSarif, result)).runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'AZ-NSG-001');
    expect(sarif.properties.remediation.az).toBe(filled);
    const terminal = renderTerminal(result, { color: false, width: 300 });
    expect(terminal).toContain(finding.remediation.az);
    expect(terminal).not.toContain(filled);
  });
});
