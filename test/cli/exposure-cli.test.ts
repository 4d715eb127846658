import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, DEMO, ROOT, runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'azscan-exposure-'));

interface JsonEndpoint {
  address: string;
  protocol: string;
  ports: Array<{ from: number; to: number }>;
  backendPorts: Array<{ from: number; to: number }>;
  services: string[];
  workload: { kind: string; name: string };
  allowedBy: Array<{ nsgId: string; rule: string; priority: number; ports: Array<{ from: number; to: number }> }>;
  path: Array<{ kind: string; name: string }>;
}

function exposureJson(args: string[]): { status: number | null; report: { endpoints: JsonEndpoint[]; unknown: Array<{ id: string; code: string }> } } {
  const run = runCli(['exposure', '--format', 'json', ...args]);
  return { status: run.status, report: JSON.parse(run.stdout) };
}

describe('azscan exposure --snapshot', () => {
  it('lists what the internet reaches in the demo tenant, and not what an NSG blocks', () => {
    const run = runCli(['exposure', '--snapshot', DEMO]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Reachable from the internet \(6\)/);
    // A table: the columns, then each endpoint's ports once (sensitive ones marked) and the services on them by name.
    expect(run.stdout).toMatch(/^ADDRESS +PROTO +PORTS +SERVICES +WORKLOAD\n +WAY IN$/m);
    expect(run.stdout).toMatch(/^20\.54\.120\.10 +TCP +9200!, 9300! +Elasticsearch HTTP,/m);
    expect(run.stdout).toMatch(/^20\.54\.120\.20 +TCP +50022 → 22! +SSH +VM vm-mqtt-broker$/m);
    expect(run.stdout).toMatch(/container group\s+aci-kibana-debug/);
    // The legacy database's 1433 is allowed by its NIC's NSG and denied by its subnet's (the SQL servers' 1433 is a platform endpoint, listed apart).
    const addresses = run.stdout.split('Platform endpoints (')[0]!;
    expect(addresses).not.toMatch(/1433/);
    expect(run.stdout).not.toMatch(/vm-legacy-db/);
  });

  it('reports each endpoint with its ports, services, workload and the NSG rules that allow it, as JSON', () => {
    const { status, report } = exposureJson(['--snapshot', DEMO]);
    expect(status).toBe(0);
    expect(report.unknown).toEqual([]);
    const nat = report.endpoints.find((endpoint) => endpoint.address === '20.54.120.20' && endpoint.ports[0]!.from === 50022);
    expect(nat).toMatchObject({ protocol: 'tcp', backendPorts: [{ from: 22, to: 22 }], services: ['22 (SSH)'], workload: { kind: 'vm', name: 'vm-mqtt-broker' } });
    expect(nat!.allowedBy).toEqual([expect.objectContaining({ rule: 'allow-ssh-anywhere', priority: 120, ports: [{ from: 22, to: 22 }] })]);
    expect(nat!.path.map((step) => step.kind)).toContain('load-balancer');
    // Sorted by address, then protocol, then port: the order an attacker's scan would list them.
    const order = report.endpoints.map((endpoint) => `${endpoint.address} ${endpoint.protocol} ${endpoint.ports[0]!.from}`);
    expect(order).toEqual([
      '20.54.120.10 tcp 9200',
      '20.54.120.11 tcp 22',
      '20.54.120.11 udp 22',
      '20.54.120.20 tcp 8883',
      '20.54.120.20 tcp 50022',
      '20.54.120.30 tcp 5601',
    ]);
  });

  it('exits 3 and names the public IPs it could not follow when network interfaces were not read', () => {
    const demo = JSON.parse(readFileSync(DEMO, 'utf8'));
    demo.collected = demo.collected.filter((type: string) => type !== 'Microsoft.Network/networkInterfaces');
    demo.resources = demo.resources.filter((resource: { type: string }) => resource.type !== 'Microsoft.Network/networkInterfaces');
    const path = join(dir, 'no-nics.json');
    writeFileSync(path, JSON.stringify(demo));
    const { status, report } = exposureJson(['--snapshot', path]);
    expect(status).toBe(3);
    expect(report.unknown.map((entry) => entry.id.split('/').pop())).toEqual(expect.arrayContaining(['vm-elastic-01-pip', 'vm-mqtt-broker-pip']));
    // The container group needs no interface: it is still listed.
    expect(report.endpoints.map((endpoint) => endpoint.workload.name)).toContain('aci-kibana-debug');
    const table = runCli(['exposure', '--snapshot', path]);
    expect(table.status).toBe(3);
    expect(table.stdout).toMatch(/Not followed \(\d+\)/);
    expect(runCli(['exposure', '--snapshot', path, '--allow-partial']).status).toBe(0);
  });

  it('rejects an unknown format with a one-line error and exit 2, and takes a known one in any case', () => {
    const run = runCli(['exposure', '--snapshot', DEMO, '--format', 'sarif']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe("azscan: option '--format <name>' argument 'sarif' is invalid. Allowed choices are table, json, csv, markdown, html.\n");
    const json = runCli(['exposure', '--snapshot', DEMO, '--format', 'JSON']);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout).schemaVersion).toBe(1);
  });

  it('writes to --output and nothing to stdout', () => {
    const out = join(dir, 'exposure.json');
    const run = runCli(['exposure', '--snapshot', DEMO, '--format', 'json', '--output', out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).endpoints).toHaveLength(6);
  });

  it('writes the --format chosen to --output: csv, markdown, html and the table', () => {
    const written = (format: string) => {
      const out = join(dir, `exposure-${format}.out`);
      const run = runCli(['exposure', '--snapshot', DEMO, '--format', format, '--output', out]);
      expect(run).toMatchObject({ status: 0, stdout: '', stderr: '' });
      return readFileSync(out, 'utf8');
    };
    expect(written('csv')).toMatch(/^status,address,protocol,ports,services,sensitive,workload,way_in,frontend_id,code,reason\r\n/);
    expect(written('markdown')).toMatch(/^## azscan exposure: 6 reachable from the internet/);
    expect(written('html')).toMatch(/^<!DOCTYPE html>/);
    // A file is no terminal: no colour, 80 columns.
    const table = written('table');
    expect(table).not.toMatch(/\u001b/);
    expect(Math.max(...table.split('\n').map((line) => line.length))).toBeLessThanOrEqual(80);
  });

  it('names UDP 22 in the table as it does in the JSON: by number, not as SSH', () => {
    const { report } = exposureJson(['--snapshot', DEMO]);
    const udp = report.endpoints.find((endpoint) => endpoint.protocol === 'udp')!;
    expect(udp.services).toEqual([]);
    expect(runCli(['exposure', '--snapshot', DEMO]).stdout).toMatch(/^20\.54\.120\.11 +UDP +22 +— +VM vm-mqtt-broker$/m);
  });
});

/** The demo's container group alone, publishing `ports`: no public IP, so nothing is left unfollowed. */
function containerGroupOnly(name: string, ports: Array<{ port: number; protocol: string }>, options: { withoutNics?: boolean } = {}): string {
  const demo = JSON.parse(readFileSync(DEMO, 'utf8'));
  const group = demo.resources.find((resource: { type: string }) => resource.type === 'Microsoft.ContainerInstance/containerGroups');
  group.properties.ipAddress.ports = ports;
  group.properties.containers[0].properties.ports = ports;
  if (options.withoutNics) {
    // The public IPs stay, and cannot be followed: the list is incomplete.
    demo.collected = demo.collected.filter((type: string) => type !== 'Microsoft.Network/networkInterfaces');
    demo.resources = demo.resources.filter(
      (resource: { type: string }) => resource === group || resource.type === 'Microsoft.Network/publicIPAddresses' || resource.type === 'Microsoft.Network/loadBalancers',
    );
  } else {
    demo.resources = [group];
  }
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(demo));
  return path;
}

describe('azscan exposure --fail-on', () => {
  const harmless = containerGroupOnly('harmless', [
    { port: 80, protocol: 'TCP' },
    { port: 22, protocol: 'UDP' },
  ]);

  it('exits 1 when a sensitive port is reachable, and not for HTTP or a UDP port', () => {
    expect(runCli(['exposure', '--snapshot', DEMO, '--fail-on', 'sensitive']).status).toBe(1);
    const run = runCli(['exposure', '--snapshot', harmless, '--fail-on', 'sensitive']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Reachable from the internet \(2\)\n/);
  });

  it('exits 1 with any when anything is reachable, and 0 when nothing is', () => {
    expect(runCli(['exposure', '--snapshot', harmless, '--fail-on', 'any']).status).toBe(1);
    const closed = containerGroupOnly('closed', []);
    expect(runCli(['exposure', '--snapshot', closed, '--fail-on', 'any']).status).toBe(0);
  });

  it('takes the value in any case, and rejects an unknown one with exit 2 before reading anything', () => {
    expect(runCli(['exposure', '--snapshot', DEMO, '--fail-on', 'Sensitive']).status).toBe(1);
    expect(runCli(['exposure', '--snapshot', harmless, '--fail-on', 'ANY']).status).toBe(1);
    const run = runCli(['exposure', '--snapshot', join(dir, 'no-such-file.json'), '--fail-on', 'critical']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe("azscan: option '--fail-on <what>' argument 'critical' is invalid. Allowed choices are sensitive, any.\n");
  });

  it('exits 1 rather than 3 when the list is incomplete but what it found meets --fail-on, as scan does', () => {
    const incomplete = containerGroupOnly('incomplete-kibana', [{ port: 5601, protocol: 'TCP' }], { withoutNics: true });
    expect(runCli(['exposure', '--snapshot', incomplete]).status).toBe(3);
    expect(runCli(['exposure', '--snapshot', incomplete, '--fail-on', 'sensitive']).status).toBe(1);
    const incompleteHarmless = containerGroupOnly('incomplete-http', [{ port: 80, protocol: 'TCP' }], { withoutNics: true });
    expect(runCli(['exposure', '--snapshot', incompleteHarmless, '--fail-on', 'sensitive']).status).toBe(3);
    expect(runCli(['exposure', '--snapshot', incompleteHarmless, '--fail-on', 'sensitive', '--allow-partial']).status).toBe(0);
  });
});

/** Runs the CLI under a pseudo-terminal `columns` wide (util-linux `script`, then `stty`). */
function runInTerminalOfWidth(columns: number, args: readonly string[]): { status: number | null; stdout: string } {
  const command = [process.execPath, BIN, ...args].map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ');
  const result = spawnSync('script', ['-qec', `stty cols ${columns}; ${command}`, '/dev/null'], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', TERM: 'xterm-256color' },
    cwd: ROOT,
  });
  return { status: result.status, stdout: result.stdout };
}

describe('azscan exposure on a terminal', () => {
  const visible = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '').replace(/\r/g, '');

  it('fits the terminal\'s width, giving the way in a column when there is room', () => {
    const wide = runInTerminalOfWidth(160, ['exposure', '--snapshot', DEMO]);
    expect(wide.status).toBe(0);
    const lines = visible(wide.stdout).split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/^ADDRESS +PROTO +PORTS +SERVICES +WORKLOAD +WAY IN$/));
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(160);
    expect(Math.max(...lines.map((line) => line.length))).toBeGreaterThan(100);
    const narrow = visible(runInTerminalOfWidth(64, ['exposure', '--snapshot', DEMO]).stdout).split('\n');
    expect(Math.max(...narrow.map((line) => line.length))).toBeLessThanOrEqual(64);
  });

  it('colours sensitive ports red besides marking them, and explains the mark in a legend', () => {
    const run = runInTerminalOfWidth(100, ['exposure', '--snapshot', DEMO]);
    expect(run.stdout).toContain('\u001b[31m\u001b[1m9200!,\u001b[22m\u001b[39m');
    expect(visible(run.stdout)).toMatch(/^ +! a sensitive TCP port/m);
    // UDP 22 is no sensitive port: neither marked nor coloured.
    expect(visible(run.stdout)).toMatch(/^20\.54\.120\.11 +UDP +22 +/m);
  });
});
