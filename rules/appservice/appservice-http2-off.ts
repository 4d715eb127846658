import { describeSite, http20Enabled } from '../../src/adapters/appservice.js';
import { evidence } from '../../src/adapters/setting.js';
import { defineRule } from '../../src/model/rule.js';
import { SITE_TYPES, WEB_CONFIG_TYPES, webConfig } from './site-rule.js';

export default defineRule({
  id: 'AZ-APP-007',
  name: 'appservice-http2-off',
  title: 'App Service app has HTTP/2 off',
  severity: 'low',
  service: 'appservice',
  resourceTypes: SITE_TYPES,
  requires: WEB_CONFIG_TYPES,
  description: 'The app\'s `config/web` has `http20Enabled` false, so clients are held to HTTP/1.1. Absent is read as true, the API\'s default.',
  rationale:
    'HTTP/2 removes head-of-line blocking and some HTTP/1.1 request-smuggling and header-parsing pitfalls; CIS asks for it where the app serves HTTP. It is a hardening and performance measure more than a control against a specific attack.',
  remediation: {
    text: 'Turn HTTP/2 on for the app and its slots; check first that no client breaks on it (rare).',
    az: 'az webapp config set --resource-group <resource-group> --name <app> --http20-enabled true',
  },
  references: ['https://learn.microsoft.com/azure/app-service/configure-common#configure-general-settings'],
  compliance: { 'cis-azure-3.0': ['9.10'], mcsb: [] },
  check(site, context) {
    const setting = http20Enabled(webConfig(site, context));
    if (setting.value) return;
    context.report({ message: `${describeSite(site)} has HTTP/2 off.`, evidence: [evidence(setting)] });
  },
});
