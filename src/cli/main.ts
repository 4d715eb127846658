import { isAuthError } from '../auth/errors.js';
import { Command, CommanderError } from 'commander';
import { sanitizeForTerminal } from '../report/sanitize.js';
import { isAzscanError, UsageError } from '../inventory/errors.js';
import { EXIT } from '../engine/exit-code.js';
import { SEVERITIES } from '../model/severity.js';
import { COMPLIANCE_FRAMEWORKS } from '../model/compliance.js';
import { SERVICE_IDS } from '../model/services.js';
import { FORMAT_NAMES } from '../report/formats.js';
import { EXPOSURE_FAIL_ON, EXPOSURE_FORMAT_NAMES } from '../report/exposure/formats.js';
import { TOOL } from '../inventory/package.js';
import type { CollectFlags } from './collect-command.js';
import type { RulesFlags } from './rules-command.js';
import type { ExposureFlags } from './exposure-command.js';
import type { ScanFlags } from './scan-command.js';
import type { MergeFlags } from './merge-command.js';
import { CLOUDS } from '../auth/clouds.js';
import { DEFAULT_RETRY_OPTIONS } from '../collect/arm-policy.js';
import { GRAPH_AUTO_THRESHOLD, INVENTORY_MODES } from '../collect/resource-graph/mode.js';
import { choiceOption } from './choices.js';
import { ignoreClosedStdout } from './stdout-pipe.js';

// Each command's module is loaded when the command runs: `azscan --version` and `--help`
// load neither the rule catalogue nor the reporters.

const repeatable = (value: string, previous: string[]): string[] => [...previous, value];

/**
 * Where and how to read a live estate: shared by scan, collect and exposure. No commander
 * defaults here (the help says what they are): a flag that has a value was given, which is how
 * checkFlags refuses live flags with --snapshot; liveOptions applies the defaults.
 */
function addLiveOptions(command: Command): Command {
  return command
    .option('--tenant <id>', 'live: the Microsoft Entra tenant to sign in to')
    .option('--subscription <id>', 'live: scan only this subscription (repeatable); default: every one the credential can see', repeatable, [])
    .option('--management-group <id>', 'live: scan the subscriptions under this management group, at any depth (repeatable; not with --subscription)', repeatable, [])
    .option('--exclude-subscription <id>', 'live: leave this subscription out of whatever is selected (id or name; repeatable)', repeatable, [])
    .addOption(choiceOption('--cloud <name>', 'live: the Azure cloud (default: AzurePublicCloud)', Object.keys(CLOUDS)))
    .option('--arm-endpoint <url>', 'live: another ARM endpoint (Azure Stack Hub, an emulator); the token scope follows it')
    .option('--retry-budget <n>', `live: retries allowed across the whole scan (429s, 5xx, timeouts, resets; default: ${DEFAULT_RETRY_OPTIONS.budget})`)
    .option('--max-wait <seconds>', `live: the longest wait on one 429 Retry-After (default: ${DEFAULT_RETRY_OPTIONS.maxWaitMs / 1000})`)
    .option('--timeout <seconds>', 'live: stop reading after SECONDS; what is unread then is not evaluated (ScanTimeout) and the report is still written (default: no limit)')
    .addOption(choiceOption('--inventory <source>', `live: list top-level resources from ARM, or from Resource Graph (children still from ARM); auto: Resource Graph above ${GRAPH_AUTO_THRESHOLD} subscriptions (default: auto)`, INVENTORY_MODES));
}

function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command()
    .name('azscan')
    .description('Scan Microsoft Azure configuration for security misconfigurations.')
    .version(TOOL.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    // One line per error: commander's "did you mean" hint joins the message.
    .configureOutput({ outputError: (text, write) => write(`azscan: ${text.replace(/^error: /, '').trim().replace(/\s*\n\s*/g, ' ')}\n`) });

  const scan = program
    .command('scan')
    .description('evaluate the rule catalogue over an Azure estate (live, or a snapshot) and report findings')
    .option('--snapshot <path>', 'scan a snapshot file, a snapshot folder (collect --output DIR) or an array of ARM resources (e.g. from az resource list) instead of the live estate')
    .addOption(choiceOption('--format <name>', 'report format (jsonl: one JSON object per line, for ticketing pipelines)', FORMAT_NAMES).default('table'))
    .option('--output <file>', 'write the --format report to FILE instead of stdout; or NAME=FILE to write the NAME report too (repeatable)', repeatable, [])
    .addOption(choiceOption('--fail-on <severity>', 'exit 1 when a finding is at or above this severity', SEVERITIES))
    .addOption(choiceOption('--severity <severity>', 'evaluate and show only rules and findings at or above this severity', SEVERITIES))
    .option('--rule <id>', 'evaluate only this rule (id or name; repeatable)', repeatable, [])
    .option('--config <file>', 'the config file (default: azscan.config.yaml, .yml or .json in the working directory)')
    .option('--baseline <file>', 'an earlier --format json report: mark findings new or existing, list what was fixed')
    .option('--new-only', 'with --baseline: only new findings count towards --fail-on')
    .addOption(choiceOption('--compliance <framework>', 'scan only the rules mapped to a framework and report per control', Object.keys(COMPLIANCE_FRAMEWORKS)))
    .option('--allow-partial', 'exit 0 rather than 3 when some data could not be read')
    .option('--shard <I/N>', 'evaluate only the I-th of N parts of the subscriptions (split by a stable hash of the id); merge the N reports with azscan merge')
    .option('--shard-weights <file>', 'with --shard: split by resource count from an earlier --format json report instead of by hash')
    .option('-q, --quiet', 'print nothing to stderr but warnings')
    .option('-v, --verbose', 'show each finding\'s evidence and full resource id')
    .option('--no-color', 'never use colour (also: NO_COLOR=1)');
  addLiveOptions(scan).action(async (flags: ScanFlags) => setExitCode(await (await import('./scan-command.js')).runScan(flags)));

  const collect = program
    .command('collect')
    .description('read a live estate (what the selected rules need) and write it as a snapshot to scan later; with --plan, list those reads without making them')
    .option('--output <path>', "the snapshot to write (required, except with --plan): a FILE, or a folder DIR (an existing one, or ending in '/') of one part per subscription")
    .option('--resume', 'with --output DIR: read only the subscriptions whose part is missing or incomplete, keeping the complete ones')
    .option('--rule <id>', 'collect only what this rule needs (id or name; repeatable)', repeatable, [])
    .addOption(choiceOption('--severity <severity>', 'collect only for rules at or above this severity', SEVERITIES))
    .addOption(choiceOption('--compliance <framework>', 'collect only for the rules mapped to a framework', Object.keys(COMPLIANCE_FRAMEWORKS)))
    .option('--config <file>', 'the config file: rules it turns off are not collected for')
    .option('--plan', 'print the ARM reads the selected rules cause (type, path, api-version, how often) and exit: no sign-in, no request')
    .addOption(choiceOption('--format <name>', 'with --plan: print the reads as a table (default) or JSON', ['table', 'json']))
    .option('--allow-partial', 'exit 0 rather than 3 when some reads failed')
    .option('-q, --quiet', 'print nothing to stderr but warnings');
  addLiveOptions(collect).action(async (flags: CollectFlags) => setExitCode(await (await import('./collect-command.js')).runCollect(flags)));

  const exposure = program
    .command('exposure')
    .description('list every address, port, service and workload the internet can reach, and every public platform (PaaS) endpoint, from configuration alone')
    .option('--snapshot <path>', 'use a snapshot file or snapshot folder instead of the live estate')
    .addOption(choiceOption('--format <name>', 'output format', EXPOSURE_FORMAT_NAMES).default('table'))
    .option('--output <file>', 'write the list, in the --format chosen, to FILE instead of stdout')
    .addOption(choiceOption('--fail-on <what>', "exit 1 when something is reachable: 'sensitive' (a sensitive port) or 'any' (anything)", EXPOSURE_FAIL_ON))
    .option('--allow-partial', 'exit 0 rather than 3 when some way in could not be followed')
    .option('-q, --quiet', 'print nothing to stderr but warnings')
    .option('--no-color', 'never use colour');
  addLiveOptions(exposure).action(async (flags: ExposureFlags) => setExitCode(await (await import('./exposure-command.js')).runExposure(flags)));

  program
    .command('merge')
    .description('combine the JSON reports of the N shards of one split scan (scan --shard I/N) into the report the whole scan would have written')
    .argument('<reports...>', 'the shard reports (scan --shard I/N --format json), each shard exactly once')
    .addOption(choiceOption('--format <name>', 'report format (JUnit and HTML need each outcome, which a JSON report does not carry)', ['json', 'sarif', 'csv', 'markdown', 'table']).default('json'))
    .option('--output <file>', 'write the merged report to FILE instead of stdout')
    .addOption(choiceOption('--fail-on <severity>', 'exit 1 when a finding is at or above this severity', SEVERITIES))
    .option('--allow-partial', 'exit 0 rather than 3 when some data could not be read (a missing shard is still exit 3)')
    .option('-q, --quiet', 'print nothing to stderr but warnings')
    .option('--no-color', 'never use colour (also: NO_COLOR=1)')
    .action(async (files: string[], flags: MergeFlags) => setExitCode(await (await import('./merge-command.js')).runMerge(files, flags)));

  const rules = program
    .command('rules')
    .description('list the rule catalogue')
    .addOption(choiceOption('--format <name>', 'output format', ['table', 'json']).default('table'))
    .addOption(choiceOption('--service <name>', 'only the rules of this service', SERVICE_IDS))
    .addOption(choiceOption('--severity <severity>', 'only the rules whose findings can reach this severity, as scan --severity selects them', SEVERITIES))
    .addOption(choiceOption('--compliance <framework>', 'only the rules mapped to a control of this framework', Object.keys(COMPLIANCE_FRAMEWORKS)))
    .option('--no-color', 'never use colour')
    .action(async (flags: RulesFlags) => setExitCode((await import('./rules-command.js')).listRules(flags)));
  rules
    .command('show <id>')
    .description('print one rule with its documentation, by id or name')
    // Declared for --help: `rules` itself takes --no-color wherever it is written, hence optsWithGlobals.
    .option('--no-color', 'never use colour')
    .action(async (id: string, _flags: object, command: Command) => {
      const listOnly = ['format', 'service', 'severity', 'compliance'].filter((key) => rules.getOptionValueSource(key) === 'cli');
      if (listOnly.length > 0) throw new UsageError(`rules show: ${listOnly.map((key) => `--${key}`).join(', ')} ${listOnly.length > 1 ? 'are flags' : 'is a flag'} of 'azscan rules', which lists rules; 'rules show' prints one`);
      setExitCode((await import('./rules-command.js')).showRule(id, command.optsWithGlobals<{ color: boolean }>()));
    });

  return program;
}

/**
 * Runs the CLI and returns its exit code. Known errors (what azscan was given is wrong) become
 * one line on stderr and exit 2; anything else is a failure inside azscan, exit 4, never
 * passed off as the user's mistake and never an exit 0.
 */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram((code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version are successes; every other commander error was already printed.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usageOrInput;
    }
    if (isAzscanError(error) || isAuthError(error)) {
      // Messages quote ids, names and values from the input or from ARM: untrusted text.
      process.stderr.write(`azscan: ${sanitizeForTerminal(error.message)}\n`);
      return EXIT.usageOrInput;
    }
    return reportInternalError(error);
  }
}

/** One line, or the stack with AZSCAN_DEBUG=1; exit 4. */
function reportInternalError(error: unknown): number {
  const message = error instanceof Error ? error.message : String(error);
  const detail = process.env.AZSCAN_DEBUG && error instanceof Error ? `\n${error.stack}` : ' (set AZSCAN_DEBUG=1 for the stack trace)';
  process.stderr.write(`azscan: internal error: ${sanitizeForTerminal(message)}${detail}\n`);
  return EXIT.internal;
}

// A failure outside main's await (a timer or socket callback in an SDK) is an internal error
// too: one line and exit 4, not Node's stack trace and exit 1.
process.on('uncaughtException', (error) => process.exit(reportInternalError(error)));
process.on('unhandledRejection', (error) => process.exit(reportInternalError(error)));

ignoreClosedStdout();

main(process.argv.slice(2)).then(async (code) => {
  process.exitCode = code;
  // The SDKs can leave timers and keep-alive sockets behind after a live scan; once the
  // report is out there is nothing left to wait for.
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  process.exit(code);
});

function drained(stream: NodeJS.WriteStream): Promise<void> {
  return stream.writableNeedDrain ? new Promise((resolve) => stream.once('drain', () => resolve())) : Promise.resolve();
}
