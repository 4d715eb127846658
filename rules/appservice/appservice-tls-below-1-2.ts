import { describeSite, MIN_TLS_PATH, SCM_MIN_TLS_PATH } from '../../src/adapters/appservice.js';
import { evidence } from '../../src/adapters/setting.js';
import { formatTls, readMinimumTls } from '../../src/adapters/tls.js';
import { defineRule } from '../../src/model/rule.js';
import { TLS_RULE_OPTIONS, type TlsRuleOptions } from '../shared/minimum-tls.js';
import { SITE_TYPES, WEB_CONFIG_TYPES, webConfig } from './site-rule.js';

const SIDES = [
  { path: MIN_TLS_PATH, what: 'its site' },
  { path: SCM_MIN_TLS_PATH, what: 'its SCM (Kudu) site' },
] as const;

export default defineRule<TlsRuleOptions>({
  id: 'AZ-APP-002',
  name: 'appservice-tls-below-1-2',
  title: 'App Service app accepts TLS older than 1.2',
  severity: 'medium',
  service: 'appservice',
  resourceTypes: SITE_TYPES,
  requires: WEB_CONFIG_TYPES,
  description:
    'The app\'s `config/web` has `minTlsVersion` (the app) or `scmMinTlsVersion` (its SCM/Kudu site) below 1.2, or not set, so clients may connect with TLS 1.0 or 1.1.',
  rationale:
    'TLS 1.0 and 1.1 have known weaknesses and are deprecated; a client or attacker that negotiates them weakens the protection of credentials, deployment packages and data in transit.',
  remediation: {
    text: 'Set the minimum TLS version of the app and of its SCM site to 1.2 (or 1.3) after checking that clients support it.',
    az: 'az webapp config set --resource-group <resource-group> --name <app> --min-tls-version 1.2 --scm-min-tls-version 1.2',
  },
  references: ['https://learn.microsoft.com/azure/app-service/overview-tls'],
  options: TLS_RULE_OPTIONS,
  compliance: { 'cis-azure-3.0': ['9.4'], mcsb: ['DP-3'] },
  check(site, context) {
    const config = webConfig(site, context);
    const weak = SIDES.map((side) => ({ ...side, minimum: readMinimumTls(config, side.path) })).filter(({ minimum }) => minimum.value < context.options.minimumVersion);
    if (weak.length === 0) return;
    // One finding per app: the site and the SCM site are two settings of the same config.
    context.report({
      message: `${describeSite(site)} accepts ${weak.map(({ minimum, what }) => `${formatTls(minimum.value)} on ${what}${minimum.absent ? ' (no minimum TLS version is set)' : ''}`).join(' and ')}.`,
      evidence: weak.map(({ minimum }) => evidence(minimum, minimum.absent ? 'not set; TLS 1.0 is accepted' : undefined)),
    });
  },
});
