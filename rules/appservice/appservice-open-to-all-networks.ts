import { describeSite, publicAccessDisabledBy, sitePublicNetworkAccess } from '../../src/adapters/appservice.js';
import { siteAccess, type SiteSide } from '../../src/adapters/appservice-access.js';
import { evidence } from '../../src/adapters/setting.js';
import type { Evidence } from '../../src/model/evidence.js';
import { defineRule } from '../../src/model/rule.js';
import { SITE_TYPES, WEB_CONFIG_TYPES, webConfig } from './site-rule.js';

const SIDES: ReadonlyArray<{ side: SiteSide; what: string }> = [
  { side: 'main', what: 'its site' },
  { side: 'scm', what: 'its SCM (Kudu) site' },
];

export default defineRule({
  id: 'AZ-APP-006',
  name: 'appservice-open-to-all-networks',
  title: 'App Service app reachable from all networks',
  severity: 'medium',
  service: 'appservice',
  resourceTypes: SITE_TYPES,
  requires: WEB_CONFIG_TYPES,
  description:
    'The app\'s public network access is not Disabled (on the site or in `config/web`; absent means Enabled) and its access restrictions let every address in: an Allow rule for `Any` or a /0 that no earlier Deny-all rule shadows (such as the "Allow all" entry ARM shows when there are no rules), or an unmatched-rule action Allow (`ipSecurityRestrictionsDefaultAction`; absent means Allow when there are no rules). Checked for the app and for its SCM (Kudu) site, which uses the app\'s rules when `scmIpSecurityRestrictionsUseMain` is true.',
  rationale:
    'Most apps have known callers: a Front Door, an Application Gateway, a partner\'s range, a virtual network. An app open to every address is scanned and attacked by everyone, and an open SCM site puts the deployment and console endpoint of the app on the internet.',
  remediation: {
    text: 'Add access restrictions for the app\'s real callers (service tags with an X-Azure-FDID header for Front Door, IP ranges, subnets) and set the unmatched rule action to Deny for the app and its SCM site; or disable public network access and use private endpoints.',
    az: 'az webapp config access-restriction set --resource-group <resource-group> --name <app> --default-action Deny --scm-default-action Deny',
  },
  references: ['https://learn.microsoft.com/azure/app-service/overview-access-restrictions', 'https://learn.microsoft.com/azure/app-service/app-service-ip-restrictions'],
  compliance: { 'cis-azure-3.0': [], mcsb: ['NS-2'] },
  check(site, context) {
    if (publicAccessDisabledBy(site, undefined)) return;
    const config = webConfig(site, context);
    if (publicAccessDisabledBy(site, config)) return;
    const open = SIDES.map((side) => ({ ...side, access: siteAccess(config, side.side) })).filter(({ access }) => access.reachableBy === 'everyone');
    if (open.length === 0) return;
    // One finding per app: the main site's and the SCM site's restrictions are two settings of the same config.
    const grants: Evidence[] = open.flatMap(({ access }) =>
      access.grants
        .filter((grant) => grant.kind === 'everyone')
        .map((grant) =>
          grant.source.path === access.defaultAction.path
            ? evidence(access.defaultAction, access.defaultAction.absent ? 'not set; with no rules every address is allowed' : undefined)
            : { resourceId: grant.source.resourceId, path: grant.source.path, value: grant.source.value },
        ),
    );
    const unique = grants.filter((item, i) => grants.findIndex((other) => other.path === item.path) === i);
    context.report({
      message: `${describeSite(site)} accepts connections from all networks on ${open.map(({ what, access }) => `${what}${access.usesMain ? ' (it uses the main site\'s rules)' : ''}`).join(' and ')}.`,
      evidence: [evidence(sitePublicNetworkAccess(site)), ...unique],
    });
  },
});
