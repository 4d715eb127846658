import { describeSite, publishingAllowed, publishingPolicyOf } from '../../src/adapters/appservice.js';
import { evidence } from '../../src/adapters/setting.js';
import { WEB_SITE_PUBLISHING_POLICY_TYPE, WEB_SLOT_PUBLISHING_POLICY_TYPE } from '../../src/inventory/arm-types.js';
import type { Evidence } from '../../src/model/evidence.js';
import { defineRule } from '../../src/model/rule.js';
import { SITE_TYPES } from './site-rule.js';

const POLICIES = [
  { name: 'ftp', what: 'FTP' },
  { name: 'scm', what: 'SCM (Kudu, Web Deploy)' },
] as const;

export default defineRule({
  id: 'AZ-APP-005',
  name: 'appservice-basic-auth-publishing',
  title: 'App Service app accepts basic-auth publishing',
  severity: 'medium',
  service: 'appservice',
  resourceTypes: SITE_TYPES,
  requires: [WEB_SITE_PUBLISHING_POLICY_TYPE, WEB_SLOT_PUBLISHING_POLICY_TYPE],
  description:
    'The app\'s basic publishing credentials policy `basicPublishingCredentialsPolicies/ftp` or `/scm` has `allow` true (absent, or a policy missing where policies were read, means allowed): deployments over FTP or to the SCM site accept a user name and password.',
  rationale:
    'Publishing credentials are a static user name and password that bypass Microsoft Entra ID, its MFA and Conditional Access. Whoever finds them — in a publish profile, a CI variable, a developer\'s download folder — can deploy code to the app.',
  remediation: {
    text: 'Disable basic authentication for FTP and SCM publishing and deploy with Entra ID (az CLI, GitHub Actions with OpenID Connect, Azure Pipelines service connections).',
    az: 'az resource update --resource-group <resource-group> --name scm --namespace Microsoft.Web --resource-type basicPublishingCredentialsPolicies --parent sites/<app> --set properties.allow=false',
  },
  references: ['https://learn.microsoft.com/azure/app-service/configure-basic-auth-disable'],
  compliance: { 'cis-azure-3.0': ['9.6'], mcsb: ['IM-1'] },
  check(site, context) {
    const allowed: Array<{ what: string; reason: string; evidence: Evidence }> = [];
    for (const policy of POLICIES) {
      const resource = publishingPolicyOf(site, policy.name, (parent, type) => context.childrenOf(parent, type));
      if (!resource) {
        allowed.push({
          what: policy.what,
          reason: `no '${policy.name}' policy, and basic authentication is allowed by default`,
          evidence: { resourceId: `${site.id}/basicPublishingCredentialsPolicies/${policy.name}`, path: 'properties.allow', absent: true, note: 'policies were read for every site and this one has none; basic authentication is allowed by default' },
        });
        continue;
      }
      const allow = publishingAllowed(resource);
      if (allow.value) allowed.push({ what: policy.what, reason: `'${policy.name}' policy allow is ${allow.absent ? 'not set, which means true' : 'true'}`, evidence: evidence(allow) });
    }
    if (allowed.length === 0) return;
    context.report({
      message: `${describeSite(site)} accepts basic-auth ${allowed.map(({ what }) => what).join(' and ')} publishing: ${allowed.map(({ reason }) => reason).join('; ')}.`,
      evidence: allowed.map((item) => item.evidence),
    });
  },
});
