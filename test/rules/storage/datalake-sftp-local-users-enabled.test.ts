import rule from '../../../rules/storage/datalake-sftp-local-users-enabled.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'sftp-off': {}, 'sftp-absent': {}, 'sftp-on-local-users-off': {}, 'arm-example-account': {} },
  fail: {
    'sftp-with-local-users': {
      findings: [{ resource: '/storageAccounts/stfixturelake', message: /^Data Lake Gen2 account 'stfixturelake' accepts SFTP sign-ins from local users, identities outside Microsoft Entra ID\.$/, evidencePaths: ['properties.isSftpEnabled', 'properties.isLocalUserEnabled'] }],
    },
    'local-users-absent': { findings: [{ message: /isLocalUserEnabled is not set, which is read as enabled/ }] },
  },
  notApplicable: { 'no-hierarchical-namespace': { reason: /not a Data Lake Gen2 account/ }, 'hierarchical-namespace-off': { reason: /not a Data Lake Gen2 account/ } },
  notEvaluated: {
    'sftp-malformed': { code: 'MalformedProperty', reason: /isSftpEnabled is "enabled"/ },
    'hierarchical-namespace-malformed': { code: 'MalformedProperty', reason: /isHnsEnabled is 1/ },
  },
});
