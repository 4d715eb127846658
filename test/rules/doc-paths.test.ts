/** How the rule tester finds the property paths a rule reads and the ones its doc names (doc-paths.ts). */
import { describe, expect, it } from 'vitest';
import { codeSpans, malformedPath, normalisePath, propertyPathsRead, readsSection } from './doc-paths.js';
import type { Outcome } from '../../src/model/result.js';

describe('the property paths a rule reads', () => {
  it('writes each array index as [] and drops a final one', () => {
    expect(normalisePath('properties.minimumTlsVersion')).toBe('properties.minimumTlsVersion');
    expect(normalisePath('properties.securityRules[2].properties.sourceAddressPrefixes[0]')).toBe('properties.securityRules[].properties.sourceAddressPrefixes');
    expect(normalisePath('properties.condition.allOf[10].anyOf')).toBe('properties.condition.allOf[].anyOf');
    expect(normalisePath('providers/Microsoft.Insights/diagnosticSettings')).toBe('providers/Microsoft.Insights/diagnosticSettings');
  });

  it('finds the path a MalformedProperty reason names, after the names put before it', () => {
    expect(malformedPath('properties.minimalTlsVersion is "TLS banana", expected a TLS version such as TLS1_2 or 1.2')).toBe('properties.minimalTlsVersion');
    expect(malformedPath("'broken': properties.scopes is \"/subscriptions/1\", expected an array")).toBe('properties.scopes');
    expect(malformedPath('load balancer lbe-web: properties.inboundNatRules[0].properties.frontendPort is "x", expected a port number')).toBe('properties.inboundNatRules[0].properties.frontendPort');
    expect(malformedPath('reading failed')).toBeUndefined();
  });

  it('takes the paths of every finding\'s evidence and of every MalformedProperty reason, and no other', () => {
    const evidence = [{ resourceId: '/x', path: 'properties.ipRules[3]' }, { resourceId: '/x', path: 'properties.defaultAction' }];
    const outcomes = [
      { status: 'fail', findings: [{ evidence }] },
      { status: 'error', findings: [], code: 'MalformedProperty', reason: 'properties.publicNetworkAccess is 0, expected a string' },
      { status: 'error', findings: [], code: 'NotCollected', reason: 'Microsoft.EventHub/namespaces/networkRuleSets was not collected' },
    ] as unknown as Outcome[];
    const notEvaluated = [{ code: 'MalformedProperty', reason: "'weird': properties.startIpAddress is \"any\", expected an IPv4 address" }];
    expect([...propertyPathsRead({ outcomes, notEvaluated })].sort()).toEqual(['properties.defaultAction', 'properties.ipRules', 'properties.publicNetworkAccess', 'properties.startIpAddress']);
    expect(() => propertyPathsRead({ outcomes: [], notEvaluated: [{ code: 'MalformedProperty', reason: 'something odd' }] })).toThrow(/names no path/);
  });
});

describe("a doc's '## What it reads'", () => {
  const doc = (reads: string) => ['# AZ-X-001', '## How azscan evaluates it', 'Reads `properties.elsewhere`.', reads, '- `properties.state`: on or off', '', '## Recommendation', 'Turn it on.'].join('\n');

  it('is the section between How azscan evaluates it and Recommendation; its code spans name paths', () => {
    const section = readsSection(doc('## What it reads'));
    expect(section).toEqual({ text: '- `properties.state`: on or off\n' });
    expect(codeSpans('text' in section ? section.text : '')).toEqual(new Set(['properties.state']));
  });

  it('must be there once, in its place', () => {
    expect(readsSection(doc(''))).toEqual({ problem: "the doc has 0 '## What it reads' headings; it needs one" });
    expect(readsSection(doc('## What it reads\n## What it reads'))).toMatchObject({ problem: expect.stringMatching(/has 2/) });
    expect(readsSection(`## What it reads\n${doc('')}`)).toMatchObject({ problem: expect.stringMatching(/belongs after/) });
  });
});
