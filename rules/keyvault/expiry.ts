import { expiresAt, objectEnabled, rbacAuthorization } from '../../src/adapters/keyvault.js';
import { evidence } from '../../src/adapters/setting.js';
import type { ArmResource } from '../../src/inventory/types.js';
import { readEach } from '../../src/model/not-evaluated.js';
import type { RuleContext } from '../../src/model/rule.js';

/** The CIS v3.0 controls one kind of object answers: one for vaults on Azure RBAC, one for vaults on access policies. */
export interface ExpiryControls {
  readonly rbac: string;
  readonly accessPolicies: string;
}

/**
 * Reports each enabled key or secret of `vault` (children of `type`) that has no expiration
 * date, one finding per object, tagged with the CIS control of the vault's permission model.
 * A disabled object is not reported: CIS asks for an expiration date on each key or secret
 * that is Enabled, and a disabled one cannot be used. A vault with none of them is not
 * applicable; an object whose attributes cannot be read is not evaluated, and does not hide the others.
 */
export function reportObjectsWithoutExpiry(vault: ArmResource, context: RuleContext, type: string, noun: 'key' | 'secret', controls: ExpiryControls): void {
  const objects = context.childrenOf(vault, type);
  if (objects.length === 0) {
    context.notApplicable(`the vault holds no ${noun}s`);
    return;
  }
  const rbac = rbacAuthorization(vault);
  const compliance = { 'cis-azure-3.0': [rbac.value ? controls.rbac : controls.accessPolicies] };
  const model = rbac.value ? 'an Azure RBAC vault' : `an access-policy vault${rbac.absent ? ' (enableRbacAuthorization not set)' : ''}`;
  const read = readEach(objects, (object) => ({ enabled: objectEnabled(object), expiry: expiresAt(object) }), {
    unreadable: (part) => context.unreadable({ ...part, compliance }),
  });
  for (const { child, value } of read) {
    if (!value.enabled.value || value.expiry.value !== undefined) continue;
    context.report({
      resource: { id: child.id, type: child.type, name: `${vault.name}/${child.name}` },
      message: `${noun === 'key' ? 'Key' : 'Secret'} '${child.name}' in Key Vault '${vault.name}' (${model}) is enabled and has no expiration date: it can be used for ever.`,
      compliance,
      evidence: [
        evidence(value.expiry, 'not set; it never expires'),
        evidence(value.enabled, value.enabled.absent ? 'not set; Key Vault created it enabled' : undefined),
        evidence(rbac, rbac.absent ? 'not set; the vault uses access policies' : undefined),
      ],
    });
  }
}
