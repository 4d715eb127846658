import rule from '../../../rules/compute/disk-data-access-auth-off.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'entra-id': {}, 'entra-id-lowercase': {} },
  fail: {
    absent: { findings: [{ resource: '/disks/diskfixture', severity: 'low', message: /^Managed disk 'diskfixture' lets a SAS URI export or import its data without a Microsoft Entra ID sign-in: data access authentication mode not set, which means None\.$/, evidencePaths: ['properties.dataAccessAuthMode'] }] },
    none: { findings: [{ message: /mode 'None'\.$/ }] },
  },
  notEvaluated: {
    'mode-malformed': { code: 'MalformedProperty', reason: /^properties\.dataAccessAuthMode is true, expected a string$/ },
    'disk-list-read-failed': { code: 'ReadTimeout' },
  },
});
