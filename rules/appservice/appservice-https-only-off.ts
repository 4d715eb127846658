import { describeSite, httpsOnly } from '../../src/adapters/appservice.js';
import { evidence } from '../../src/adapters/setting.js';
import { defineRule } from '../../src/model/rule.js';
import { SITE_TYPES } from './site-rule.js';

export default defineRule({
  id: 'AZ-APP-001',
  name: 'appservice-https-only-off',
  title: 'App Service app serves plain HTTP',
  severity: 'medium',
  service: 'appservice',
  resourceTypes: SITE_TYPES,
  requires: [],
  description: 'The web app, function app or deployment slot has `properties.httpsOnly` false or absent (absent means false), so requests over plain HTTP are served instead of redirected to HTTPS.',
  rationale:
    'Over plain HTTP, session cookies, tokens and form data cross the network readable and changeable by anyone on the path: a café Wi-Fi, a compromised router. HTTPS only redirects every HTTP request before the app sees it.',
  remediation: {
    text: 'Turn on HTTPS only for the app and each of its slots; check first that no client depends on plain HTTP (old webhooks, health probes).',
    az: 'az webapp update --resource-group <resource-group> --name <app> --https-only true',
  },
  references: ['https://learn.microsoft.com/azure/app-service/configure-ssl-bindings#enforce-https'],
  compliance: { 'cis-azure-3.0': ['9.1'], mcsb: ['DP-3'] },
  check(site, context) {
    const setting = httpsOnly(site);
    if (setting.value) return;
    context.report({
      message: `${describeSite(site)} serves plain HTTP: httpsOnly is ${setting.absent ? 'not set, which means false' : 'false'}.`,
      evidence: [evidence(setting)],
    });
  },
});
