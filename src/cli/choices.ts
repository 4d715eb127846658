import { InvalidArgumentError, Option } from 'commander';

/**
 * An option whose value is one of `choices`, matched case-insensitively as --rule is
 * (`--format JSON`, `--cloud azurechinacloud`), and handed on spelled as in `choices`.
 * Commander's own `.choices()` is case-sensitive; this keeps what it shows: the choices in
 * `--help`, and in the error for any other value.
 */
export function choiceOption(flags: string, description: string, choices: readonly string[]): Option {
  const option = new Option(flags, description).argParser((value: string) => {
    const key = value.trim().toLowerCase();
    const choice = choices.find((candidate) => candidate.toLowerCase() === key);
    if (choice === undefined) throw new InvalidArgumentError(`Allowed choices are ${choices.join(', ')}.`);
    return choice;
  });
  option.argChoices = [...choices];
  return option;
}
