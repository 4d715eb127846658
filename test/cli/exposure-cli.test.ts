import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO, runCli } from './run-cli.js';

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
    expect(run.stdout).toMatch(/20\.54\.120\.10 TCP 9200, 9300: 9200 \(Elasticsearch HTTP\)/);
    expect(run.stdout).toMatch(/20\.54\.120\.20 TCP 50022 → 22: 22 \(SSH\)/);
    expect(run.stdout).toMatch(/container group aci-kibana-debug/);
    // The legacy database's 1433 is allowed by its NIC's NSG and denied by its subnet's.
    expect(run.stdout).not.toMatch(/1433/);
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

  it('rejects an unknown format with a one-line error and exit 2', () => {
    const run = runCli(['exposure', '--snapshot', DEMO, '--format', 'sarif']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^azscan: option '--format <name>' argument 'sarif' is invalid\. Allowed choices are table, json\.\n$/);
  });

  it('writes to --output and nothing to stdout', () => {
    const out = join(dir, 'exposure.json');
    const run = runCli(['exposure', '--snapshot', DEMO, '--format', 'json', '--output', out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).endpoints).toHaveLength(6);
  });
});
