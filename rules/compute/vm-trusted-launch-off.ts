import { isTrustedLaunchOrConfidential, vmSecurityType } from '../../src/adapters/compute.js';
import { evidence } from '../../src/adapters/setting.js';
import { VIRTUAL_MACHINE_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-VM-002',
  name: 'vm-trusted-launch-off',
  title: 'Virtual machine without Trusted Launch',
  severity: 'medium',
  service: 'compute',
  resourceTypes: [VIRTUAL_MACHINE_TYPE],
  requires: [],
  description:
    'The VM\'s `properties.securityProfile.securityType` is neither TrustedLaunch nor ConfidentialVM; absent means Standard (no Secure Boot, no vTPM, no boot integrity monitoring).',
  rationale:
    'Trusted Launch gives a Generation 2 VM Secure Boot, a virtual TPM and measured boot: boot kits and rootkits that replace the boot loader or the kernel are refused or detected, and Defender for Cloud can attest the boot chain. A Standard VM boots whatever is on its disk, and malware that survives reimaging of the OS files has a place to hide.',
  remediation: {
    text: 'Enable Trusted Launch on the VM (Generation 2 VMs can be upgraded in place after deallocation; Generation 1 VMs must first be converted or rebuilt from a Generation 2 image), with Secure Boot and vTPM on.',
    az: 'az vm update --resource-group <resource-group> --name <vm> --security-type TrustedLaunch --enable-secure-boot true --enable-vtpm true',
  },
  references: [
    'https://learn.microsoft.com/azure/virtual-machines/trusted-launch',
    'https://learn.microsoft.com/azure/virtual-machines/trusted-launch-existing-vm',
  ],
  compliance: { 'cis-azure-3.0': ['8.11'], mcsb: ['PV-4'] },
  check(vm, context) {
    const securityType = vmSecurityType(vm);
    if (isTrustedLaunchOrConfidential(securityType.value)) return;
    context.report({
      message: `Virtual machine '${vm.name}' does not use Trusted Launch: its security type is ${securityType.absent ? 'not set, which means Standard' : `'${securityType.value}'`}.`,
      evidence: [evidence(securityType, securityType.absent ? 'not set; the VM is a Standard VM, without Secure Boot or vTPM' : undefined)],
    });
  },
});
