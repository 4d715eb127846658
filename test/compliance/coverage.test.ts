/**
 * docs/cis-coverage.md's promise: every CIS v3.0 control CIS marks automated has an azscan rule,
 * or a reason none can answer it from ARM configuration (one of NO_RULE_REASONS). A rule added
 * for a control makes its reason stale, and a reason without a rule is only for automated
 * controls: both are held here, so the table cannot drift from the catalogue.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { controlsOf } from '../../src/compliance/frameworks.js';
import { NO_RULE_REASONS } from '../../src/model/compliance.js';

const controls = controlsOf('cis-azure-3.0');
const rulesFor = (id: string) => RULES.filter((rule) => rule.compliance['cis-azure-3.0'].includes(id)).map((rule) => rule.id);

describe('CIS v3.0 coverage', () => {
  it('gives every automated control a rule or a reason', () => {
    const neither = controls.filter((control) => control.automated && rulesFor(control.id).length === 0 && control.noRule === undefined);
    expect(neither.map((control) => `${control.id} ${control.title}`)).toEqual([]);
  });

  it('gives no control both a rule and a reason it has none', () => {
    const both = controls.filter((control) => control.noRule !== undefined && rulesFor(control.id).length > 0);
    expect(both.map((control) => `${control.id}: ${rulesFor(control.id).join(', ')}`)).toEqual([]);
  });

  it('gives reasons only to automated controls, each one of the four and explained', () => {
    for (const control of controls.filter((c) => c.noRule !== undefined)) {
      expect(control.automated, control.id).toBe(true);
      expect(Object.keys(NO_RULE_REASONS), control.id).toContain(control.noRule!.reason);
      expect(control.noRule!.why.length, control.id).toBeGreaterThan(40);
    }
  });

  it('maps rules only to controls the catalogue has', () => {
    const ids = new Set(controls.map((control) => control.id));
    const unknown = RULES.flatMap((rule) => rule.compliance['cis-azure-3.0'].filter((id) => !ids.has(id)).map((id) => `${rule.id} → ${id}`));
    expect(unknown).toEqual([]);
  });
});
