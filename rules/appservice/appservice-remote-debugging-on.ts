import { describeSite, remoteDebuggingEnabled } from '../../src/adapters/appservice.js';
import { evidence } from '../../src/adapters/setting.js';
import { defineRule } from '../../src/model/rule.js';
import { SITE_TYPES, WEB_CONFIG_TYPES, webConfig } from './site-rule.js';

export default defineRule({
  id: 'AZ-APP-004',
  name: 'appservice-remote-debugging-on',
  title: 'App Service app has remote debugging on',
  severity: 'medium',
  service: 'appservice',
  resourceTypes: SITE_TYPES,
  requires: WEB_CONFIG_TYPES,
  description: 'The app\'s `config/web` has `remoteDebuggingEnabled` true: the app listens for a remote debugger (absent means false).',
  rationale:
    'Remote debugging opens extra ports to the app\'s worker and lets whoever attaches read memory, secrets and requests, and change what the code does. It is meant for minutes of troubleshooting and is often left on.',
  remediation: {
    text: 'Turn remote debugging off; turn it on only while debugging, and off again afterwards.',
    az: 'az webapp config set --resource-group <resource-group> --name <app> --remote-debugging-enabled false',
  },
  references: ['https://learn.microsoft.com/azure/app-service/configure-common#configure-general-settings'],
  compliance: { 'cis-azure-3.0': ['9.12'], mcsb: ['PV-2'] },
  check(site, context) {
    const setting = remoteDebuggingEnabled(webConfig(site, context));
    if (!setting.value) return;
    context.report({ message: `${describeSite(site)} has remote debugging on.`, evidence: [evidence(setting)] });
  },
});
