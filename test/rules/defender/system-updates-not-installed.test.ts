import rule from '../../../rules/defender/system-updates-not-installed.js';
import { testRule } from '../rule-tester.js';

const VMS = '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-fixture/providers/Microsoft.Compute/virtualMachines';

testRule(rule, {
  pass: {
    'healthy-and-not-applicable': {},
    'other-recommendation-unhealthy': {},
    'status-other-case': {},
  },
  fail: {
    'one-machine-unhealthy': {
      findings: [
        {
          resource: `${VMS}/vm-web`,
          message: /^Defender for Cloud reports missing system updates on 'vm-web' in subscription 'contoso-fixture': 'System updates should be installed on your machines \(powered by Azure Update Manager\)' is Unhealthy\.$/,
          evidencePaths: ['properties.status.code'],
        },
      ],
    },
    'both-recommendations-unhealthy': {
      findings: [
        { resource: `${VMS}/vm-web`, message: /: 'System updates should be installed on your machines' is Unhealthy; 'System updates should be installed on your machines \(powered by Azure Update Manager\)' is Unhealthy\.$/, evidencePaths: ['properties.status.code', 'properties.status.code'] },
        { resource: `${VMS}/vm-db`, message: /on 'vm-db' in subscription 'contoso-fixture': '4ab6e3c5-74dd-8b35-9ab9-f61b30875b27' is Unhealthy\.$/, evidencePaths: ['properties.status.code'] },
      ],
    },
    'unhealthy-beside-malformed': {
      findings: [{ resource: `${VMS}/vm-web`, message: /on 'vm-web'/, evidencePaths: ['properties.status.code'] }],
      unread: [{ code: 'MalformedProperty', reason: /^'e1145ab1-eb4f-43d8-911b-36ddf771d13f': properties\.status\.code is 7, expected Healthy, Unhealthy or NotApplicable$/ }],
    },
  },
  notApplicable: {
    'no-assessments': { reason: /has no system-updates assessment in the subscription/ },
    'only-not-applicable': { reason: /^every system-updates assessment in the subscription is NotApplicable$/ },
  },
  notEvaluated: {
    'status-malformed': { code: 'MalformedProperty', reason: /properties\.status\.code is "Unknown", expected Healthy, Unhealthy or NotApplicable/ },
    'status-absent': { code: 'MalformedProperty', reason: /properties\.status\.code is missing/ },
    'assessments-not-collected': { code: 'NotCollected' },
    'assessments-read-failed': { code: 'AuthorizationFailed' },
  },
});
