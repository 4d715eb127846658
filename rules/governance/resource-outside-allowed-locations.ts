import { evidence, readString } from '../../src/adapters/setting.js';
import { ANY_TYPE, defineRule, type RuleOptions } from '../../src/model/rule.js';
import type { ArmResource } from '../../src/inventory/types.js';

export interface AllowedLocationsOptions {
  /** Regions resources may be in, as the config file writes them: `westeurope`, `West Europe`. */
  readonly allowedLocations: readonly string[];
}

/**
 * The rule's one option, set from the config file's top-level `allowedLocations` (or the
 * rule's own options); without it the rule is left out: there is no sensible default region.
 */
export const ALLOWED_LOCATIONS_OPTIONS: RuleOptions<AllowedLocationsOptions> = {
  schema: (z) => z.strictObject({ allowedLocations: z.array(z.string().trim().min(1)).min(1, 'expected at least one location') }),
  defaults: { allowedLocations: [] },
  describe: ['allowedLocations: the regions resources may be in, e.g. [westeurope, northeurope]; set with the config file\'s top-level allowedLocations'],
  fromConfig: { setting: 'allowedLocations', needs: 'the allowed locations', example: 'allowedLocations: [westeurope]' },
};

/** ARM writes a region as `westeurope` or `West Europe`; both are the same region. */
function locationKey(location: string): string {
  return location.replace(/\s+/g, '').toLowerCase();
}

/** Resources that are not in any one region. */
const GLOBAL = 'global';

const allowedKeysFor = new WeakMap<AllowedLocationsOptions, ReadonlySet<string>>();
function allowedKeys(options: AllowedLocationsOptions): ReadonlySet<string> {
  let keys = allowedKeysFor.get(options);
  if (!keys) {
    keys = new Set(options.allowedLocations.map(locationKey));
    allowedKeysFor.set(options, keys);
  }
  return keys;
}

export default defineRule<AllowedLocationsOptions>({
  id: 'AZ-GOV-001',
  name: 'resource-outside-allowed-locations',
  title: 'Resource outside the allowed locations',
  severity: 'medium',
  service: 'governance',
  resourceTypes: [ANY_TYPE],
  requires: [],
  description:
    'A resource\'s `location` is not one of the regions in the config file\'s `allowedLocations`, compared without case and spaces (`West Europe` is `westeurope`). Resources in `global` are not applicable; resources without a location are not evaluated by this rule. Off unless `allowedLocations` is set.',
  rationale:
    'Personal data often has to stay in one jurisdiction: a health or contact-tracing backend promised its users that their data never leaves the country. A database replica, a storage account or a log workspace created in another region breaks that promise silently, and it is found in an audit, not by the team that made it.',
  remediation: {
    text: 'Move or re-create the resource in an allowed region (most resources cannot be moved between regions and must be re-created), and assign the built-in Azure Policy "Allowed locations" so that new resources cannot be created elsewhere.',
    az: 'az policy assignment create --name allowed-locations --scope /subscriptions/<subscription-id> --policy e56962a6-4747-49cd-b67b-bf8b01975c4c --params \'{"listOfAllowedLocations":{"value":["<region>"]}}\'',
  },
  references: [
    'https://learn.microsoft.com/azure/governance/policy/samples/built-in-policies#general',
    'https://learn.microsoft.com/azure/azure-resource-manager/management/move-region',
  ],
  compliance: { 'cis-azure-3.0': [], mcsb: ['AM-2'] },
  options: ALLOWED_LOCATIONS_OPTIONS,
  appliesTo: hasLocation,
  check(resource, context) {
    const allowed = allowedKeys(context.options);
    if (allowed.size === 0) {
      context.notApplicable('no allowed locations are configured (set allowedLocations in the config file)');
      return;
    }
    const location = readString(resource, 'location', '');
    const key = locationKey(location.value);
    if (key === GLOBAL) {
      context.notApplicable(`'${resource.name}' is a global resource, in no one region`);
      return;
    }
    if (allowed.has(key)) return;
    const list = context.options.allowedLocations.join(', ');
    context.report({
      message: `Resource '${resource.name}' (${resource.type}) is in '${location.value}', outside the allowed locations (${list}).`,
      evidence: [evidence(location, `allowed: ${list}`)],
    });
  },
});

/** A resource with a `location` to compare; one that is not a string is read, and reported as malformed. */
function hasLocation(resource: ArmResource): boolean {
  const location = resource.raw.location;
  return location !== undefined && location !== null && location !== '';
}
