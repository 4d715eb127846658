import { describeSite, hasManagedIdentity, identityType } from '../../src/adapters/appservice.js';
import { evidence } from '../../src/adapters/setting.js';
import { defineRule } from '../../src/model/rule.js';
import { SITE_TYPES } from './site-rule.js';

export default defineRule({
  id: 'AZ-APP-009',
  name: 'appservice-no-managed-identity',
  title: 'App Service app has no managed identity',
  severity: 'low',
  service: 'appservice',
  resourceTypes: SITE_TYPES,
  requires: [],
  description:
    'The app\'s top-level `identity.type` is `None` or absent (absent means None): it has neither a system-assigned nor a user-assigned managed identity ("Register with Entra ID").',
  rationale:
    'An app without a managed identity reaches databases, storage and Key Vault with connection strings and keys kept in its settings, where they leak through exports, logs and anyone with read access to the configuration.',
  remediation: {
    text: 'Assign a system-assigned (or user-assigned) managed identity, grant it the roles the app needs, and replace stored secrets with identity-based connections.',
    az: 'az webapp identity assign --resource-group <resource-group> --name <app>',
  },
  references: ['https://learn.microsoft.com/azure/app-service/overview-managed-identity'],
  compliance: { 'cis-azure-3.0': ['9.5'], mcsb: ['IM-3'] },
  check(site, context) {
    const type = identityType(site);
    if (hasManagedIdentity(type)) return;
    context.report({
      message: `${describeSite(site)} has no managed identity: identity.type is ${type.absent ? 'not set' : `'${String(type.raw)}'`}.`,
      evidence: [evidence(type)],
    });
  },
});
