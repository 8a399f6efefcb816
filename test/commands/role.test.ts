import { describe, expect, it } from 'vitest';
import type { Asker } from '../../src/domain/asker.js';
import type { Lang } from '../../src/domain/vocabulary.js';
import { renderText } from '../../src/reply/render-text.js';
import { memoryStore } from '../../src/store/memory/memory-store.js';
import { botAt } from '../support/test-bot.js';

const NOW = '2026-11-30T10:00:00';
// The seed's settings give the console's `secretariat` the secretariat (and the editors' desk).
const secretariat: Asker = { platform: 'console', id: 'secretariat', isEditor: true };
const ana: Asker = { platform: 'slack', id: 'U0123ABCD', isEditor: false };
const bo: Asker = { platform: 'discord', id: '123456789012345678', isEditor: false };

async function desk() {
  const store = memoryStore();
  const bot = await botAt(NOW, undefined, store);
  const say = async (asker: Asker, text: string, lang?: Lang) => {
    const reply = await bot.answer(text, asker, lang);
    return { reply, text: renderText(reply) };
  };
  return { bot, store, say };
}

describe('role and roles', () => {
  it('lets the secretariat grant a role that takes effect at once, and list it with who and when', async () => {
    const { say } = await desk();
    expect((await say(ana, 'newsletter queue')).reply.status).toBe('invalid');
    const granted = await say(secretariat, 'role grant slack:U0123ABCD editor');
    expect(granted.reply.status).toBe('ok');
    expect(granted.text).toContain('slack:U0123ABCD now holds the role “newsletter editor”');
    expect((await say(ana, 'newsletter queue')).reply.status).not.toBe('invalid');
    const listed = (await say(ana, 'roles editor')).text;
    expect(listed).toContain('slack:U0123ABCD');
    expect(listed).toMatch(/granted by console:secretariat on 30 November 2026/);
    await say(secretariat, 'role revoke slack:U0123ABCD editor');
    expect((await say(ana, 'newsletter queue')).reply.status).toBe('invalid');
    expect((await say(ana, 'roles editor')).text).not.toContain('slack:U0123ABCD');
  });

  it('refuses everyone but the secretariat, in their language', async () => {
    const { say } = await desk();
    const refusals = await Promise.all(
      (['en', 'fr', 'es'] as const).map((lang) => say(ana, 'role grant slack:U0123ABCD editor', lang)),
    );
    expect(refusals.map((r) => r.reply.status)).toEqual(['invalid', 'invalid', 'invalid']);
    expect(refusals.map((r) => r.reply.title)).toEqual([
      'Sorry, only the secretariat can use `role`.',
      'Désolé, seul le secrétariat peut utiliser `role`.',
      'Lo sentimos, solo la secretaría puede usar `role`.',
    ]);
    expect((await say(ana, 'roles')).text).not.toContain('slack:U0123ABCD');
  });

  it('reads people as mentions, ids and names, and roles and members in either order and any language', async () => {
    const { say, bot } = await desk();
    await say(secretariat, 'role grant <@U0123ABCD|ana> city-of-seoul representative');
    await say(secretariat, 'role grant discord:123456789012345678 RIPESS représentante');
    await say(secretariat, 'role grant <@!123456789012345678> asesor');
    await say(secretariat, 'role grant maria éditrice'); // on the console: a console name
    const grants = await bot.services.roles.all();
    expect(grants.filter((g) => g.grantedBy !== 'settings').map((g) => [g.person, g.role, g.member ?? null])).toEqual([
      [{ platform: 'discord', id: '123456789012345678' }, 'representative', 'ripess'],
      [{ platform: 'slack', id: 'U0123ABCD' }, 'representative', 'city-of-seoul'],
      [{ platform: 'discord', id: '123456789012345678' }, 'advisor', null],
      [{ platform: 'console', id: 'maria' }, 'editor', null],
    ]);
  });

  it.each([
    ['@ana', 'is not a person'],
    ['<b>x</b>', 'is not a person'],
    ['slack:ana', 'I cannot tell who “slack:ana” is on slack'],
    ['mars:U0123ABCD', 'I cannot tell who “mars:U0123ABCD” is on mars'],
  ])('refuses %j as a person, saying why', async (person, why) => {
    const { say, bot } = await desk();
    const answer = await say(secretariat, `role grant ${person} editor`);
    expect(answer.reply.status).toBe('invalid');
    expect(answer.text).toContain(why);
    expect((await bot.services.roles.all()).filter((g) => g.grantedBy !== 'settings')).toEqual([]);
  });

  it.each([
    ['slack:U0123ABCD', 'needs a role'],
    ['slack:U0123ABCD president', '“president” is not a role'],
    ['slack:U0123ABCD editor nowhere-city', '“nowhere-city” is not a role'],
    ['slack:U0123ABCD editor editor', '“editor” is not a role'],
    ['slack:U0123ABCD representative', 'speaks for a member organisation'],
    ['slack:U0123ABCD author', 'role grant slack:U0123ABCD city-of-seoul author'],
  ])('refuses `role grant %s`, saying why', async (text, why) => {
    const { say, bot } = await desk();
    const answer = await say(secretariat, `role grant ${text}`);
    expect(answer.reply.status).toBe('invalid');
    expect(answer.text).toContain(why);
    expect((await bot.services.roles.all()).filter((g) => g.grantedBy !== 'settings')).toEqual([]);
  });

  it('drops invisible characters from a name, as from every command: none reaches the store', async () => {
    const { say, bot } = await desk();
    await say(secretariat, 'role grant ana\u202e\u200b editor');
    const stored = (await bot.services.roles.all()).filter((g) => g.grantedBy !== 'settings');
    expect(stored.map((g) => g.person)).toEqual([{ platform: 'console', id: 'ana' }]);
  });

  it("says what nothing changed, and leaves the settings file's roles to it", async () => {
    const { say } = await desk();
    await say(secretariat, 'role grant slack:U0123ABCD advisor');
    expect((await say(secretariat, 'role grant slack:U0123ABCD advisor')).text).toContain('nothing changed');
    expect((await say(secretariat, 'role revoke slack:U0123ABCD editor')).text).toContain(
      'does not hold the role “newsletter editor”: nothing changed',
    );
    expect((await say(secretariat, 'role revoke console:secretariat secretariat')).text).toContain(
      'by data/settings.yaml: change it there',
    );
  });

  it('answers `roles` afresh after every change, though it only reads', async () => {
    const { say } = await desk();
    const before = (await say(bo, 'roles')).text;
    await say(secretariat, 'role grant discord:123456789012345678 advisor');
    const after = (await say(bo, 'roles')).text;
    expect(before).not.toContain('discord:123456789012345678');
    expect(after).toContain('discord:123456789012345678');
  });

  it('grants a role once when the same grant arrives twice at once, and revokes it once', async () => {
    const { say, bot } = await desk();
    await Promise.all([1, 2].map(() => say(secretariat, 'role grant slack:U0123ABCD editor')));
    const ofAna = (await bot.services.roles.all()).filter((g) => g.person.id === 'U0123ABCD');
    expect(ofAna).toHaveLength(1);
    const revoked = await Promise.all([1, 2].map(() => say(secretariat, 'role revoke slack:U0123ABCD editor')));
    expect(revoked.filter((r) => r.reply.status === 'ok')).toHaveLength(1);
    expect((await bot.services.roles.history()).filter((c) => c.action === 'revoked')).toHaveLength(1);
  });
});
