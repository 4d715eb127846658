import { assessedResource, assessmentStatus, assessmentStatusCause, systemUpdatesAssessmentsIn, type AssessmentStatusCode } from '../../src/adapters/security-assessment.js';
import { evidence, type Setting } from '../../src/adapters/setting.js';
import { SUBSCRIPTION_TYPE, SYSTEM_UPDATES_ASSESSMENT_READ } from '../../src/inventory/arm-types.js';
import type { ArmResource } from '../../src/inventory/types.js';
import type { Evidence } from '../../src/model/evidence.js';
import { readEach } from '../../src/model/not-evaluated.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-DEF-009',
  name: 'system-updates-not-installed',
  title: 'Defender for Cloud reports machines missing system updates',
  severity: 'high',
  service: 'defender',
  resourceTypes: [SUBSCRIPTION_TYPE],
  requires: [SYSTEM_UPDATES_ASSESSMENT_READ],
  description:
    'Defender for Cloud\'s recommendation "System updates should be installed on your machines" (either version: the Log Analytics agent\'s or the one powered by Azure Update Manager) is Unhealthy for a machine in the subscription: the machine is missing security or critical system updates.',
  rationale:
    'Missing operating system updates are the known, published holes attackers look for first. Defender for Cloud already knows which machines lack them; an Unhealthy system-updates assessment is an unpatched machine that nobody has acted on.',
  remediation: {
    text: 'Install the missing updates on each machine listed (Defender for Cloud > Recommendations > System updates should be installed on your machines > Fix, or Azure Update Manager), and schedule updates so that it stays Healthy.',
    az: 'az vm install-patches --resource-group <resource-group> --name <vm-name> --maximum-duration PT2H --reboot-setting IfRequired --classifications-to-include-win Critical Security --classifications-to-include-linux Critical Security',
  },
  references: [
    'https://learn.microsoft.com/azure/defender-for-cloud/enable-periodic-system-updates',
    'https://learn.microsoft.com/rest/api/defenderforcloud/assessments/list',
  ],
  compliance: { 'cis-azure-3.0': ['3.1.10'], mcsb: ['PV-6'] },
  check(subscription, context) {
    // Stops the rule (not evaluated) when the subscription's system-updates assessments were not
    // read or their read failed; the assessments themselves keep ARM's type, and are found by it.
    context.resourcesIn(subscription, SYSTEM_UPDATES_ASSESSMENT_READ);
    const assessments = systemUpdatesAssessmentsIn(context.inventory, subscription.subscriptionId);
    // A malformed status is one unread part: the other machines' results still count.
    const read = readEach(assessments, assessmentStatus, context);

    // One finding per machine (its fingerprint follows the machine from scan to scan), with each
    // of its Unhealthy system-updates assessments as evidence: both recommendations may be on it.
    const unhealthyByMachine = new Map<string, { machine: ReturnType<typeof assessedResource>; unhealthy: Array<(typeof read)[number]> }>();
    for (const entry of read) {
      if (entry.value.value !== 'Unhealthy') continue;
      const machine = assessedResource(entry.child);
      const key = machine.id.toLowerCase();
      const found = unhealthyByMachine.get(key) ?? { machine, unhealthy: [] };
      found.unhealthy.push(entry);
      unhealthyByMachine.set(key, found);
    }
    for (const { machine, unhealthy } of unhealthyByMachine.values()) {
      context.report({
        resource: machine,
        message: `Defender for Cloud reports missing system updates on '${machine.name}' in subscription '${subscription.name}': ${unhealthy.map(({ child }) => `'${displayName(child)}' is Unhealthy`).join('; ')}.`,
        evidence: unhealthy.map(unhealthyEvidence),
      });
    }
    if (unhealthyByMachine.size > 0 || read.length < assessments.length) return;
    if (!read.some(({ value }) => value.value === 'Healthy')) {
      context.notApplicable(
        assessments.length === 0
          ? 'Defender for Cloud has no system-updates assessment in the subscription: it assesses no machine here for system updates'
          : 'every system-updates assessment in the subscription is NotApplicable',
      );
    }
  },
});

function displayName(assessment: ArmResource): string {
  const name = assessment.properties.displayName;
  return typeof name === 'string' && name !== '' ? name : assessment.name;
}

/** The status code, with the recommendation's name and, when ARM gives them, the status's cause and description. */
function unhealthyEvidence({ child: assessment, value: status }: { child: ArmResource; value: Setting<AssessmentStatusCode> }): Evidence {
  const cause = assessmentStatusCause(assessment);
  return evidence(status, `${displayName(assessment)}${cause === undefined ? '' : ` (${cause})`}`);
}
