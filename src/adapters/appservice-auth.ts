import { typeKey } from '../inventory/arm-id.js';
import { WEB_SITE_AUTH_SETTINGS_TYPE, WEB_SLOT_AUTH_SETTINGS_TYPE, WEB_SLOT_TYPE } from '../inventory/arm-types.js';
import { isJsonObject, type ArmResource } from '../inventory/types.js';
import { MalformedProperty, NotEvaluated } from '../model/not-evaluated.js';
import type { ChildLookup } from './appservice.js';
import { readArray, readBoolean, readString, sameText, valueAt, type Setting } from './setting.js';

/*
 * App Service Authentication ("Easy Auth"), the `config/authsettingsV2` child of a site or slot
 * (SiteAuthSettingsV2, WebApps.json, API 2024-04-01). Its ARM type is `Microsoft.Web/sites/config`,
 * like `config/web`; it is read and required under its own name, WEB_SITE_AUTH_SETTINGS_TYPE,
 * which `childrenOf` resolves to the `config` child named `authsettingsV2`.
 *
 * The spec gives none of the properties read here a default. What absence means:
 * - `platform.enabled` absent (or no `platform`): off. App Service Authentication is a feature
 *   an app turns on; an app that never set it has `authsettingsV2` with `enabled: false` or none.
 * - `globalValidation.requireAuthentication` absent: false, unauthenticated requests reach the app.
 * - `globalValidation.unauthenticatedClientAction` absent: read as AllowAnonymous, the one that
 *   lets unauthenticated callers in, so an unread value never narrows who gets in.
 */

/** The type under which a site's or slot's `config/authsettingsV2` is read. */
export function authSettingsTypeOf(site: ArmResource): string {
  return typeKey(site.type) === typeKey(WEB_SLOT_TYPE) ? WEB_SLOT_AUTH_SETTINGS_TYPE : WEB_SITE_AUTH_SETTINGS_TYPE;
}

/**
 * The site's `config/authsettingsV2`. `lookup` stops (NotEvaluated) when it was not read or its
 * read failed; when it was read for every site and none came back for this one, nothing can be
 * said of its settings either (ARM answers the GET for every site, with `enabled: false` when off).
 */
export function authSettingsOf(site: ArmResource, lookup: ChildLookup): ArmResource {
  const type = authSettingsTypeOf(site);
  const [settings] = lookup(site, type);
  if (!settings) throw new NotEvaluated('MissingChild', `${type} was read for every site and none came back for ${site.id}`);
  return settings;
}

/** An object at `path`, or undefined when absent; anything else is malformed, never read as absent. */
function objectAt(resource: ArmResource, path: string): void {
  const raw = valueAt(resource.raw, path);
  if (raw !== undefined && raw !== null && !isJsonObject(raw)) throw new MalformedProperty(path, 'an object', raw);
}

/** `properties.platform.enabled`: true when App Service Authentication is on; absent means off. */
export function authEnabled(settings: ArmResource): Setting<boolean> {
  objectAt(settings, 'properties');
  objectAt(settings, 'properties.platform');
  return readBoolean(settings, 'properties.platform.enabled', false);
}

const CLIENT_ACTIONS = ['RedirectToLoginPage', 'AllowAnonymous', 'Return401', 'Return403'];

/**
 * Whether App Service Authentication turns unauthenticated callers away: on, with
 * `requireAuthentication` true, an action other than AllowAnonymous, and no `excludedPaths`
 * (those paths take anyone). Undefined when it does not, with the setting that lets them in.
 */
export function anonymousLetInBy(settings: ArmResource): Setting<unknown> | undefined {
  const enabled = authEnabled(settings);
  if (!enabled.value) return enabled;
  objectAt(settings, 'properties.globalValidation');
  const required = readBoolean(settings, 'properties.globalValidation.requireAuthentication', false);
  const action = readString(settings, 'properties.globalValidation.unauthenticatedClientAction', 'AllowAnonymous');
  if (!CLIENT_ACTIONS.some((known) => sameText(action.value, known))) throw new MalformedProperty(action.path, CLIENT_ACTIONS.join(', '), action.raw);
  const excluded = readArray(settings, 'properties.globalValidation.excludedPaths');
  if (!required.value) return required;
  if (sameText(action.value, 'AllowAnonymous')) return action;
  return excluded.value.length > 0 ? excluded : undefined;
}

/** Enabled identity providers other than Microsoft Entra ID (`azureActiveDirectory`): anyone with such an account signs in. */
export function otherProviders(settings: ArmResource): string[] {
  const path = 'properties.identityProviders';
  objectAt(settings, path);
  const providers = valueAt(settings.raw, path);
  if (!isJsonObject(providers)) return [];
  return Object.entries(providers).flatMap(([name, provider]) => {
    if (sameText(name, 'azureActiveDirectory') || provider === null) return [];
    if (!isJsonObject(provider)) throw new MalformedProperty(`${path}.${name}`, 'an object', provider);
    // A custom OpenID Connect entry is a map of providers, each with its own `enabled`.
    const entries = sameText(name, 'customOpenIdConnectProviders') ? Object.entries(provider).map(([alias, inner]) => [`${name}.${alias}`, inner] as const) : [[name, provider] as const];
    return entries.filter(([, inner]) => (isJsonObject(inner) ? inner.enabled !== false : inner !== null)).map(([entry]) => entry);
  });
}
