import { adminUserEnabled } from '../../src/adapters/containerregistry.js';
import { evidence } from '../../src/adapters/setting.js';
import { CONTAINER_REGISTRY_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-ACR-001',
  name: 'acr-admin-user-enabled',
  title: 'Container registry has the admin user enabled',
  severity: 'medium',
  service: 'containerregistry',
  resourceTypes: [CONTAINER_REGISTRY_TYPE],
  requires: [],
  description:
    'The registry\'s `adminUserEnabled` is true: its admin account, named after the registry, signs in with either of the registry\'s two access keys and may push and pull every repository. Absent means false.',
  rationale:
    'The admin user is one shared identity per registry whose password is a long-lived access key, usually copied into pipelines, cluster secrets and developer machines. Anyone holding it can push a poisoned image that every consumer of the registry then runs, and its use cannot be traced to a person.',
  remediation: {
    text: 'Move clients to Microsoft Entra identities (managed identities, service principals, `az acr login`) or repository-scoped tokens, then disable the admin user.',
    az: 'az acr update --name <registry> --admin-enabled false',
  },
  references: ['https://learn.microsoft.com/azure/container-registry/container-registry-authentication#admin-account'],
  compliance: { 'cis-azure-3.0': [], mcsb: ['IM-1'] },
  check(registry, context) {
    const admin = adminUserEnabled(registry);
    if (!admin.value) return;
    context.report({
      message: `Container registry '${registry.name}' has the admin user enabled: its access keys sign in with push and pull rights to every repository.`,
      evidence: [evidence(admin)],
    });
  },
});
