import rule from '../../../rules/governance/resource-outside-allowed-locations.js';
import { testRule } from '../rule-tester.js';

const options = { allowedLocations: ['westeurope', 'North Europe'] };

testRule(rule, {
  pass: {
    'in-allowed-location': { options },
    'display-name-spelling': { options: { allowedLocations: ['West Europe', 'northeurope'] } },
  },
  fail: {
    'outside-allowed-locations': {
      options,
      findings: [
        { resource: '/storageAccounts/stcontosous', message: /^Resource 'stcontosous' \(Microsoft\.Storage\/storageAccounts\) is in 'eastus', outside the allowed locations \(westeurope, North Europe\)\.$/, evidencePaths: ['location'] },
        { resource: '/servers/sql-contoso-replica', message: /is in 'East US 2'/ },
      ],
    },
    'arm-example-iothub': { options, findings: [{ resource: '/IotHubs/testHub', message: /is in 'centraluseuap'/ }] },
  },
  notApplicable: {
    'global-resource': { options, reason: /global resource/ },
    // The CLI leaves the rule out without allowedLocations; evaluated anyway, it has nothing to compare with.
    'no-allowed-locations-configured': { reason: /no allowed locations are configured/ },
  },
  notEvaluated: {
    'location-malformed': { options, code: 'MalformedProperty', reason: /^location is/ },
    'read-failed': { options, code: 'AuthorizationFailed' },
  },
});
