import rule from '../../../rules/storage/storage-container-public.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'account-disallows-containers-unread': {}, 'all-containers-private': {}, 'no-containers': {} },
  fail: {
    'arm-example-container-list': { findings: [{ resource: '/containers/container1644', message: /'Container', blobs can be listed/ }] },
    'blob-level-account-setting-absent': { findings: [{ resource: '/containers/images', message: /'Blob'\)\.$/ }] },
    'two-public-containers': { findings: [{ resource: '/containers/exports' }, { resource: '/containers/press' }] },
    'malformed-container-does-not-hide-public-one': {
      findings: [{ resource: '/containers/exports' }],
      unread: [{ code: 'MalformedProperty', reason: /^'odd': properties\.publicAccess is 5/ }],
    },
  },
  notApplicable: { 'file-storage-account': {} },
  notEvaluated: {
    'containers-not-collected': { code: 'NotCollected', reason: /containers was not collected/ },
    'container-list-failed': { code: 'AuthorizationFailed' },
    'malformed-container-only': { code: 'MalformedProperty', reason: /^'odd'/ },
  },
});
