import { describeSite, ftpsState } from '../../src/adapters/appservice.js';
import { evidence, sameText } from '../../src/adapters/setting.js';
import { MalformedProperty } from '../../src/model/not-evaluated.js';
import { defineRule } from '../../src/model/rule.js';
import { SITE_TYPES, WEB_CONFIG_TYPES, webConfig } from './site-rule.js';

export default defineRule({
  id: 'AZ-APP-003',
  name: 'appservice-ftp-without-tls',
  title: 'App Service app accepts FTP without TLS',
  severity: 'medium',
  service: 'appservice',
  resourceTypes: SITE_TYPES,
  requires: WEB_CONFIG_TYPES,
  description:
    'The app\'s `config/web` has `ftpsState` `AllAllowed` (or not set, read as AllAllowed), so its FTP endpoint accepts plain FTP: deployment credentials and files cross the network unencrypted.',
  rationale:
    'Plain FTP sends the publishing user name and password in clear text. Whoever captures them can upload code to the app, which then runs with the app\'s identity and data.',
  remediation: {
    text: 'Set FTP state to FTPS only, or Disabled when nothing deploys over FTP.',
    az: 'az webapp config set --resource-group <resource-group> --name <app> --ftps-state FtpsOnly',
  },
  references: ['https://learn.microsoft.com/azure/app-service/deploy-ftp#enforce-ftps'],
  compliance: { 'cis-azure-3.0': ['9.3'], mcsb: ['DP-3'] },
  check(site, context) {
    const state = ftpsState(webConfig(site, context));
    if (sameText(state.value, 'FtpsOnly') || sameText(state.value, 'Disabled')) return;
    if (!sameText(state.value, 'AllAllowed')) throw new MalformedProperty(state.path, 'AllAllowed, FtpsOnly or Disabled', state.raw);
    context.report({
      message: `${describeSite(site)} accepts plain FTP: ftpsState is ${state.absent ? 'not set, read as AllAllowed' : `'${String(state.raw)}'`}.`,
      evidence: [evidence(state)],
    });
  },
});
