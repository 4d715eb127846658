import rule from '../../../rules/storage/datalake-nfsv3-enabled.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'nfs-off': {}, 'arm-example-account': {} },
  fail: {
    'nfs-with-default-allow': {
      findings: [{ resource: '/storageAccounts/stfixturelake', severity: 'high', message: /^Data Lake Gen2 account 'stfixturelake' accepts NFS 3\.0, which authenticates nobody; default network action Allow, so every network that can route to it may mount it\.$/, evidencePaths: ['properties.isNfsV3Enabled', 'properties.publicNetworkAccess', 'properties.networkAcls.defaultAction'] }],
    },
    'nfs-without-network-rules': { findings: [{ severity: 'high', message: /default network action Allow \(no network rules set\), so every network/ }] },
    'nfs-with-default-deny': { findings: [{ severity: 'medium', message: /default network action Deny, so only the networks its rules allow may mount it\.$/ }] },
    'nfs-private-endpoints-only': { findings: [{ severity: 'medium', message: /public network access is Disabled, so only private endpoints reach it\.$/ }] },
  },
  notApplicable: { 'no-hierarchical-namespace': { reason: /not a Data Lake Gen2 account/ } },
  notEvaluated: { 'nfs-malformed': { code: 'MalformedProperty', reason: /isNfsV3Enabled is "v3"/ } },
});
