import type { APIApplicationCommandOption, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.js';
import type { Catalog } from '../../../src/catalog/load-catalog.js';
import { Translator } from '../../../src/i18n/translator.js';
import { discordCommands } from '../../../src/platforms/discord/discord-commands.js';
import {
  DISCORD_MAX_DESCRIPTION_LENGTH,
  validateDiscordCommands,
} from '../../../src/platforms/discord/validate-discord-commands.js';
import { realCatalog } from '../../support/test-bot.js';

type Described = RESTPostAPIChatInputApplicationCommandsJSONBody | APIApplicationCommandOption;

/** Every description of a definition and its options, at any depth, in every language it is sent in. */
function descriptions(items: readonly Described[]): string[] {
  return items.flatMap((item) => [
    item.description,
    ...Object.values(item.description_localizations ?? {}).filter((text): text is string => text !== undefined),
    ...('options' in item && item.options ? descriptions(item.options) : []),
  ]);
}

function slashCommand(locales: Catalog['locales']): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return discordCommands(COMMANDS, new Translator(locales))[0] as RESTPostAPIChatInputApplicationCommandsJSONBody;
}

describe('Discord descriptions', () => {
  it('are the locale files’ whole texts, each within 100 characters in English, French and Spanish', async () => {
    const { locales } = await realCatalog();
    const gsef = slashCommand(locales);
    expect(validateDiscordCommands([gsef])).toEqual([]);
    const sent = descriptions([gsef]);
    // The commands' one-line help summaries are what Discord shows under each subcommand, uncut.
    for (const lang of ['en', 'fr', 'es'] as const)
      for (const command of COMMANDS)
        expect(sent, `${lang} ${command.name}`).toContain(locales[lang].get(`commands.${command.name}.summary`));
    for (const text of sent) expect([...text].length, text).toBeLessThanOrEqual(DISCORD_MAX_DESCRIPTION_LENGTH);
  });

  it('sends a text that is too long as it is, so that validation names it instead of Discord showing it cut', async () => {
    const { locales } = await realCatalog();
    const long = `${'Une description beaucoup trop longue pour Discord '.repeat(2)}, qui dépasse la limite.`;
    const withLongSummary = { ...locales, fr: new Map(locales.fr).set('commands.lang.summary', long) };
    const gsef = slashCommand(withLongSummary);
    expect(descriptions([gsef])).toContain(long);
    expect(validateDiscordCommands([gsef])).toEqual([
      `/gsef lang: description (fr) "${long}" must be 1-100 characters (it has ${long.length})`,
    ]);
  });
});
