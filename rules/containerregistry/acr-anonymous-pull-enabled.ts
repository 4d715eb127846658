import { anonymousPullEnabled } from '../../src/adapters/containerregistry.js';
import { evidence } from '../../src/adapters/setting.js';
import { CONTAINER_REGISTRY_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-ACR-002',
  name: 'acr-anonymous-pull-enabled',
  title: 'Container registry allows anonymous pull',
  severity: 'high',
  service: 'containerregistry',
  resourceTypes: [CONTAINER_REGISTRY_TYPE],
  requires: [],
  description:
    'The registry\'s `anonymousPullEnabled` is true: anyone who can reach it may pull every image without credentials. Absent means false.',
  rationale:
    'Private images hold source code, build secrets left in layers, internal host names and the exact versions of everything deployed. Anonymous pull hands them to anyone who can reach the registry, which by default is the whole internet.',
  remediation: {
    text: 'Disable anonymous pull. Publish images meant to be public from a separate registry holding only those images.',
    az: 'az acr update --name <registry> --anonymous-pull-enabled false',
  },
  references: ['https://learn.microsoft.com/azure/container-registry/anonymous-pull-access'],
  compliance: { 'cis-azure-3.0': [], mcsb: ['IM-1', 'PA-7'] },
  check(registry, context) {
    const anonymous = anonymousPullEnabled(registry);
    if (!anonymous.value) return;
    context.report({
      message: `Container registry '${registry.name}' allows anonymous pull: every image can be pulled without credentials.`,
      evidence: [evidence(anonymous)],
    });
  },
});
