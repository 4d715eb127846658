import { diskAttachment, diskEncryptionType, usesCustomerManagedKey } from '../../src/adapters/compute.js';
import { evidence } from '../../src/adapters/setting.js';
import { DISK_TYPE } from '../../src/inventory/arm-types.js';
import { notApplicable, type Applicability, type NoOptions, type Rule } from '../../src/model/rule.js';

/*
 * The body CIS 8.3 (disks attached to VMs) and 8.4 (unattached disks) share: a managed disk
 * encrypted with a customer-managed key, through a disk encryption set. Each rule takes the
 * disks of its scope and reports the others not applicable, so every disk has one verdict
 * between the two.
 */

type Scope = 'attached' | 'unattached';

/** What the two rules spread into their definitions: type, scope and check. */
export function customerKeyRule(scope: Scope): Pick<Rule<NoOptions>, 'resourceTypes' | 'requires' | 'appliesTo' | 'check'> {
  return {
    resourceTypes: [DISK_TYPE],
    requires: [],
    appliesTo: (disk): Applicability => {
      const { attached } = diskAttachment(disk);
      if (attached === (scope === 'attached')) return true;
      return notApplicable(attached ? 'the disk is attached to a VM (CIS 8.3, AZ-VM-004)' : 'the disk is not attached to a VM (CIS 8.4, AZ-VM-005)');
    },
    check(disk, context) {
      const type = diskEncryptionType(disk);
      if (usesCustomerManagedKey(type.value)) return;
      context.report({
        message: `${scope === 'attached' ? 'Disk' : 'Unattached disk'} '${disk.name}' is encrypted with a platform-managed key, not a customer-managed key: encryption type ${type.absent ? 'not set, which means EncryptionAtRestWithPlatformKey' : `'${type.value}'`}.`,
        evidence: [evidence(type, type.absent ? 'not set; managed disks are then encrypted with platform-managed keys' : undefined)],
      });
    },
  };
}
