import { describe, expect, it } from 'vitest';
import type { Asker } from '../../src/commands/command.js';
import { NewsIntake } from '../../src/news/direct-message-news.js';
import { renderText } from '../../src/reply/render-text.js';
import { freshPostgresUrl, freshRedisUrl } from '../support/fresh-databases.js';
import { storesClosedAfterEach } from '../support/store-fixtures.js';
import { botAt } from '../support/test-bot.js';

const mayor: Asker = { platform: 'console', id: 'mayor-of-bamako', displayName: 'mayor-of-bamako', isEditor: false };
const secretariat: Asker = { platform: 'console', id: 'secretariat', displayName: 'secretariat', isEditor: true };
const slackMember: Asker = { platform: 'slack', id: 'U0MEMBER', displayName: 'Ana', isEditor: false, origin: { channel: 'D1', messageId: '1700000000.000100' } };
const NEWS = 'The City of Bamako opens its first social economy incubator, with 12 cooperatives.';

describe('news intake', () => {
  it('queues an item with its number, author, member, language and source', async () => {
    const bot = await botAt('2026-11-10');
    const answer = await bot.answer(`news ${NEWS}`, mayor, 'en');
    expect(answer).toMatchObject({ status: 'ok', title: 'Thank you! Your news is in the newsletter queue as #1.' });
    const [item] = await bot.services.news.list();
    expect(item).toMatchObject({ id: 1, text: NEWS, member: 'city-of-bamako', lang: 'en', status: 'pending', author: { platform: 'console', userId: 'mayor-of-bamako' } });
    expect(item!.history).toEqual([expect.objectContaining({ action: 'submitted', by: expect.stringContaining('mayor-of-bamako') })]);
  });

  it('tells the language from the text, else from the author', async () => {
    const bot = await botAt('2026-11-10');
    await bot.answer('news La ville de Bamako ouvre son premier incubateur et les coopératives de la région sont invitées.', mayor, 'en');
    await bot.answer('news 12 cooperatives: 2026 numbers published today', slackMember, 'es');
    expect((await bot.services.news.list()).map((i) => i.lang)).toEqual(['fr', 'es']);
  });

  it('refuses, politely and in the asker\'s language, what is too short or too long', async () => {
    const bot = await botAt('2026-11-10');
    expect(await bot.answer('news trop court', mayor, 'fr')).toMatchObject({ status: 'invalid', title: expect.stringContaining('au moins 20 caractères') });
    expect(await bot.answer(`news ${'a'.repeat(19)}`, mayor, 'en')).toMatchObject({ status: 'invalid' });
    expect(await bot.answer(`news ${'a'.repeat(20)}`, mayor, 'en')).toMatchObject({ status: 'ok' });
    expect(await bot.answer(`news ${'b'.repeat(4001)}`, mayor, 'es')).toMatchObject({ status: 'invalid' });
  });

  it('refuses the same text, or the same source message, as "already in the queue as #N"', async () => {
    const bot = await botAt('2026-11-10');
    await bot.answer(`news ${NEWS}`, mayor, 'en');
    expect(await bot.answer(`news ${NEWS.toUpperCase()}`, slackMember, 'en')).toMatchObject({ status: 'invalid', title: 'This news is already in the queue as #1.' });
    await bot.answer('news Another piece of news from the Slack member, long enough.', slackMember, 'en');
    expect(await bot.answer('news A different text but from the very same Slack message.', slackMember, 'en')).toMatchObject({ title: 'This news is already in the queue as #2.' });
  });

  it('limits each person to 20 items a day', async () => {
    const bot = await botAt('2026-11-10');
    for (let i = 1; i <= 20; i++) expect((await bot.answer(`news Item number ${i} of today, about cooperatives.`, mayor, 'en')).status).toBe('ok');
    expect(await bot.answer('news Item number 21 of today, about cooperatives.', mayor, 'en')).toMatchObject({ status: 'invalid', title: expect.stringContaining('20 news items today') });
  });
});

describe('news sent on behalf of its author (a reaction, the shortcut)', () => {
  it('queues it as the author\'s, and answers the sender in their language without calling it theirs', async () => {
    const bot = await botAt('2026-11-10');
    const intake = new NewsIntake(bot);
    const sender: Asker = { platform: 'slack', id: 'U0EDITOR', displayName: 'Eva', locale: 'es-ES', isEditor: false };
    const author: Asker = { platform: 'slack', id: 'U0AUTHOR', displayName: 'Ana', locale: 'fr-FR', isEditor: false };
    const answer = await intake.submit({ text: 'La ville de Bamako ouvre son premier incubateur pour les coopératives.' }, author, sender);
    expect(answer.title).toBe('¡Gracias! El mensaje está en la cola del boletín con el número #1, a nombre de su autor.');
    expect(renderText(answer)).toContain('Se informará al autor del mensaje de su decisión.');
    expect(await bot.services.news.list()).toEqual([expect.objectContaining({ author: expect.objectContaining({ userId: 'U0AUTHOR' }) })]);
    for (let i = 2; i <= 20; i++) await intake.submit({ text: `Another news item, number ${i}, from the same author.` }, author);
    expect((await intake.submit({ text: 'One more item from this author, over the daily limit.' }, author, sender)).title).toBe(
      'El autor del mensaje ha alcanzado hoy el límite de 20 noticias. Envíelo de nuevo mañana, por favor.',
    );
  });
});

describe('moderation', () => {
  it('is refused to anyone outside the editorial committee, for every action', async () => {
    const bot = await botAt('2026-11-10');
    await bot.answer(`news ${NEWS}`, mayor, 'en');
    for (const action of ['queue', 'approve 1', 'reject 1', 'edit 1 A new text for the item, long enough.', 'draft 2026-11', 'publish 2026-11']) {
      for (const asker of [mayor, slackMember]) {
        expect(await bot.answer(`newsletter ${action}`, asker, 'en')).toMatchObject({ status: 'invalid', title: 'Sorry, only the editorial committee can use `newsletter`.' });
      }
    }
    expect((await bot.services.news.get(1))!.status).toBe('pending');
  });

  it('approves into this month\'s edition, or the next one after the cut-off day, and records who and when', async () => {
    const early = await botAt('2026-11-10');
    await early.answer(`news ${NEWS}`, mayor, 'en');
    expect(await early.answer('newsletter approve 1', secretariat, 'en')).toMatchObject({ title: '#1 approved, for the 2026-11 edition.' });
    const late = await botAt('2026-11-27');
    await late.answer(`news ${NEWS}`, mayor, 'en');
    expect(await late.answer('newsletter approve 1', secretariat, 'en')).toMatchObject({ title: '#1 approved, for the 2026-12 edition.' });
    expect((await late.services.news.get(1))!.history.at(-1)).toMatchObject({ action: 'approved', by: 'secretariat (console:secretariat)', at: expect.stringMatching(/^2026-11-26T15:00/) });
  });

  it('tells the author of a rejection, with the reason, in the author\'s language', async () => {
    const printed: string[] = [];
    const bot = await botAt('2026-11-10', undefined, undefined, (text) => printed.push(text));
    await bot.answer('lang fr', mayor);
    await bot.answer(`news ${NEWS}`, mayor);
    await bot.answer('newsletter reject 1 already announced last month', secretariat, 'en');
    expect(printed.join('')).toContain('[→ mayor-of-bamako] Votre actualité #1 ne paraîtra pas dans le bulletin. Motif : already announced last month');
  });

  it('edits, drafts an edition grouped by language, region and member, and publishes it once', async () => {
    const bot = await botAt('2026-11-10');
    await bot.answer(`news ${NEWS}`, mayor, 'en');
    await bot.answer('news La ville de Bamako ouvre son premier incubateur et les coopératives de la région sont invitées.', mayor, 'en');
    await bot.answer('newsletter edit 1 The City of Bamako opens its first social economy incubator (12 cooperatives).', secretariat, 'en');
    await bot.answer('newsletter approve 1', secretariat, 'en');
    await bot.answer('newsletter approve 2', secretariat, 'en');
    const draft = await bot.answer('newsletter draft 2026-11', secretariat, 'en');
    const markdown = draft.attachment!.content;
    expect(markdown).toMatch(/## English[\s\S]*### Africa[\s\S]*#### City of Bamako[\s\S]*\\\(12 cooperatives\\\)[\s\S]*## French/);
    const html = (await bot.answer('newsletter draft 2026-11 html', secretariat, 'en')).attachment!.content;
    expect(html).toContain('<h2>French</h2>');
    expect(await bot.answer('newsletter publish 2026-11', secretariat, 'en')).toMatchObject({ title: '2 items of the 2026-11 edition marked published.' });
    expect(await bot.answer('newsletter publish 2026-11', secretariat, 'en')).toMatchObject({ title: '0 items of the 2026-11 edition marked published.' });
    expect(await bot.answer('newsletter queue published', secretariat, 'en')).toMatchObject({ title: '2 published news items' });
  });

  it('drafts the current edition as HTML with `draft html`, and says what an edition looks like when given something else', async () => {
    const bot = await botAt('2026-11-10');
    expect((await bot.answer('newsletter draft html', secretariat, 'en')).attachment).toMatchObject({ filename: 'gsef-newsletter-2026-11.html', mediaType: 'text/html' });
    for (const command of ['newsletter draft 11-2026', 'newsletter publish 2026-13']) {
      expect(await bot.answer(command, secretariat, 'es')).toMatchObject({ status: 'invalid', title: expect.stringMatching(/^«(11-2026|2026-13)» no es una edición: indique su mes en la forma AAAA-MM, por ejemplo 2026-11\.$/) });
    }
  });
});

describe('two editors at once', () => {
  const open = storesClosedAfterEach();

  it.each([
    ['one process', async () => { const store = await open('memory://'); return [store, store]; }],
    ['two instances sharing PostgreSQL', async () => { const url = await freshPostgresUrl(); return [await open(url), await open(url)]; }],
    ['two instances sharing Redis', async () => { const url = await freshRedisUrl(); return [await open(url), await open(url)]; }],
  ] as const)('in %s: an approval and an edit of the same item both hold', async (_, stores) => {
    const [here, there] = await stores();
    const [botHere, botThere] = [await botAt('2026-11-10', undefined, here), await botAt('2026-11-10', undefined, there)];
    await botHere.answer(`news ${NEWS}`, mayor, 'en');
    const edited = 'The City of Bamako opens its first social economy incubator, with twelve cooperatives.';
    const answers = await Promise.all([botHere.answer('newsletter approve 1', secretariat, 'en'), botThere.answer(`newsletter edit 1 ${edited}`, secretariat, 'en')]);
    expect(answers.map((a) => a.status)).toEqual(['ok', 'ok']);
    const item = (await botThere.services.news.get(1))!;
    expect(item).toMatchObject({ status: 'approved', edition: '2026-11', text: edited });
    expect(item.history.map((h) => h.action).sort()).toEqual(['approved', 'edited', 'submitted']);
  });
});

