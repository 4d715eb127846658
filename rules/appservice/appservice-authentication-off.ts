import { authEnabled, authSettingsOf } from '../../src/adapters/appservice-auth.js';
import { describeSite } from '../../src/adapters/appservice.js';
import { evidence } from '../../src/adapters/setting.js';
import { WEB_SITE_AUTH_SETTINGS_TYPE, WEB_SLOT_AUTH_SETTINGS_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';
import { SITE_TYPES } from './site-rule.js';

export default defineRule({
  id: 'AZ-APP-010',
  name: 'appservice-authentication-off',
  title: 'App Service app has App Service Authentication off',
  severity: 'medium',
  service: 'appservice',
  resourceTypes: SITE_TYPES,
  // The `config/authsettingsV2` read only, under its own name: not `config/web`, which shares its ARM type.
  requires: [WEB_SITE_AUTH_SETTINGS_TYPE, WEB_SLOT_AUTH_SETTINGS_TYPE],
  description: 'The app\'s `config/authsettingsV2` has `platform.enabled` false or absent: App Service Authentication is off, and every request reaches the app\'s code without a sign-in check by the platform.',
  rationale:
    'With App Service Authentication on, the platform signs callers in (Microsoft Entra ID or another provider) and validates their tokens before a request reaches the app, so an app that forgets to check, or checks wrongly, is not open to anyone who finds its URL.',
  remediation: {
    text: 'Turn on App Service Authentication with an identity provider (Microsoft Entra ID), requiring authentication for unauthenticated requests; or record why the app authenticates callers itself.',
    az: 'az webapp auth update --resource-group <resource-group> --name <app> --enabled true --action LoginWithAzureActiveDirectory',
  },
  references: ['https://learn.microsoft.com/azure/app-service/overview-authentication-authorization', 'https://learn.microsoft.com/azure/app-service/configure-authentication-api-version'],
  compliance: { 'cis-azure-3.0': ['9.2'], mcsb: ['IM-1'] },
  check(site, context) {
    const enabled = authEnabled(authSettingsOf(site, (parent, type) => context.childrenOf(parent, type)));
    if (enabled.value) return;
    context.report({ message: `${describeSite(site)} has App Service Authentication off.`, evidence: [evidence(enabled, enabled.absent ? 'not set; App Service Authentication is off unless turned on' : undefined)] });
  },
});
