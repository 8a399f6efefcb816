import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandGroupOption,
  type APIApplicationCommandSubcommandOption,
  type LocalizationMap,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import { Info } from 'luxon';
import type { CommandDefinition, CommandForm } from '../../dispatch/command.js';
import type { OptionDeclaration } from '../../dispatch/options.js';
import { FILTER_PARTS } from '../../dispatch/read-option.js';
import { REGIONS, type Lang } from '../../domain/vocabulary.js';
import type { MessageKey } from '../../i18n/message-keys.js';
import type { Translator } from '../../i18n/translator.js';
import { capitalized } from '../../i18n/typography.js';
import { DISCORD_MAX_STRING_LENGTH } from './validate-discord-commands.js';

/** The one slash command; each chat command is a subcommand of it. */
export const GSEF_COMMAND = 'gsef';

/**
 * The locale key of the message command ("Send to GSEF newsletter" in a message's Apps menu). Its
 * English text is its name, which interactions carry whatever the person's language.
 */
export const MESSAGE_COMMAND_KEY = 'discord.messageCommand' satisfies MessageKey;

/** What the bot registers: `/gsef` and the message command. */
export type DiscordCommandBody =
  RESTPostAPIChatInputApplicationCommandsJSONBody | RESTPostAPIContextMenuApplicationCommandsJSONBody;

/**
 * The Discord locales each language is offered in. English is the default text, which Discord
 * shows for en-US, en-GB and every locale without a translation.
 */
const DISCORD_LOCALES: Record<Exclude<Lang, 'en'>, readonly string[]> = { fr: ['fr'], es: ['es-ES', 'es-419'] };

type Text = { text: string; localizations: LocalizationMap };

/**
 * The application commands to register, derived from the chat commands: `/gsef` with a subcommand
 * per command (a subcommand group for a command made of subcommands: `/gsef newsletter approve`),
 * typed options, and names, descriptions and choices in English (the default), French and
 * Spanish. Adding a command to commands/ adds it here. Beside it, the message command that sends a
 * message to the newsletter (names only: Discord shows no description for message commands, and
 * their names may hold capitals and spaces).
 */
export function discordCommands(commands: readonly CommandDefinition[], translator: Translator): DiscordCommandBody[] {
  // Texts are sent whole: one over Discord's limits (a description over 100 characters) fails
  // validation, which names it, rather than reaching people cut mid-word.
  const localized = (key: MessageKey): Text => localize((lang) => translator.t(lang, key));
  const described = (key: MessageKey) => {
    const { text, localizations } = localized(key);
    return { description: text, description_localizations: localizations };
  };
  /** A key the locale files may have, made from names (a command's, an option's): undefined when they do not. */
  const optional = <Family extends string>(family: Family, ...names: string[]) => {
    const key = [family, ...names].join('.');
    return isKeyOf(key, family, translator) ? key : undefined;
  };
  const named = (name: string) => {
    const key = optional('discord.optionNames', name);
    return key ? { name, name_localizations: localized(key).localizations } : { name };
  };
  // A command without its own description of a subcommand or option still gets one: its usage line.
  const usage = (command: CommandDefinition): MessageKey =>
    optional('commands', command.name, 'usage') ?? 'discord.description';

  const monthOption = (): APIApplicationCommandBasicOption => ({
    type: ApplicationCommandOptionType.String,
    ...named(FILTER_PARTS.month),
    ...described('discord.filter.month'),
    choices: Array.from({ length: 12 }, (_, i) => {
      const { text, localizations } = localize((lang) => capitalized(lang, Info.months('long', { locale: lang })[i]!));
      return { name: text, name_localizations: localizations, value: String(i + 1) };
    }),
  });

  /** A filter becomes a region and a month with choices (no month for members), and free text. */
  const filterOptions = (option: OptionDeclaration): APIApplicationCommandBasicOption[] => [
    {
      type: ApplicationCommandOptionType.String,
      ...named(FILTER_PARTS.region),
      ...described('discord.filter.region'),
      choices: REGIONS.map((region) => {
        const { text, localizations } = localized(`region.${region}`);
        return { name: text, name_localizations: localizations, value: region };
      }),
    },
    ...(option.type === 'event-filter' ? [monthOption()] : []),
    {
      type: ApplicationCommandOptionType.String,
      ...named(option.name),
      ...described('discord.filter.filter'),
    },
  ];

  const basicOptions = (command: CommandDefinition, option: OptionDeclaration): APIApplicationCommandBasicOption[] => {
    if (option.type === 'event-filter' || option.type === 'member-filter') return filterOptions(option);
    const common = {
      ...named(option.name),
      ...described(optional('discord.options', command.name, option.name) ?? usage(command)),
      required: option.required,
    };
    switch (option.type) {
      case 'integer':
        return [{ type: ApplicationCommandOptionType.Integer, ...common, min_value: 0 }];
      case 'year':
        return [{ type: ApplicationCommandOptionType.Integer, ...common, min_value: 1000, max_value: 9999 }];
      case 'choice':
        return [
          {
            type: ApplicationCommandOptionType.String,
            ...common,
            choices: option.choices.map((value) => {
              const label = optional('discord.choices', option.name, value);
              return label ? { ...localizedName(localized(label)), value } : { name: value, value };
            }),
          },
        ];
      case 'flag':
        return [{ type: ApplicationCommandOptionType.Boolean, ...common }];
      // Discord offers the server's people; the value is the chosen person's id.
      case 'person':
        return [{ type: ApplicationCommandOptionType.User, ...common }];
      case 'event-name':
      case 'member-name':
        return [{ type: ApplicationCommandOptionType.String, ...common, autocomplete: true }];
      // News may run to MAX_NEWS_LENGTH characters: Discord lets a person type its most, and the
      // bot answers an item that is too long itself, in the person's language.
      case 'news-text':
        return [{ type: ApplicationCommandOptionType.String, ...common, max_length: DISCORD_MAX_STRING_LENGTH }];
      default:
        return [{ type: ApplicationCommandOptionType.String, ...common }];
    }
  };

  const subcommand = (
    command: CommandDefinition,
    name: string,
    form: CommandForm | undefined,
    description: MessageKey,
  ): APIApplicationCommandSubcommandOption => ({
    type: ApplicationCommandOptionType.Subcommand,
    name,
    ...described(description),
    // Required options first, as Discord wants them: text may read an optional word before them (`agenda propose [Q3] <text>`).
    options: requiredFirst(form?.options ?? []).flatMap((o) => basicOptions(command, o)),
  });

  /** A command: a subcommand of /gsef, or a group of its own subcommands (the hidden forms of buttons are not offered). */
  const commandOption = (
    command: CommandDefinition,
  ): APIApplicationCommandSubcommandOption | APIApplicationCommandSubcommandGroupOption => {
    const summary = optional('commands', command.name, 'summary') ?? 'discord.description';
    const offered = command.subcommands.filter((s) => !s.hidden);
    if (offered.length === 0) return subcommand(command, command.name, command.form, summary);
    return {
      type: ApplicationCommandOptionType.SubcommandGroup,
      name: command.name,
      ...described(summary),
      options: offered.map((s) =>
        subcommand(command, s.name, s.form, optional('discord.subcommands', command.name, s.name) ?? usage(command)),
      ),
    };
  };

  return [
    {
      type: ApplicationCommandType.ChatInput,
      name: GSEF_COMMAND,
      ...described('discord.description'),
      options: commands.map(commandOption),
    },
    {
      type: ApplicationCommandType.Message,
      name: translator.t('en', MESSAGE_COMMAND_KEY),
      name_localizations: localize((lang) => translator.t(lang, MESSAGE_COMMAND_KEY)).localizations,
    },
  ];
}

function requiredFirst(options: readonly OptionDeclaration[]): OptionDeclaration[] {
  return [...options.filter((o) => o.required), ...options.filter((o) => !o.required)];
}

/** Whether the locale files have `key`, one of the keys under `family`. */
function isKeyOf<Family extends string>(
  key: string,
  _family: Family,
  translator: Translator,
): key is Extract<MessageKey, `${Family}.${string}`> {
  return translator.has('en', key);
}

function localizedName({ text, localizations }: Text) {
  return { name: text, name_localizations: localizations };
}

function localize(inLang: (lang: Lang) => string): Text {
  const localizations: LocalizationMap = {};
  for (const [lang, locales] of Object.entries(DISCORD_LOCALES) as [Lang, readonly string[]][]) {
    for (const locale of locales) localizations[locale as keyof LocalizationMap] = inLang(lang);
  }
  return { text: inLang('en'), localizations };
}
