import rule from '../../../rules/appservice/appservice-ftp-without-tls.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'ftps-only': {}, 'ftp-disabled-lowercase': {} },
  fail: {
    'ftps-state-absent': { findings: [{ message: /ftpsState is not set, read as AllAllowed/, evidencePaths: ['properties.ftpsState'] }] },
    'arm-example-site-config': { findings: [{ resource: '/sites/sitef6141', message: /accepts plain FTP: ftpsState is 'AllAllowed'/ }] },
    'slot-all-allowed': { findings: [{ resource: '/slots/staging' }] },
  },
  notEvaluated: {
    'ftps-state-unknown-value': { code: 'MalformedProperty', reason: /properties.ftpsState/ },
    'config-not-collected': { code: 'NotCollected' },
    'slot-config-read-failed': { code: 'InternalServerError' },
  },
});
