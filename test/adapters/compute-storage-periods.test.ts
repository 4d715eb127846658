/**
 * The branching readers behind the VM, disk and storage rules of issue 11: whether a disk is
 * attached (diskState first, managedBy when the state says nothing), and SAS periods.
 */
import { describe, expect, it } from 'vitest';
import { diskAttachment } from '../../src/adapters/compute.js';
import { periodSeconds } from '../../src/adapters/storage.js';
import type { Setting } from '../../src/adapters/setting.js';
import { toArmResource } from '../../src/inventory/resource.js';
import type { ArmResource } from '../../src/inventory/types.js';
import { MalformedProperty } from '../../src/model/not-evaluated.js';

const DISK_ID = '/subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/disks/d';
const VM_ID = '/subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/virtualMachines/vm';

function disk(properties: Record<string, unknown>, managedBy?: string): ArmResource {
  const made = toArmResource({ id: DISK_ID, name: 'd', type: 'Microsoft.Compute/disks', ...(managedBy === undefined ? {} : { managedBy }), properties }, 'test');
  if (!('key' in made)) throw new Error('fixture is malformed');
  return made;
}

function period(value: string | undefined): Setting<string | undefined> {
  return { value, resourceId: 'x', path: 'properties.sasPolicy.sasExpirationPeriod', absent: value === undefined, raw: value };
}

describe('diskAttachment', () => {
  it('takes diskState when it says: Attached and Reserved are attached, Unattached is not, whatever managedBy says', () => {
    expect(diskAttachment(disk({ diskState: 'Attached' })).attached).toBe(true);
    expect(diskAttachment(disk({ diskState: 'reserved' })).attached).toBe(true);
    expect(diskAttachment(disk({ diskState: 'Unattached' }, VM_ID)).attached).toBe(false);
  });

  it('leaves it to managedBy when the state says nothing of attachment, or is absent', () => {
    expect(diskAttachment(disk({ diskState: 'ActiveSAS' }, VM_ID)).attached).toBe(true);
    expect(diskAttachment(disk({ diskState: 'ActiveSAS' })).attached).toBe(false);
    expect(diskAttachment(disk({}, VM_ID)).attached).toBe(true);
    expect(diskAttachment(disk({})).attached).toBe(false);
  });

  it('is malformed, not unattached, when diskState is not a string', () => {
    expect(() => diskAttachment(disk({ diskState: 1 }))).toThrow(MalformedProperty);
  });
});

describe('periodSeconds', () => {
  it('reads d.hh:mm:ss and hh:mm:ss', () => {
    expect(periodSeconds(period('0.01:00:00'))).toBe(3600);
    expect(periodSeconds(period('1.15:59:59'))).toBe(((24 + 15) * 60 + 59) * 60 + 59);
    expect(periodSeconds(period('00:30:00'))).toBe(1800);
    expect(periodSeconds(period('365.00:00:00'))).toBe(365 * 86400);
  });

  it('is undefined for no policy', () => {
    expect(periodSeconds(period(undefined))).toBeUndefined();
  });

  it('is malformed for anything else', () => {
    for (const text of ['PT1H', '1h', '0.24:00:00', '0.01:60:00', '1.1:00', '']) {
      expect(() => periodSeconds(period(text)), text).toThrow(MalformedProperty);
    }
  });
});
