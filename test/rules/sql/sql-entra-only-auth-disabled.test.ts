import rule from '../../../rules/sql/sql-entra-only-auth-disabled.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: {
    'entra-only-on': {},
    'entra-only-string-true': {},
    'arm-example-entra-only-get': {},
    // No Default setting, but the server's own administrators.azureADOnlyAuthentication is true.
    'setting-absent-server-property-true': {},
  },
  fail: {
    'entra-only-off': { findings: [{ resource: '/servers/sql-fixture', message: /accepts SQL authentication as well as Microsoft Entra ID \(Entra-only authentication is off\)\.$/, evidencePaths: ['properties.azureADOnlyAuthentication'] }] },
    'entra-only-property-absent': { findings: [{ message: /Entra-only authentication is not set/ }] },
    'setting-absent-where-collected': { findings: [{ message: /has no azureADOnlyAuthentications\/Default setting/ }] },
    'setting-absent-server-property-false': { findings: [{ message: /its administrators\.azureADOnlyAuthentication is off/, evidencePaths: ['properties.administrators.azureADOnlyAuthentication'] }] },
    // Where both exist, the setting wins over the server's property.
    'setting-off-server-property-true': { findings: [{ message: /Entra-only authentication is off/ }] },
  },
  notEvaluated: {
    'setting-not-collected': { code: 'NotCollected', reason: /azureADOnlyAuthentications was not collected/ },
    'setting-read-failed': { code: 'ResourceNotFound' },
    'value-malformed': { code: 'MalformedProperty', reason: /azureADOnlyAuthentication is "yes"/ },
  },
});
