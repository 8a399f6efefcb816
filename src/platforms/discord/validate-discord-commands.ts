import type { APIApplicationCommandOption, LocalizationMap, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';

/**
 * Discord's rules for chat-input commands
 * (https://discord.com/developers/docs/interactions/application-commands#application-command-object).
 */
export const DISCORD_NAME = /^[-_\p{L}\p{N}]{1,32}$/u;
export const DISCORD_MAX_OPTIONS = 25;
export const DISCORD_MAX_CHOICES = 25;
export const DISCORD_MAX_DESCRIPTION_LENGTH = 100;
export const DISCORD_MAX_CHOICE_LENGTH = 100;
/** Names, descriptions and choices of one command together, counting the longest localization of each. */
export const DISCORD_MAX_COMMAND_CHARACTERS = 8000;

type Described = { name: string; name_localizations?: LocalizationMap | null; description?: string; description_localizations?: LocalizationMap | null };

/**
 * Checks command definitions against Discord's rules before they are sent, so that a bad locale
 * string or a new command is reported here, by path, rather than as a 400 from Discord. Returns
 * the problems, one sentence each; none means the definitions are valid.
 */
export function validateDiscordCommands(commands: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[]): string[] {
  const problems: string[] = [];
  checkUnique(commands.map((c) => c.name), 'the commands', problems);
  for (const command of commands) {
    const path = `/${command.name}`;
    const size = checkDescribed(command, path, problems) + checkOptions(command.options ?? [], path, problems);
    if (size > DISCORD_MAX_COMMAND_CHARACTERS) {
      problems.push(`${path}: its names, descriptions and choices add up to ${size} characters; Discord allows ${DISCORD_MAX_COMMAND_CHARACTERS}`);
    }
  }
  return problems;
}

/** Checks the options of a command or subcommand; returns the characters they count for. */
function checkOptions(options: readonly APIApplicationCommandOption[], path: string, problems: string[]): number {
  if (options.length > DISCORD_MAX_OPTIONS) problems.push(`${path}: ${options.length} options or subcommands; Discord allows ${DISCORD_MAX_OPTIONS}`);
  checkUnique(options.map((o) => o.name), path, problems);
  let size = 0;
  let optionalSeen = false;
  for (const option of options) {
    const at = `${path} ${option.name}`;
    size += checkDescribed(option, at, problems);
    if ('options' in option && option.options) size += checkOptions(option.options, at, problems);
    const required = 'required' in option && option.required === true;
    if (required && optionalSeen) problems.push(`${at}: a required option must come before the optional ones`);
    if (!required) optionalSeen = true;
    const choices = 'choices' in option && option.choices ? option.choices : [];
    if (choices.length > DISCORD_MAX_CHOICES) problems.push(`${at}: ${choices.length} choices; Discord allows ${DISCORD_MAX_CHOICES}`);
    if (choices.length > 0 && 'autocomplete' in option && option.autocomplete) problems.push(`${at}: an option cannot have both choices and autocomplete`);
    for (const choice of choices) {
      for (const [where, text] of texts(choice.name, choice.name_localizations)) {
        if (text.length < 1 || text.length > DISCORD_MAX_CHOICE_LENGTH) problems.push(`${at}: choice name ${where}"${text}" must be 1-${DISCORD_MAX_CHOICE_LENGTH} characters`);
      }
      if (typeof choice.value === 'string' && choice.value.length > DISCORD_MAX_CHOICE_LENGTH) problems.push(`${at}: choice value "${choice.value}" is over ${DISCORD_MAX_CHOICE_LENGTH} characters`);
      size += longest(choice.name, choice.name_localizations) + String(choice.value).length;
    }
  }
  return size;
}

/** Checks a name and description with their localizations; returns the characters they count for. */
function checkDescribed(item: Described, path: string, problems: string[]): number {
  for (const [where, name] of texts(item.name, item.name_localizations)) {
    if (!DISCORD_NAME.test(name) || name !== name.toLowerCase()) {
      problems.push(`${path}: name ${where}"${name}" must be 1-32 lowercase letters, digits, "-" or "_"`);
    }
  }
  const description = item.description ?? '';
  for (const [where, text] of texts(description, item.description_localizations)) {
    if (text.length < 1 || text.length > DISCORD_MAX_DESCRIPTION_LENGTH) {
      problems.push(`${path}: description ${where}"${text}" must be 1-${DISCORD_MAX_DESCRIPTION_LENGTH} characters (it has ${text.length})`);
    }
  }
  return longest(item.name, item.name_localizations) + longest(description, item.description_localizations);
}

/** The default text and each localization, with where it comes from for messages. */
function texts(text: string, localizations: LocalizationMap | null | undefined): [string, string][] {
  return [['', text], ...Object.entries(localizations ?? {}).map(([locale, t]): [string, string] => [`(${locale}) `, t ?? ''])];
}

function longest(text: string, localizations: LocalizationMap | null | undefined): number {
  return Math.max(text.length, ...Object.values(localizations ?? {}).map((t) => t?.length ?? 0));
}

function checkUnique(names: readonly string[], path: string, problems: string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) problems.push(`${path}: the name "${name}" is used twice`);
    seen.add(name);
  }
}
