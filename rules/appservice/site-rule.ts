import { webConfigOf } from '../../src/adapters/appservice.js';
import { WEB_SITE_CONFIG_TYPE, WEB_SITE_TYPE, WEB_SLOT_CONFIG_TYPE, WEB_SLOT_TYPE } from '../../src/inventory/arm-types.js';
import type { ArmResource } from '../../src/inventory/types.js';
import type { RuleContext } from '../../src/model/rule.js';

/** Sites (web and function apps) and their deployment slots: every App Service rule evaluates both alike. */
export const SITE_TYPES: readonly string[] = [WEB_SITE_TYPE, WEB_SLOT_TYPE];

/** The `config/web` types of sites and slots, for rules that read the site config. */
export const WEB_CONFIG_TYPES: readonly string[] = [WEB_SITE_CONFIG_TYPE, WEB_SLOT_CONFIG_TYPE];

/** The site's or slot's `config/web`; stops the rule (not evaluated) when it was not read or is missing. */
export function webConfig<Options>(site: ArmResource, context: RuleContext<Options>): ArmResource {
  return webConfigOf(site, (parent, type) => context.childrenOf(parent, type));
}
