import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type APIApplicationCommandOption,
  type LocalizationMap,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { DiscordCommandBody } from './discord-commands.js';

/**
 * Discord's rules for chat-input commands
 * (https://discord.com/developers/docs/interactions/application-commands#application-command-object).
 */
export const DISCORD_NAME = /^[-_\p{L}\p{N}]{1,32}$/u;
/** Names of message (and user) commands: what people read in the Apps menu, capitals and spaces allowed. */
export const DISCORD_MENU_NAME_LENGTH = 32;
/** How many message commands an application may have in one scope. */
export const DISCORD_MAX_MESSAGE_COMMANDS = 5;
export const DISCORD_MAX_OPTIONS = 25;
export const DISCORD_MAX_CHOICES = 25;
export const DISCORD_MAX_DESCRIPTION_LENGTH = 100;
export const DISCORD_MAX_CHOICE_LENGTH = 100;
/** The most a person may type in a string option (its max_length, and the length without one). */
export const DISCORD_MAX_STRING_LENGTH = 6000;
/** Names, descriptions and choices of one command together, counting the longest localization of each. */
export const DISCORD_MAX_COMMAND_CHARACTERS = 8000;

type Described = {
  name: string;
  name_localizations?: LocalizationMap | null;
  description?: string;
  description_localizations?: LocalizationMap | null;
};

/**
 * Checks command definitions against Discord's rules before they are sent, so that a bad locale
 * string or a new command is reported here, by path, rather than as a 400 from Discord. Returns
 * the problems, one sentence each; none means the definitions are valid.
 */
export function validateDiscordCommands(commands: readonly DiscordCommandBody[]): string[] {
  const problems: string[] = [];
  const menus = commands.filter(
    (c) => c.type === ApplicationCommandType.Message || c.type === ApplicationCommandType.User,
  );
  const chatInputs = commands.filter((c): c is RESTPostAPIChatInputApplicationCommandsJSONBody => !menus.includes(c));
  // Names are unique per kind: a slash command and a message command may share one.
  checkUnique(
    chatInputs.map((c) => c.name),
    'the commands',
    problems,
  );
  for (const type of [ApplicationCommandType.Message, ApplicationCommandType.User])
    checkUnique(
      menus.filter((c) => c.type === type).map((c) => c.name),
      'the menu commands',
      problems,
    );
  const messageCommands = menus.filter((c) => c.type === ApplicationCommandType.Message).length;
  if (messageCommands > DISCORD_MAX_MESSAGE_COMMANDS)
    problems.push(
      `the menu commands: ${messageCommands} message commands; Discord allows ${DISCORD_MAX_MESSAGE_COMMANDS}`,
    );
  for (const command of menus) checkMenuCommand(command, problems);
  for (const command of chatInputs) {
    const path = `/${command.name}`;
    const size =
      checkDescribed(command, path, problems) + checkOptions(command.options ?? [], path, 'command', problems);
    if (size > DISCORD_MAX_COMMAND_CHARACTERS) {
      problems.push(
        `${path}: its names, descriptions and choices add up to ${size} characters; Discord allows ${DISCORD_MAX_COMMAND_CHARACTERS}`,
      );
    }
  }
  return problems;
}

/** A message or user command: a name of 1-32 characters in every language, no description, no options. */
function checkMenuCommand(command: DiscordCommandBody, problems: string[]): void {
  const path = `"${command.name}" (menu command)`;
  for (const [where, name] of texts(command.name, command.name_localizations)) {
    if (name.trim().length < 1 || [...name].length > DISCORD_MENU_NAME_LENGTH)
      problems.push(`${path}: name ${where}"${name}" must be 1-${DISCORD_MENU_NAME_LENGTH} characters`);
  }
  const described = command as { description?: string; description_localizations?: LocalizationMap | null };
  if ((described.description ?? '') !== '' || Object.keys(described.description_localizations ?? {}).length > 0)
    problems.push(`${path}: a menu command has no description`);
  if ('options' in command && command.options?.length) problems.push(`${path}: a menu command has no options`);
}

/**
 * Where options sit: Discord nests one level deep. A command holds either subcommands and
 * subcommand groups or options (subcommands make the command itself unusable), a group holds
 * subcommands only, and a subcommand holds options only.
 */
type Level = 'command' | 'group' | 'subcommand';

const SUBCOMMAND_TYPES: readonly ApplicationCommandOptionType[] = [
  ApplicationCommandOptionType.Subcommand,
  ApplicationCommandOptionType.SubcommandGroup,
];

function checkNesting(options: readonly APIApplicationCommandOption[], path: string, level: Level, problems: string[]) {
  const subcommands = options.filter((o) => SUBCOMMAND_TYPES.includes(o.type));
  if (level === 'command' && subcommands.length > 0 && subcommands.length < options.length)
    problems.push(`${path}: a command holds either subcommands or options, not both`);
  if (level === 'group' && options.some((o) => o.type !== ApplicationCommandOptionType.Subcommand))
    problems.push(`${path}: a subcommand group holds subcommands only`);
  if (level === 'subcommand' && subcommands.length > 0)
    problems.push(`${path}: a subcommand holds options only, no subcommand or group`);
}

/** Checks the options of a command, group or subcommand; returns the characters they count for. */
function checkOptions(
  options: readonly APIApplicationCommandOption[],
  path: string,
  level: Level,
  problems: string[],
): number {
  checkNesting(options, path, level, problems);
  if (options.length > DISCORD_MAX_OPTIONS)
    problems.push(`${path}: ${options.length} options or subcommands; Discord allows ${DISCORD_MAX_OPTIONS}`);
  checkUnique(
    options.map((o) => o.name),
    path,
    problems,
  );
  let size = 0;
  let optionalSeen = false;
  for (const option of options) {
    const at = `${path} ${option.name}`;
    size += checkDescribed(option, at, problems);
    if ('options' in option && option.options)
      size += checkOptions(
        option.options,
        at,
        option.type === ApplicationCommandOptionType.SubcommandGroup ? 'group' : 'subcommand',
        problems,
      );
    const required = 'required' in option && option.required === true;
    if (required && optionalSeen) problems.push(`${at}: a required option must come before the optional ones`);
    if (!required) optionalSeen = true;
    const maxLength = 'max_length' in option ? option.max_length : undefined;
    if (maxLength !== undefined && (maxLength < 1 || maxLength > DISCORD_MAX_STRING_LENGTH))
      problems.push(`${at}: max_length ${maxLength}; Discord allows 1-${DISCORD_MAX_STRING_LENGTH}`);
    const choices = 'choices' in option && option.choices ? option.choices : [];
    if (choices.length > DISCORD_MAX_CHOICES)
      problems.push(`${at}: ${choices.length} choices; Discord allows ${DISCORD_MAX_CHOICES}`);
    if (choices.length > 0 && 'autocomplete' in option && option.autocomplete)
      problems.push(`${at}: an option cannot have both choices and autocomplete`);
    for (const choice of choices) {
      for (const [where, text] of texts(choice.name, choice.name_localizations)) {
        if (text.length < 1 || text.length > DISCORD_MAX_CHOICE_LENGTH)
          problems.push(`${at}: choice name ${where}"${text}" must be 1-${DISCORD_MAX_CHOICE_LENGTH} characters`);
      }
      if (typeof choice.value === 'string' && choice.value.length > DISCORD_MAX_CHOICE_LENGTH)
        problems.push(`${at}: choice value "${choice.value}" is over ${DISCORD_MAX_CHOICE_LENGTH} characters`);
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
      problems.push(
        `${path}: description ${where}"${text}" must be 1-${DISCORD_MAX_DESCRIPTION_LENGTH} characters (it has ${text.length})`,
      );
    }
  }
  return longest(item.name, item.name_localizations) + longest(description, item.description_localizations);
}

/** The default text and each localization, with where it comes from for messages. */
function texts(text: string, localizations: LocalizationMap | null | undefined): [string, string][] {
  return [
    ['', text],
    ...Object.entries(localizations ?? {}).map(([locale, t]): [string, string] => [`(${locale}) `, t ?? '']),
  ];
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
