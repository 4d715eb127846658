import rule from '../../../rules/monitor/resource-logs-not-collected.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: {
    'hub-with-all-logs': {},
    'database-with-one-category': {},
    'blob-service-with-logs': {},
    'keyvault-audit-group': {},
    'one-of-two-settings-has-logs': {},
    'target-id-case-differs': {},
    // A setting whose `logs` is not an array does not hide the one that sends logs.
    'malformed-setting-beside-one-that-sends': {},
  },
  fail: {
    'hub-without-settings': { findings: [{ resource: '/IotHubs/iot-fixture', message: /IoT hub 'iot-fixture' has no diagnostic setting/ }] },
    'metrics-only-setting': { findings: [{ message: /'metrics' with no log category enabled/ }] },
    'logs-all-disabled': { findings: [{ message: /Key Vault 'kv-fixture'/ }] },
    'storage-setting-on-account-not-blob-service': { findings: [{ resource: '/storageAccounts/stfixture/blobServices/default', message: /Blob service 'stfixture\/default'/ }] },
    'nsg-and-event-hub-without-settings': { findings: [{ message: /^NSG 'nsg-web'/ }, { message: /^Event Hubs namespace 'evhns-fixture'/ }] },
  },
  notApplicable: {
    'master-database': { reason: /system database/ },
    'file-storage-account': { reason: /no blob service/ },
  },
  notEvaluated: {
    'diagnostics-not-collected': { code: 'NotCollected' },
    'diagnostics-read-failed-for-subscription': { code: 'AuthorizationFailed' },
    // Alone, it might have been the one: neither a pass nor a fail.
    'logs-not-an-array': { code: 'MalformedProperty', reason: /^'logs-as-object': properties\.logs is \{"category":"AuditEvent","enabled":true\}, expected an array of log settings/ },
  },
});
