import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NSG_TYPE, PUBLIC_IP_TYPE } from '../../src/inventory/arm-types.js';
import { inventoryFromSnapshot } from '../../src/inventory/snapshot.js';
import { describePath, type Endpoint } from '../../src/model/exposure.js';
import { exposureGraph, pathFor } from '../../src/adapters/exposure/graph.js';
import { PortSet } from '../../src/model/ports.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'exposure');
const load = (name: string) => inventoryFromSnapshot(JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')), name);
const summary = (endpoints: readonly Endpoint[]) =>
  endpoints.map((e) => `${e.address} ${e.protocol} ${e.ports.toString()}${e.ports.toString() === e.backendPorts.toString() ? '' : `→${e.backendPorts.toString()}`} ${e.workload.name}`).sort();

describe('the exposure graph', () => {
  it('follows a public IP to a NIC whose own NSG admits ports', () => {
    const { endpoints } = exposureGraph(load('nic-nsg-only')).all();
    expect(summary(endpoints)).toEqual(['20.1.1.1 tcp 22, 443 vm-jump']);
    expect(describePath(endpoints[0]!.path)).toBe('20.1.1.1 (vm-jump-pip) → vm-jump-nic (10.9.1.4) → nsg-jump allowed by allow-ssh (priority 100), allow-https (priority 110) → VM vm-jump');
    // A finding about SSH names only the rule that admits SSH, not every rule on the way.
    expect(describePath(pathFor(endpoints[0]!, PortSet.of([{ from: 22, to: 22 }])))).toBe('20.1.1.1 (vm-jump-pip) → vm-jump-nic (10.9.1.4) → nsg-jump allowed by allow-ssh (priority 100) → VM vm-jump');
  });

  it('applies the subnet NSG when the NIC has none', () => {
    expect(summary(exposureGraph(load('subnet-nsg-only')).all().endpoints)).toEqual(['20.1.1.2 tcp 9200, 9300 vm-search']);
  });

  it('requires both NSGs to allow when both exist: the subnet NSG blocks what the NIC NSG opens', () => {
    const inventory = load('both-nsgs-one-blocks');
    const graph = exposureGraph(inventory);
    expect(summary(graph.all().endpoints)).toEqual(['20.1.1.3 tcp 443 vm-legacy']);
    const legacy = inventory.get('/subscriptions/22222222-3333-4444-5555-666666666666/resourceGroups/rg-exposure/providers/Microsoft.Network/networkSecurityGroups/nsg-legacy-db')!;
    expect(graph.attachment(legacy)).toBe('attached');
    expect(graph.guardsPublicPath(legacy)).toBe(true);
  });

  it('follows a public load balancer\'s rules to every backend, and an inbound NAT rule to one', () => {
    expect(summary(exposureGraph(load('load-balancer-nat-rule')).all().endpoints)).toEqual([
      '20.1.1.4 tcp 50022→22 broker1',
      '20.1.1.4 tcp 8883 broker1',
      '20.1.1.4 tcp 8883 broker2',
    ]);
  });

  it('publishes a public container group\'s ports with no NSG in front, and nothing for a private one', () => {
    expect(summary(exposureGraph(load('container-group-9200')).all().endpoints)).toEqual(['20.1.1.5 tcp 80, 9200 aci-es-debug']);
  });

  it('knows an NSG attached to nothing', () => {
    const inventory = load('nsg-attached-to-nothing');
    expect(exposureGraph(inventory).attachment(inventory.ofType(NSG_TYPE)[0]!)).toBe('unattached');
  });

  it('treats a Standard public IP without any NSG as closed and a Basic one as open, and an unattached one as leading nowhere', () => {
    const inventory = load('no-nsg-standard-and-basic');
    const graph = exposureGraph(inventory);
    expect(summary(graph.all().endpoints)).toEqual(['20.1.1.7 tcp 0-65535 vm-basic', '20.1.1.7 udp 0-65535 vm-basic']);
    const byName = new Map(inventory.ofType(PUBLIC_IP_TYPE).map((pip) => [pip.name, graph.publicIp(pip).status]));
    expect(Object.fromEntries(byName)).toEqual({ 'vm-std-pip': 'closed', 'vm-basic-pip': 'reachable', 'unused-pip': 'unattached' });
  });

  it('applies an NSG rule only to the addresses its destination covers', () => {
    expect(summary(exposureGraph(load('destination-filtered')).all().endpoints)).toEqual(['20.1.1.9 tcp 22 vm-jump2']);
  });

  it('follows a load balancer and an instance public IP to scale set instances, by the NSG of the scale set\'s model', () => {
    const inventory = load('scale-set-behind-load-balancer');
    const graph = exposureGraph(inventory);
    // The NAT rule to SSH on instance 1 is blocked by the instances' NSG: not listed.
    expect(summary(graph.all().endpoints)).toEqual([
      '20.1.2.1 tcp 443 vmss-web_0',
      '20.1.2.1 tcp 443 vmss-web_1',
      '20.1.2.1 tcp 5601 vmss-web_0',
      '20.1.2.1 tcp 5601 vmss-web_1',
      '20.1.2.10 tcp 80, 443, 5601 vmss-web_0',
      // A Flexible scale set's instance is an ordinary VM with a top-level interface.
      '20.1.2.20 tcp 443 vmss-flex_1a2b3c4d',
    ]);
    const kibana = graph.all().endpoints.find((endpoint) => endpoint.address === '20.1.2.1' && endpoint.ports.has(5601))!;
    expect(describePath(kibana.path)).toBe('20.1.2.1 (pip-lbe-web) → load balancer lbe-web TCP 5601 → 5601 (rule rule-5601) → nic-web (10.20.1.4) → nsg-web-nodes allowed by allow-kibana (priority 200) → VM vmss-web_0');
    const nsgs = new Map(inventory.ofType(NSG_TYPE).map((nsg) => [nsg.name, graph.attachment(nsg)]));
    // A scale set scaled to zero still attaches its model's NSG to every instance it will create.
    expect(Object.fromEntries(nsgs)).toEqual({ 'nsg-web-nodes': 'attached', 'nsg-idle': 'attached', 'nsg-orphan': 'unattached', 'nsg-flex': 'attached' });
    expect(graph.guardsPublicPath(inventory.ofType(NSG_TYPE).find((nsg) => nsg.name === 'nsg-web-nodes')!)).toBe(true);
  });

  it('says which scale set\'s interfaces it could not read, and does not call an NSG unattached without the scale sets', () => {
    const document = JSON.parse(readFileSync(join(FIXTURES, 'scale-set-behind-load-balancer.json'), 'utf8'));
    const vmss = document.resources.find((resource: { name: string }) => resource.name === 'vmss-web').id as string;
    document.resources = document.resources.filter((resource: { id: string; type: string }) => !(resource.type === 'Microsoft.Network/networkInterfaces' && resource.id.startsWith(vmss)));
    document.errors = [{ scope: vmss, resourceType: 'Microsoft.Network/networkInterfaces', code: 'AuthorizationFailed', message: 'no read on the scale set' }];
    const inventory = inventoryFromSnapshot(document, 'scale-set-unreadable');
    const graph = exposureGraph(inventory);
    const verdicts = Object.fromEntries(inventory.ofType(PUBLIC_IP_TYPE).map((pip) => [pip.name, graph.publicIp(pip)]));
    expect(verdicts['pip-lbe-web']).toMatchObject({ status: 'unknown', code: 'AuthorizationFailed', reason: expect.stringContaining('scale set vmss-web') });
    expect(verdicts['pip-web']).toMatchObject({ status: 'unknown', code: 'AuthorizationFailed' });

    document.errors = [];
    document.collected = document.collected.filter((type: string) => !type.includes('virtualMachineScaleSets'));
    document.resources = document.resources.filter((resource: { type: string }) => resource.type !== 'Microsoft.Compute/virtualMachineScaleSets');
    const withoutScaleSets = inventoryFromSnapshot(document, 'no-scale-sets');
    const orphan = withoutScaleSets.ofType(NSG_TYPE).find((nsg) => nsg.name === 'nsg-orphan')!;
    expect(exposureGraph(withoutScaleSets).attachment(orphan)).toBe('unknown');
    const lbIp = withoutScaleSets.ofType(PUBLIC_IP_TYPE).find((pip) => pip.name === 'pip-lbe-web')!;
    expect(exposureGraph(withoutScaleSets).publicIp(lbIp)).toMatchObject({ status: 'unknown', code: 'NotCollected' });
  });

  it('follows an application gateway\'s public listeners that its subnet NSG admits to the backends of their routing rules', () => {
    const graph = exposureGraph(load('application-gateway'));
    // 80 is blocked by the gateway subnet's NSG; the 8443 listener is on the private frontend.
    // The backend's own NSG (deny all from the internet) does not see the internet: the gateway connects.
    expect(summary(graph.all().endpoints)).toEqual(['20.1.3.1 tcp 443→5601 vm-kibana', '20.1.3.1 tcp 443→8080 10.30.2.20', '20.1.3.1 tcp 443→8080 api.internal.contoso.com']);
    const api = graph.all().endpoints.find((endpoint) => endpoint.workload.name === 'api.internal.contoso.com')!;
    expect(describePath(api.path)).toBe('20.1.3.1 (pip-agw) → nsg-agw allowed by allow-https (priority 100) → application gateway agw-web HTTPS 443 → HTTP 8080 (listener l-https, rule rule-https) → api.internal.contoso.com');
    // Its NSGs are not rated by these ways in: the subnet NSG sees 443, not the backends' ports.
    expect(api.nsgIds).toEqual([]);
  });

  it('treats a gateway without a subnet NSG as open on every listener, a redirect listener included', () => {
    const document = JSON.parse(readFileSync(join(FIXTURES, 'application-gateway.json'), 'utf8'));
    delete document.resources.find((resource: { name: string }) => resource.name === 'vnet-gateway').properties.subnets[0].properties.networkSecurityGroup;
    const endpoints = exposureGraph(inventoryFromSnapshot(document, 'no-gateway-nsg')).all().endpoints;
    expect(summary(endpoints)).toEqual(['20.1.3.1 tcp 443→5601 vm-kibana', '20.1.3.1 tcp 443→8080 10.30.2.20', '20.1.3.1 tcp 443→8080 api.internal.contoso.com', '20.1.3.1 tcp 80 agw-web']);
    expect(describePath(endpoints.find((endpoint) => endpoint.ports.has(80))!.path)).toBe('20.1.3.1 (pip-agw) → application gateway agw-web HTTP 80 (listener l-http, no backend)');
  });

  it('follows a firewall\'s DNAT rules that the whole internet matches, first rule per port, base policy first', () => {
    const graph = exposureGraph(load('firewall-dnat'));
    // ssh-from-office is from one network only; the child policy's 3389 rule is shadowed by the base policy's.
    // vm-es's own NSG denies the internet but does not see it: the firewall connects.
    expect(summary(graph.all().endpoints)).toEqual([
      '20.1.4.1 tcp 3389 vm-jump',
      '20.1.4.1 tcp 8080→80 app.internal.contoso.com',
      '20.1.4.1 tcp 9200 vm-es',
      '20.1.4.1 udp 53 vm-es',
      '20.1.4.2 tcp 2222→22 vm-jump',
    ]);
    const rdp = graph.all().endpoints.find((endpoint) => endpoint.ports.has(3389))!;
    expect(describePath(rdp.path)).toBe('20.1.4.1 (pip-fw) → firewall fw-hub TCP 3389 → 10.41.1.5:3389 (DNAT rule base-dnat/rdp-any) → vm-jump-nic (10.41.1.5) → VM vm-jump');
  });

  it('names a DNAT target by its address when no interface, or more than one, has it, and says when a policy\'s rules are unreadable', () => {
    const document = JSON.parse(readFileSync(join(FIXTURES, 'firewall-dnat.json'), 'utf8'));
    const jump = document.resources.find((resource: { name: string }) => resource.name === 'vm-jump-nic');
    document.resources.push(JSON.parse(JSON.stringify(jump).replaceAll('vm-jump', 'vm-other')));
    const ambiguous = exposureGraph(inventoryFromSnapshot(document, 'overlapping')).all().endpoints;
    expect(ambiguous.filter((endpoint) => endpoint.ports.has(3389)).map((endpoint) => `${endpoint.workload.kind} ${endpoint.workload.name}`)).toEqual(['address 10.41.1.5']);

    document.collected = document.collected.filter((type: string) => type !== 'Microsoft.Network/firewallPolicies/ruleCollectionGroups');
    const partial = inventoryFromSnapshot(document, 'no-rule-groups');
    const graph = exposureGraph(partial);
    const verdicts = Object.fromEntries(partial.ofType(PUBLIC_IP_TYPE).map((pip) => [pip.name, graph.publicIp(pip)]));
    expect(verdicts['pip-fw']).toMatchObject({ status: 'unknown', code: 'NotCollected', reason: expect.stringContaining('firewall policy policy-base') });
    // The classic firewall's rules are its own: still followed.
    expect(verdicts['pip-fw-classic']).toMatchObject({ status: 'reachable' });
  });

  it('does not drop a gateway listener or DNAT rule it cannot read: the public IP becomes unknown', () => {
    const gateway = JSON.parse(readFileSync(join(FIXTURES, 'application-gateway.json'), 'utf8'));
    const agw = gateway.resources.find((resource: { name: string }) => resource.name === 'agw-web');
    agw.properties.backendHttpSettingsCollection = agw.properties.backendHttpSettingsCollection.filter((setting: { name: string }) => setting.name !== 'set-kibana');
    const gatewayInventory = inventoryFromSnapshot(gateway, 'settings-missing');
    expect(exposureGraph(gatewayInventory).publicIp(gatewayInventory.ofType(PUBLIC_IP_TYPE)[0]!)).toMatchObject({
      status: 'unknown',
      code: 'MalformedProperty',
      reason: 'application gateway agw-web: routing rule rule-https of listener l-https names backend settings that are not there or have no port',
    });

    const firewall = JSON.parse(readFileSync(join(FIXTURES, 'firewall-dnat.json'), 'utf8'));
    const classic = firewall.resources.find((resource: { name: string }) => resource.name === 'fw-classic');
    delete classic.properties.natRuleCollections[0].properties.rules[0].translatedPort;
    const firewallInventory = inventoryFromSnapshot(firewall, 'dnat-without-port');
    const pip = firewallInventory.ofType(PUBLIC_IP_TYPE).find((resource) => resource.name === 'pip-fw-classic')!;
    expect(exposureGraph(firewallInventory).publicIp(pip)).toMatchObject({ status: 'unknown', code: 'MalformedProperty', reason: expect.stringContaining('DNAT rule natrulecoll/ssh-jump') });
  });

  it('lists endpoints as a scan of the addresses would: IPv4 numerically, then protocol, port and workload', () => {
    const document = JSON.parse(readFileSync(join(FIXTURES, 'scale-set-behind-load-balancer.json'), 'utf8'));
    document.resources.find((resource: { name: string }) => resource.name === 'pip-lbe-web').properties.ipAddress = '20.1.2.100';
    const order = exposureGraph(inventoryFromSnapshot(document, 'renumbered'))
      .all()
      .endpoints.map((endpoint) => `${endpoint.address} ${endpoint.ports.ranges[0]!.from} ${endpoint.workload.name}`);
    expect(order).toEqual([
      '20.1.2.10 80 vmss-web_0',
      '20.1.2.20 443 vmss-flex_1a2b3c4d',
      '20.1.2.100 443 vmss-web_0',
      '20.1.2.100 443 vmss-web_1',
      '20.1.2.100 5601 vmss-web_0',
      '20.1.2.100 5601 vmss-web_1',
    ]);
  });

  it('says what it could not follow rather than guessing', () => {
    const document = JSON.parse(readFileSync(join(FIXTURES, 'nic-nsg-only.json'), 'utf8'));
    document.collected = document.collected.filter((type: string) => type !== 'Microsoft.Network/networkInterfaces');
    document.resources = document.resources.filter((resource: { type: string }) => resource.type !== 'Microsoft.Network/networkInterfaces');
    const inventory = inventoryFromSnapshot(document, 'partial');
    const graph = exposureGraph(inventory);
    expect(graph.publicIp(inventory.ofType(PUBLIC_IP_TYPE)[0]!)).toMatchObject({ status: 'unknown', code: 'NotCollected' });
    expect(graph.attachment(inventory.ofType(NSG_TYPE)[0]!)).toBe('unknown');
  });
});
