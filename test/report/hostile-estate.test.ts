/**
 * Hostile text in the services issue 11 added, through every report. Each of their live
 * tenants (App Service, AKS and Container Registry, Cosmos DB and Redis, the flexible servers,
 * VMs and disks, Defender, Key Vault and logging) is scanned with every resource's name — and
 * every string a finding may quote from the resource, such as a host name, an IP rule or a
 * server parameter — replaced by text that would do harm if printed as it is: escape
 * sequences, C1 controls, bidi overrides, a spreadsheet formula, Markdown and HTML. Every
 * format must show it only as printable, inert text, and the JSON must keep it exactly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { scanInventory } from '../../src/engine/scan.js';
import { inventoryFromSnapshot } from '../../src/inventory/snapshot.js';
import { REPORTERS, reportText } from '../../src/report/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const TENANTS = ['appservice', 'containers', 'cosmos-redis', 'flexible-servers', 'compute', 'security', 'kv-logging'];

const HOSTILE = "=cmd|' /C calc'!A0\u001b[2J\u001b]0;owned\u0007\u009b31m\u202eexe.txt\u2066 <img src=x onerror=alert(1)> [x](javascript:alert(1)) a|b\nCRITICAL (0)";
const UNSHOWABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

type Json = Record<string, unknown>;

/**
 * The tenant with every resource's `name`, and every string property that is not an id, a
 * type, an enum-like setting or a number in text, suffixed with HOSTILE. Ids stay, so that
 * parents and children still find each other; settings stay, so that rules still fail.
 */
function hostileTenant(file: string): Json {
  const tenant = JSON.parse(readFileSync(join(ROOT, 'fixtures', 'live', `${file}-tenant.json`), 'utf8')) as Json & { resources: Json[] };
  for (const resource of tenant.resources) {
    if (typeof resource.name === 'string') resource.name = `${resource.name}${HOSTILE}`;
    const properties = resource.properties as Json | undefined;
    // Free text a finding may quote: descriptions, display names, host names and contacts.
    for (const key of ['displayName', 'description', 'defaultHostName', 'loginServer', 'fqdn', 'hostName', 'emails', 'roleName']) {
      if (properties && typeof properties[key] === 'string') properties[key] = `${properties[key] as string}${HOSTILE}`;
    }
  }
  return tenant;
}

describe('hostile text in the issue 11 services, through every report', () => {
  for (const file of TENANTS) {
    describe(file, () => {
      const result = scanInventory(inventoryFromSnapshot(hostileTenant(file), `${file} (hostile)`), { rules: RULES });
      const render = (format: keyof typeof REPORTERS) => reportText(REPORTERS[format], result, { color: false, verbose: true });

      it('has findings that carry the hostile text, so the formats below are put to the test', () => {
        const quoted = result.findings.filter((finding) => finding.message.includes('\u202e') || finding.resourceName?.includes('\u202e'));
        expect(quoted.length).toBeGreaterThan(0);
      });

      it('json keeps it exactly, and shows no control or bidi character', () => {
        const text = render('json');
        expect(text).not.toMatch(UNSHOWABLE);
        const report = JSON.parse(text) as { findings: Array<{ message: string }> };
        expect(report.findings.some((finding) => finding.message.includes(HOSTILE))).toBe(true);
      });

      it('jsonl keeps it exactly, one record a line, and shows no control or bidi character', () => {
        const text = render('jsonl');
        expect(text).not.toMatch(UNSHOWABLE);
        const records = text.trimEnd().split('\n').map((line) => JSON.parse(line) as { kind: string; message?: string });
        expect(records.length).toBe(result.findings.length + result.notEvaluated.length + result.collectionErrors.length + 1);
        expect(records.at(-1)!.kind).toBe('summary');
        expect(records.some((record) => record.kind === 'finding' && record.message!.includes(HOSTILE))).toBe(true);
      });

      for (const format of ['table', 'markdown', 'sarif', 'junit'] as const) {
        it(`${format} shows only printable text`, () => {
          const text = render(format);
          expect(text).not.toMatch(UNSHOWABLE);
          expect(text).not.toContain('owned\u0007');
          expect(text).not.toMatch(/^CRITICAL \(0\)$/m);
        });
      }

      it('csv never starts a cell with a formula, and shows only printable text', () => {
        const text = render('csv');
        expect(text.replace(/\r?\n/g, '')).not.toMatch(UNSHOWABLE);
        const rows = parseCsv(text, { columns: true }) as Array<Record<string, string>>;
        expect(rows).toHaveLength(result.findings.length);
        for (const row of rows) for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+\-@\t\r＝＋－＠]/);
      });

      it('html adds no element of its own making', () => {
        const text = render('html');
        expect(text).not.toMatch(UNSHOWABLE);
        expect(text).not.toMatch(/<img\b/i);
        expect(text).not.toMatch(/href="javascript:/i);
        expect(text).toContain('&lt;img src=x onerror=alert(1)&gt;');
      });
    });
  }
});
