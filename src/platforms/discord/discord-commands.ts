import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  type LocalizationMap,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import { Info } from 'luxon';
import type { CommandDefinition, CommandOption } from '../../dispatch/command.js';
import { REGIONS, type Lang } from '../../domain/vocabulary.js';
import type { Translator } from '../../i18n/translator.js';
import { truncate } from '../../reply/truncate.js';
import { DISCORD_MAX_DESCRIPTION_LENGTH, DISCORD_MAX_STRING_LENGTH } from './validate-discord-commands.js';

/** The one slash command; each chat command is a subcommand of it. */
export const GSEF_COMMAND = 'gsef';

/**
 * The locale key of the message command ("Send to GSEF newsletter" in a message's Apps menu). Its
 * English text is its name, which interactions carry whatever the person's language.
 */
export const MESSAGE_COMMAND_KEY = 'discord.messageCommand';

/** What the bot registers: `/gsef` and the message command. */
export type DiscordCommandBody =
  RESTPostAPIChatInputApplicationCommandsJSONBody | RESTPostAPIContextMenuApplicationCommandsJSONBody;

/** A filter option becomes these Discord options: region and month with choices (no month for members), and free text. */
export const FILTER_OPTIONS = { region: 'region', month: 'month', filter: 'filter' } as const;

/**
 * The Discord locales each language is offered in. English is the default text, which Discord
 * shows for en-US, en-GB and every locale without a translation.
 */
const DISCORD_LOCALES: Record<Exclude<Lang, 'en'>, readonly string[]> = { fr: ['fr'], es: ['es-ES', 'es-419'] };

type Text = { text: string; localizations: LocalizationMap };

/**
 * The application commands to register, derived from the chat commands: `/gsef` with a subcommand
 * per command, typed options, and names, descriptions and choices in English (the default),
 * French and Spanish. Adding a command to commands/ adds a subcommand here. Beside it, the
 * message command that sends a message to the newsletter (names only: Discord shows no
 * description for message commands, and their names may hold capitals and spaces).
 */
export function discordCommands(commands: readonly CommandDefinition[], translator: Translator): DiscordCommandBody[] {
  const localized = (key: string, max = DISCORD_MAX_DESCRIPTION_LENGTH): Text =>
    localize((lang) => truncate(translator.t(lang, key), max));
  const described = (key: string) => {
    const { text, localizations } = localized(key);
    return { description: text, description_localizations: localizations };
  };
  const named = (name: string) => {
    const key = `discord.optionNames.${name}`;
    // Names are not cut: one too long fails validation, which says which.
    return translator.has('en', key)
      ? { name, name_localizations: localized(key, Number.POSITIVE_INFINITY).localizations }
      : { name };
  };

  const filterOptions = (type: 'event-filter' | 'member-filter'): APIApplicationCommandBasicOption[] => [
    {
      type: ApplicationCommandOptionType.String,
      ...named(FILTER_OPTIONS.region),
      ...described('discord.filter.region'),
      choices: REGIONS.map((region) => {
        const { text, localizations } = localized(`region.${region}`);
        return { name: text, name_localizations: localizations, value: region };
      }),
    },
    ...(type === 'event-filter' ? [monthOption()] : []),
    {
      type: ApplicationCommandOptionType.String,
      ...named(FILTER_OPTIONS.filter),
      ...described('discord.filter.filter'),
    },
  ];

  const monthOption = (): APIApplicationCommandBasicOption => ({
    type: ApplicationCommandOptionType.String,
    ...named(FILTER_OPTIONS.month),
    ...described('discord.filter.month'),
    choices: Array.from({ length: 12 }, (_, i) => {
      const { text, localizations } = localize((lang) => capitalize(Info.months('long', { locale: lang })[i]!));
      return { name: text, name_localizations: localizations, value: String(i + 1) };
    }),
  });

  const options = (command: CommandDefinition, option: CommandOption): APIApplicationCommandBasicOption[] => {
    if (option.type === 'event-filter' || option.type === 'member-filter') return filterOptions(option.type);
    const key = `discord.options.${command.name}.${option.name}`;
    return [
      {
        type: ApplicationCommandOptionType.String,
        ...named(option.name),
        // A command without its own option description still gets one: its usage line.
        ...described(translator.has('en', key) ? key : `commands.${command.name}.usage`),
        required: option.required,
        ...(option.type === 'event-name' || option.type === 'member-name' ? { autocomplete: true } : {}),
        // News may run to MAX_NEWS_LENGTH characters: Discord lets a person type its most, and the
        // bot answers an item that is too long itself, in the person's language.
        ...(option.type === 'news-text' ? { max_length: DISCORD_MAX_STRING_LENGTH } : {}),
      },
    ];
  };

  const subcommand = (command: CommandDefinition): APIApplicationCommandSubcommandOption => ({
    type: ApplicationCommandOptionType.Subcommand,
    name: command.name,
    ...described(`commands.${command.name}.summary`),
    // Discord wants required options first.
    options: [...command.options]
      .sort((a, b) => Number(b.required) - Number(a.required))
      .flatMap((o) => options(command, o)),
  });

  return [
    {
      type: ApplicationCommandType.ChatInput,
      name: GSEF_COMMAND,
      ...described('discord.description'),
      options: commands.map(subcommand),
    },
    {
      type: ApplicationCommandType.Message,
      name: translator.t('en', MESSAGE_COMMAND_KEY),
      name_localizations: localize((lang) => translator.t(lang, MESSAGE_COMMAND_KEY)).localizations,
    },
  ];
}

function localize(inLang: (lang: Lang) => string): Text {
  const localizations: LocalizationMap = {};
  for (const [lang, locales] of Object.entries(DISCORD_LOCALES) as [Lang, readonly string[]][]) {
    for (const locale of locales) localizations[locale as keyof LocalizationMap] = inLang(lang);
  }
  return { text: inLang('en'), localizations };
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
