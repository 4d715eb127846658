import { MalformedProperty } from '../model/not-evaluated.js';
import { isJsonObject, type ArmResource } from '../inventory/types.js';
import { readBoolean, readList, readString, sameText, valueAt, type Setting } from './setting.js';

/*
 * Virtual machines (`Microsoft.Compute/virtualMachines`, read at API 2025-04-01) and managed
 * disks (`Microsoft.Compute/disks`, read at API 2025-01-02), with Azure's defaults for what
 * ARM leaves out. Sources: the Compute REST spec (ComputeRP/stable/2025-04-01/virtualMachine.json,
 * DiskRP/stable/2025-01-02/diskRPCommon.json) and the Learn pages cited per accessor.
 */

/** One disk of a VM's storage profile, as far as "managed or not" goes. */
export interface VmDisk {
  /** `properties.storageProfile.osDisk` or `properties.storageProfile.dataDisks[2]`. */
  readonly path: string;
  /** The disk's name, or its LUN for a data disk without one. */
  readonly label: string;
  /** The `vhd.uri` of an unmanaged disk (a page blob in a storage account); undefined for a managed disk. */
  readonly vhdUri: string | undefined;
}

/**
 * The VM's OS disk and data disks. A disk is unmanaged when it has a `vhd` (a page blob the VM
 * mounts from a storage account) and managed otherwise (ARM then sends `managedDisk`). A VM
 * whose storage profile has no OS disk cannot be judged, and neither can a present but
 * malformed `vhd` or `dataDisks`.
 */
export function vmDisks(vm: ArmResource): VmDisk[] {
  const osDiskPath = 'properties.storageProfile.osDisk';
  const osDisk = valueAt(vm.raw, osDiskPath);
  if (osDisk === undefined || osDisk === null) throw new MalformedProperty(osDiskPath, 'the VM\'s OS disk (every VM has one)', osDisk);
  if (!isJsonObject(osDisk)) throw new MalformedProperty(osDiskPath, 'an object', osDisk);
  const disks = [vmDisk(osDisk, osDiskPath, 'OS disk')];
  const dataPath = 'properties.storageProfile.dataDisks';
  readList(valueAt(vm.raw, dataPath), dataPath).forEach((entry, i) => {
    const path = `${dataPath}[${i}]`;
    if (!isJsonObject(entry)) throw new MalformedProperty(path, 'an object', entry);
    disks.push(vmDisk(entry, path, `data disk at LUN ${String(entry.lun ?? i)}`));
  });
  return disks;
}

function vmDisk(disk: Record<string, unknown>, path: string, fallback: string): VmDisk {
  const label = typeof disk.name === 'string' && disk.name !== '' ? `'${disk.name}'` : fallback;
  const vhd = disk.vhd;
  if (vhd === undefined || vhd === null) return { path, label, vhdUri: undefined };
  if (!isJsonObject(vhd) || typeof vhd.uri !== 'string' || vhd.uri === '') throw new MalformedProperty(`${path}.vhd`, 'an object with a uri', vhd);
  return { path, label, vhdUri: vhd.uri };
}

/**
 * The VM's security type: `TrustedLaunch`, `ConfidentialVM` or `Standard`. Absent means
 * Standard: "UefiSettings will not be enabled unless this property is set" (virtualMachine.json,
 * SecurityProfile.securityType, API 2020-12-01 on); the portal and CLI set TrustedLaunch for
 * new VMs, but ARM records no default.
 */
export function vmSecurityType(vm: ArmResource): Setting<string> {
  return readString(vm, 'properties.securityProfile.securityType', 'Standard');
}

/** Whether the security type gives the VM Secure Boot and a vTPM: Trusted Launch or a confidential VM. */
export function isTrustedLaunchOrConfidential(securityType: string): boolean {
  return sameText(securityType, 'TrustedLaunch') || sameText(securityType, 'ConfidentialVM');
}

/**
 * Encryption at host (temporary disks and caches encrypted on the host). Absent means off:
 * "The default behavior is: The Encryption at host will be disabled unless this property is set
 * to true for the resource" (virtualMachine.json, SecurityProfile.encryptionAtHost, API 2020-06-01 on).
 */
export function encryptionAtHost(vm: ArmResource): Setting<boolean> {
  return readBoolean(vm, 'properties.securityProfile.encryptionAtHost', false);
}

/** The encryption types that use a customer-managed key (through a disk encryption set). */
const CUSTOMER_KEY_TYPES = ['EncryptionAtRestWithCustomerKey', 'EncryptionAtRestWithPlatformAndCustomerKeys'];

/**
 * A disk's encryption at rest. Absent means platform-managed keys: every managed disk is
 * encrypted with them since June 2017 (Learn, "Server-side encryption of Azure Disk Storage"),
 * and DiskRP reports `EncryptionAtRestWithPlatformKey` for them from API 2019-07-01.
 */
export function diskEncryptionType(disk: ArmResource): Setting<string> {
  return readString(disk, 'properties.encryption.type', 'EncryptionAtRestWithPlatformKey');
}

export function usesCustomerManagedKey(encryptionType: string): boolean {
  return CUSTOMER_KEY_TYPES.some((type) => sameText(encryptionType, type));
}

/** The disk encryption set holding the customer-managed key; absent for platform-managed keys. */
export function diskEncryptionSetId(disk: ArmResource): Setting<string | undefined> {
  return readString(disk, 'properties.encryption.diskEncryptionSetId', undefined);
}

/**
 * Whether the disk is attached to a VM. `diskState` (read-only, API 2018-09-30 on) says so:
 * `Attached` and `Reserved` (attached to a stopped-deallocated VM) are attached, `Unattached`
 * is not; the other states (`ActiveSAS`, `ReadyToUpload`, `ActiveUpload`, `Frozen`…) say
 * nothing of attachment, and neither does an absent `diskState`: then the disk is attached when
 * `managedBy` names the VM that holds it.
 */
export function diskAttachment(disk: ArmResource): { readonly attached: boolean; readonly state: Setting<string | undefined>; readonly managedBy: Setting<string | undefined> } {
  const state = readString(disk, 'properties.diskState', undefined);
  const managedBy = readString(disk, 'managedBy', undefined);
  if (sameText(state.value, 'Attached') || sameText(state.value, 'Reserved')) return { attached: true, state, managedBy };
  if (sameText(state.value, 'Unattached')) return { attached: false, state, managedBy };
  return { attached: managedBy.value !== undefined && managedBy.value !== '', state, managedBy };
}

/**
 * Who may import or export the disk's data through a SAS URI. Absent means `AllowAll`, the
 * API's default since the property arrived (API 2020-05-01): any network may use the SAS.
 */
export function diskNetworkAccessPolicy(disk: ArmResource): Setting<string> {
  return readString(disk, 'properties.networkAccessPolicy', 'AllowAll');
}

/**
 * The disk's public network access (API 2021-04-01 on). Absent means Enabled, the behaviour of
 * disks before the property existed; `Disabled` refuses export and import over the public
 * endpoint whatever `networkAccessPolicy` says.
 */
export function diskPublicNetworkAccess(disk: ArmResource): Setting<string> {
  return readString(disk, 'properties.publicNetworkAccess', 'Enabled');
}

/**
 * Data access authentication mode (API 2021-12-01 on): `AzureActiveDirectory` requires a
 * Microsoft Entra token with the data access permission to use a SAS URI of the disk. Absent
 * means `None`, the SAS URI alone is enough.
 */
export function diskDataAccessAuthMode(disk: ArmResource): Setting<string> {
  return readString(disk, 'properties.dataAccessAuthMode', 'None');
}
