import { STORAGE_ACCOUNT_TYPE } from '../../src/inventory/arm-types.js';
import { reportTlsBelowMinimum, TLS_RULE_OPTIONS, type TlsRuleOptions } from '../shared/minimum-tls.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule<TlsRuleOptions>({
  id: 'AZ-STG-005',
  name: 'storage-tls-below-1-2',
  title: 'Storage account accepts TLS older than 1.2',
  severity: 'medium',
  service: 'storage',
  resourceTypes: [STORAGE_ACCOUNT_TYPE],
  requires: [],
  description: 'The account\'s `minimumTlsVersion` is TLS1_0 or TLS1_1, or not set (then TLS 1.0 is accepted).',
  rationale: 'TLS 1.0 and 1.1 are deprecated and weak; Azure Storage retires them, and clients that still use them are the ones to find.',
  remediation: {
    text: 'Set the account\'s minimum TLS version to TLS 1.2.',
    az: 'az storage account update --resource-group <resource-group> --name <account> --min-tls-version TLS1_2',
  },
  references: ['https://learn.microsoft.com/azure/storage/common/transport-layer-security-configure-minimum-version'],
  options: TLS_RULE_OPTIONS,
  compliance: { 'cis-azure-3.0': ['4.15'], mcsb: ['DP-3'] },
  check(account, context) {
    reportTlsBelowMinimum(account, context, 'properties.minimumTlsVersion', 'Storage account');
  },
});
