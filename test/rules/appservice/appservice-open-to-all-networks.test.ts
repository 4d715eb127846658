import rule from '../../../rules/appservice/appservice-open-to-all-networks.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: {
    'public-access-disabled-config-not-collected': {},
    'config-public-access-disabled': {},
    'deny-all-before-allow-all': {},
    'allow-rules-no-default-action': {},
    'vnet-rule-only': {},
    'ranges-default-deny': {},
  },
  fail: {
    'arm-example-site-config': {
      findings: [
        {
          message: /accepts connections from all networks on its site and its SCM \(Kudu\) site\.$/,
          evidencePaths: ['properties.publicNetworkAccess', 'properties.ipSecurityRestrictionsDefaultAction', 'properties.scmIpSecurityRestrictionsDefaultAction'],
        },
      ],
    },
    'default-allow-all-entry': { findings: [{ message: /on its site\.$/, evidencePaths: ['properties.ipSecurityRestrictions[0].ipAddress'] }] },
    'scm-own-rules-default-allow': { findings: [{ message: /on its SCM \(Kudu\) site\.$/, evidencePaths: ['properties.scmIpSecurityRestrictions[0].ipAddress', 'properties.scmIpSecurityRestrictionsDefaultAction'] }] },
    'scm-inherits-open-main': {
      findings: [{ message: /on its site and its SCM \(Kudu\) site \(it uses the main site's rules\)/, evidencePaths: ['properties.ipSecurityRestrictions[0].ipAddress'] }],
    },
    'slot-default-allow': { findings: [{ resource: '/slots/staging', message: /on its site\.$/ }] },
  },
  notEvaluated: {
    'ip-address-malformed': { code: 'MalformedProperty', reason: /properties.ipSecurityRestrictions\[0\].ipAddress/ },
    'default-action-malformed': { code: 'MalformedProperty', reason: /properties.ipSecurityRestrictionsDefaultAction/ },
    'config-not-collected': { code: 'NotCollected' },
  },
});
