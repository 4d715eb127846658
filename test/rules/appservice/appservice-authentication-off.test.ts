import rule from '../../../rules/appservice/appservice-authentication-off.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'entra-sign-in-required': {}, 'site-and-slot-string-true': {}, 'on-allow-anonymous': {} },
  fail: {
    'authentication-off': { findings: [{ message: /Web app 'app-fixture' has App Service Authentication off/, evidencePaths: ['properties.platform.enabled'] }] },
    'platform-absent': { findings: [{ evidencePaths: ['properties.platform.enabled'] }] },
    'slot-off': { findings: [{ resource: '/slots/staging', message: /slot 'app-fixture\/staging' has App Service Authentication off/ }] },
  },
  notEvaluated: {
    'enabled-malformed': { code: 'MalformedProperty', reason: /properties.platform.enabled/ },
    'platform-malformed': { code: 'MalformedProperty', reason: /properties.platform/ },
    // config/web (Microsoft.Web/sites/config) was read, authsettingsV2 was not: never "absent, so off".
    'only-config-web-collected': { code: 'NotCollected', reason: /authsettingsV2/ },
    'auth-settings-read-forbidden': { code: 'AuthorizationFailed' },
    // Site and slot: config/web came back, authsettingsV2 did not: the same ARM type is no stand-in.
    'config-web-read-auth-missing': { code: 'MissingChild', reason: /authsettingsV2/ },
  },
});
