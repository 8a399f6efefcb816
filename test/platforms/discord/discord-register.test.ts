import type {
  APIApplicationCommandOption,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.js';
import { discordRegisterCli } from '../../../src/cli/discord-register.js';
import type { DiscordCommandBody } from '../../../src/platforms/discord/discord-commands.js';
import { restApiOf } from '../../../src/platforms/discord/discord-config.js';
import { validateDiscordCommands } from '../../../src/platforms/discord/validate-discord-commands.js';
import { InvalidDiscordCommandsError } from '../../../src/errors.js';
import { registerDiscordCommands } from '../../../src/platforms/discord/register-discord-commands.js';
import { DATA_DIR } from '../../support/test-bot.js';
import { APPLICATION_ID, FakeDiscord, GUILD_ID } from './fake-discord.js';

let fake: FakeDiscord;

beforeAll(async () => {
  fake = await FakeDiscord.start();
});

afterAll(async () => {
  await fake?.close();
});

async function register(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const env = {
    DISCORD_TOKEN: 'fake-token',
    DISCORD_APPLICATION_ID: APPLICATION_ID,
    DISCORD_API_URL: fake.baseUrl,
    GSEF_DATA_DIR: DATA_DIR,
  };
  const code = await discordRegisterCli(
    args,
    env,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;
const LOCALES = ['fr', 'es-ES'];

/** Every name and description in a definition, at any depth, with where it is. */
function described(
  items: readonly (RESTPostAPIChatInputApplicationCommandsJSONBody | APIApplicationCommandOption)[],
  path = '',
): { at: string; item: RESTPostAPIChatInputApplicationCommandsJSONBody | APIApplicationCommandOption }[] {
  return items.flatMap((item) => {
    const at = `${path}/${item.name}`;
    const children = 'options' in item && item.options ? described(item.options, at) : [];
    return [{ at, item }, ...children];
  });
}

const MESSAGE_COMMAND = 'Send to GSEF newsletter';

describe('gsef discord-register', () => {
  it('bulk-overwrites the guild commands with /gsef and one subcommand (or group) per command, within Discord rules', async () => {
    const { code, out } = await register('--guild', GUILD_ID);
    expect(code).toBe(0);
    expect(out).toContain(`in server ${GUILD_ID}`);
    expect(out).toContain('added: /gsef');
    expect(out).toContain(`added: "${MESSAGE_COMMAND}" (message command)`);

    const [put] = fake.requestsTo(
      'PUT',
      new RegExp(`^/api/v10/applications/${APPLICATION_ID}/guilds/${GUILD_ID}/commands$`),
    );
    const all = put!.body as DiscordCommandBody[];
    expect(all.map((c) => c.name)).toEqual(['gsef', MESSAGE_COMMAND]);
    const body = all.filter((c) => c.type === 1) as RESTPostAPIChatInputApplicationCommandsJSONBody[];
    expect(body[0]!.options!.map((o) => o.name)).toEqual(COMMANDS.map((c) => c.name));
    // Subcommands make the agenda, newsletter and role groups; every other command is a subcommand.
    expect(body[0]!.options!.filter((o) => o.type !== 1).map((o) => [o.name, o.type])).toEqual([
      ['agenda', 2],
      ['newsletter', 2],
      ['role', 2],
    ]);
    for (const { at, item } of described(body)) {
      for (const name of [item.name, ...Object.values(item.name_localizations ?? {})]) {
        expect(name, at).toMatch(NAME);
        expect(name, at).toBe(name!.toLowerCase());
      }
      for (const text of [item.description, ...Object.values(item.description_localizations ?? {})])
        expect(text!.length, at).toBeGreaterThan(0);
      for (const text of [item.description, ...Object.values(item.description_localizations ?? {})])
        expect(text!.length, at).toBeLessThanOrEqual(100);
      expect(Object.keys(item.description_localizations ?? {}), at).toEqual(expect.arrayContaining(LOCALES));
      if ('options' in item && item.options) expect(item.options.length, at).toBeLessThanOrEqual(25);
      if ('choices' in item && item.choices) {
        expect(item.choices.length, at).toBeLessThanOrEqual(25);
        for (const choice of item.choices)
          expect(Object.keys(choice.name_localizations ?? {}), at).toEqual(expect.arrayContaining(LOCALES));
      }
    }
  });

  it('registers the message command "Send to GSEF newsletter" beside /gsef, named in French and Spanish, within Discord rules', () => {
    const registered = fake.commands.get(GUILD_ID)!;
    const command = registered.find(
      (c) => c.type === 3,
    ) as unknown as RESTPostAPIContextMenuApplicationCommandsJSONBody;
    expect(command).toMatchObject({
      type: 3,
      name: MESSAGE_COMMAND,
      name_localizations: {
        fr: 'Envoyer au bulletin du GSEF',
        'es-ES': 'Enviar al boletín del GSEF',
        'es-419': 'Enviar al boletín del GSEF',
      },
    });
    // Discord's rules for message commands: a name of 1-32 characters (capitals and spaces allowed), no description, no options.
    for (const name of [command.name, ...Object.values(command.name_localizations ?? {})])
      expect(name!.length).toBeGreaterThan(0);
    for (const name of [command.name, ...Object.values(command.name_localizations ?? {})])
      expect(name!.length).toBeLessThanOrEqual(32);
    expect((command as { description?: string }).description ?? '').toBe('');
    expect('options' in command).toBe(false);
    expect(validateDiscordCommands(registered as unknown as DiscordCommandBody[])).toEqual([]);
  });

  it('refuses a message command that breaks Discord rules', () => {
    const bad = [
      {
        type: 3,
        name: 'Send this message to the GSEF newsletter queue',
        name_localizations: { fr: '' },
        description: 'not allowed',
      },
      { type: 3, name: 'Twice' },
      { type: 3, name: 'Twice' },
    ] as DiscordCommandBody[];
    const problems = validateDiscordCommands(bad);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('name "Send this message to the GSEF newsletter queue" must be 1-32 characters'),
        expect.stringContaining('name (fr) "" must be 1-32 characters'),
        expect.stringContaining('a menu command has no description'),
        expect.stringContaining('the name "Twice" is used twice'),
      ]),
    );
    // A slash command and a message command may share a name.
    expect(
      validateDiscordCommands([
        { type: 1, name: 'gsef', description: 'GSEF' },
        { type: 3, name: 'gsef' },
      ] as DiscordCommandBody[]),
    ).toEqual([]);
  });

  it('gives filter commands region and month choices, and name options autocomplete', async () => {
    const body = fake.commands.get(GUILD_ID)!;
    const subcommands = (body[0] as { options: { name: string; options: Record<string, unknown>[] }[] }).options;
    const options = (sub: string) => subcommands.find((o) => o.name === sub)!.options;
    expect(options('next-event').map((o) => o.name)).toEqual(['region', 'month', 'filter']);
    expect(options('members').map((o) => o.name)).toEqual(['region', 'filter']);
    const month = options('next-event').find((o) => o.name === 'month') as {
      choices: { name: string; value: string; name_localizations: Record<string, string> }[];
    };
    expect(month.choices[6]).toMatchObject({
      name: 'July',
      value: '7',
      name_localizations: { fr: 'Juillet', 'es-ES': 'Julio' },
    });
    expect(options('event')).toEqual([expect.objectContaining({ name: 'name', required: true, autocomplete: true })]);
    expect(options('member')[0]).toMatchObject({
      autocomplete: true,
      name_localizations: { fr: 'nom', 'es-ES': 'nombre' },
    });
  });

  it('makes the newsletter a group of subcommands with typed options, and a choice of every closed list', () => {
    const body = fake.commands.get(GUILD_ID)!;
    type Option = { name: string; type: number; required?: boolean; options?: Option[]; choices?: Choice[] };
    type Choice = { name: string; value: string; name_localizations: Record<string, string> };
    const gsef = body[0] as unknown as Option;
    const at = (...path: string[]) =>
      path.reduce((parent, name) => parent.options!.find((o) => o.name === name)!, gsef);
    expect(at('newsletter').options!.map((o) => [o.name, o.type])).toEqual(
      ['queue', 'approve', 'reject', 'edit', 'draft', 'publish'].map((name) => [name, 1]),
    );
    expect(at('newsletter', 'approve').options).toEqual([
      expect.objectContaining({
        name: 'number',
        type: 4,
        required: true,
        name_localizations: expect.objectContaining({ fr: 'numéro' }),
      }),
    ]);
    expect(at('newsletter', 'reject').options!.map((o) => [o.name, o.type, o.required])).toEqual([
      ['number', 4, true],
      ['reason', 3, false],
    ]);
    expect(at('newsletter', 'publish').options).toEqual([
      expect.objectContaining({ name: 'edition', type: 3, required: true }),
    ]);
    expect(at('newsletter', 'queue', 'status').choices!.map((c) => c.value)).toEqual([
      'pending',
      'approved',
      'rejected',
      'published',
    ]);
    expect(at('newsletter', 'draft', 'format').choices![1]).toMatchObject({ name: 'HTML', value: 'html' });
    expect(at('lang', 'language').choices![1]).toMatchObject({
      name: 'French',
      value: 'fr',
      name_localizations: { fr: 'Français', 'es-ES': 'Francés' },
    });
    // The hidden forms of the bot's buttons (`news confirm <code>`) are not offered.
    expect(at('news').options!.map((o) => o.name)).toEqual(['text']);
  });

  it('says unchanged when run again, and what changed otherwise', async () => {
    const again = (await register('--guild', GUILD_ID)).out;
    expect(again).toContain('unchanged: /gsef');
    expect(again).toContain(`unchanged: "${MESSAGE_COMMAND}" (message command)`);

    const stored = fake.commands.get(GUILD_ID)![0] as { options: { name: string; description: string }[] };
    stored.options = stored.options.filter((o) => o.name !== 'help');
    stored.options[0]!.description = 'An older description';
    const menu = fake.commands.get(GUILD_ID)![1] as { name_localizations: Record<string, string> };
    menu.name_localizations = { ...menu.name_localizations, fr: 'Envoyer au bulletin' };
    fake.commands.set(GUILD_ID, [
      stored,
      menu,
      { name: 'old-command', description: 'gone', type: 1 },
      { name: 'Old menu', description: '', type: 3 },
    ]);
    const { out } = await register('--guild', GUILD_ID);
    expect(out).toMatch(/updated: \/gsef \(new: help; changed: next-event\)/);
    expect(out).toContain(`updated: "${MESSAGE_COMMAND}" (message command)`);
    expect(out).toContain('removed: /old-command');
    expect(out).toContain('removed: "Old menu" (message command)');
  });

  it('registers globally without --guild', async () => {
    const { code, out } = await register();
    expect(code).toBe(0);
    expect(out).toContain('globally');
    expect(fake.requestsTo('PUT', new RegExp(`^/api/v10/applications/${APPLICATION_ID}/commands$`))).toHaveLength(1);
    expect(
      fake
        .requestsTo('GET', new RegExp(`^/api/v10/applications/${APPLICATION_ID}/commands$`))[0]!
        .query.get('with_localizations'),
    ).toBe('true');
  });

  it('refuses definitions that break Discord rules, before sending anything', async () => {
    const puts = fake.requestsTo('PUT', /commands$/).length;
    const bad: RESTPostAPIChatInputApplicationCommandsJSONBody = {
      name: 'Next Event',
      description: 'x'.repeat(101),
      options: Array.from({ length: 26 }, (_, i) => ({
        type: 3,
        name: `o${i}`,
        description: 'an option',
        required: i === 25,
      })),
    };
    const config = { token: 'fake-token', applicationId: APPLICATION_ID, restApi: restApiOf(fake.baseUrl) };
    const error = await registerDiscordCommands(config, [bad]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidDiscordCommandsError);
    const { problems } = error as InvalidDiscordCommandsError;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('name "Next Event" must be 1-32 lowercase'),
        expect.stringContaining('must be 1-100 characters (it has 101)'),
        expect.stringContaining('26 options or subcommands; Discord allows 25'),
        expect.stringContaining('/Next Event o25: a required option must come before the optional ones'),
      ]),
    );
    expect(fake.requestsTo('PUT', /commands$/)).toHaveLength(puts);
  });

  it('refuses nesting Discord does not allow: groups in groups, subcommands in subcommands, options beside subcommands', () => {
    const option = { type: 3, name: 'text', description: 'a text' };
    const sub = (name: string, options: object[] = []) => ({ type: 1, name, description: 'a subcommand', options });
    const group = (name: string, options: object[]) => ({ type: 2, name, description: 'a group', options });
    const command = (options: object[]) =>
      ({ type: 1, name: 'gsef', description: 'GSEF', options }) as RESTPostAPIChatInputApplicationCommandsJSONBody;
    expect(validateDiscordCommands([command([group('newsletter', [sub('approve', [option])]), sub('news')])])).toEqual(
      [],
    );
    expect(validateDiscordCommands([command([sub('news'), option])])).toEqual([
      '/gsef: a command holds either subcommands or options, not both',
    ]);
    expect(validateDiscordCommands([command([group('a', [group('b', [sub('c')])])])])).toEqual(
      expect.arrayContaining(['/gsef a: a subcommand group holds subcommands only']),
    );
    expect(validateDiscordCommands([command([sub('a', [sub('b')])])])).toEqual([
      '/gsef a: a subcommand holds options only, no subcommand or group',
    ]);
  });

  it('says in one line, exit 1, that Discord refused, and what to check', async () => {
    fake.failNext('GET', /commands$/, 401);
    const refused = await register('--guild', GUILD_ID);
    expect(refused).toMatchObject({ code: 1, out: '' });
    expect(refused.err).toMatch(
      /^gsef discord-register: the registration failed: .*401: Unauthorized.* \(check DISCORD_TOKEN: Developer Portal > Bot > Reset Token\)$/,
    );
  });

  it('says which variable to set, and refuses a bad --guild', async () => {
    const out: string[] = [];
    const err: string[] = [];
    expect(
      await discordRegisterCli(
        [],
        { DISCORD_TOKEN: 'fake-token', GSEF_DATA_DIR: DATA_DIR },
        (l) => out.push(l),
        (l) => err.push(l),
      ),
    ).toBe(2);
    expect(err.join('\n')).toContain('DISCORD_APPLICATION_ID');
    const bad = await register('--guild', 'general');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--guild');
  });
});
