import { clientCertEnabled, describeSite } from '../../src/adapters/appservice.js';
import { evidence } from '../../src/adapters/setting.js';
import { defineRule } from '../../src/model/rule.js';
import { SITE_TYPES } from './site-rule.js';

export default defineRule({
  id: 'AZ-APP-008',
  name: 'appservice-client-certificates-off',
  title: 'App Service app asks no client certificate',
  severity: 'low',
  service: 'appservice',
  resourceTypes: SITE_TYPES,
  requires: [],
  description:
    'The app has `properties.clientCertEnabled` false or absent (absent means false): App Service never asks callers for a TLS client certificate. An advisory for apps whose callers are known machines; most public web apps rightly leave it off.',
  rationale:
    'For an API called by a few known services, a required client certificate (mutual TLS) stops anyone without the certificate before the app runs any code: a leaked token alone is not enough.',
  remediation: {
    text: 'For apps called by known clients, require incoming client certificates and validate them in the app; leave it off for public sites used from browsers.',
    az: 'az webapp update --resource-group <resource-group> --name <app> --client-cert-enabled true --client-cert-mode Required',
  },
  references: ['https://learn.microsoft.com/azure/app-service/app-service-web-configure-tls-mutual-auth'],
  compliance: { 'cis-azure-3.0': [], mcsb: ['IM-4'] },
  check(site, context) {
    const setting = clientCertEnabled(site);
    if (setting.value) return;
    context.report({
      message: `${describeSite(site)} asks callers for no client certificate: clientCertEnabled is ${setting.absent ? 'not set, which means false' : 'false'}.`,
      evidence: [evidence(setting)],
    });
  },
});
