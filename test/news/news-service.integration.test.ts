import { describe, expect, it } from 'vitest';
import type { Asker } from '../../src/domain/asker.js';
import { renderText } from '../../src/reply/render-text.js';
import { freshPostgresUrl, freshRedisUrl } from '../support/fresh-databases.js';
import { longNews, newsSeenAs } from '../support/long-news.js';
import { freshSqliteUrl, storesClosedAfterEach } from '../support/store-fixtures.js';
import { botAt } from '../support/test-bot.js';
import { memoryStore } from '../../src/store/memory/memory-store.js';
import type { Reply } from '../../src/reply/reply.js';

const mayor: Asker = { platform: 'console', id: 'mayor-of-bamako', displayName: 'mayor-of-bamako', isEditor: false };
const secretariat: Asker = { platform: 'console', id: 'secretariat', displayName: 'secretariat', isEditor: true };
const slackMember: Asker = {
  platform: 'slack',
  id: 'U0MEMBER',
  displayName: 'Ana',
  isEditor: false,
  origin: { channel: 'D1', messageId: '1700000000.000100' },
};
const NEWS = 'The City of Bamako opens its first social economy incubator, with 12 cooperatives.';

describe('news intake', () => {
  it('queues an item with its number, author, member, language and source', async () => {
    const bot = await botAt('2026-11-10');
    const answer = await bot.answer(`news ${NEWS}`, mayor, 'en');
    expect(answer).toMatchObject({ status: 'ok', title: 'Thank you! Your news is in the newsletter queue as #1.' });
    const [item] = await bot.services.news.list();
    expect(item).toMatchObject({
      id: 1,
      text: NEWS,
      member: 'city-of-bamako',
      lang: 'en',
      status: 'pending',
      author: { platform: 'console', userId: 'mayor-of-bamako' },
    });
    expect(item!.history).toEqual([
      expect.objectContaining({ action: 'submitted', by: expect.stringContaining('mayor-of-bamako') }),
    ]);
  });

  it('gives the items of a representative or an author granted from chat their member, from the next item on', async () => {
    const bot = await botAt('2026-11-10');
    await bot.answer(`news ${NEWS}`, slackMember, 'en');
    await bot.answer('role grant slack:U0MEMBER ripess representative', secretariat, 'en');
    await bot.answer(
      'news RIPESS publishes its 2026 report on social economy networks in four continents.',
      { ...slackMember, origin: { channel: 'D1', messageId: '1700000000.000200' } },
      'en',
    );
    expect((await bot.services.news.list()).map((i) => i.member ?? null)).toEqual([null, 'ripess']);
  });

  it('tells the language from the text, else from the author', async () => {
    const bot = await botAt('2026-11-10');
    await bot.answer(
      'news La ville de Bamako ouvre son premier incubateur et les coopératives de la région sont invitées.',
      mayor,
      'en',
    );
    await bot.answer('news 12 cooperatives: 2026 numbers published today', slackMember, 'es');
    expect((await bot.services.news.list()).map((i) => i.lang)).toEqual(['fr', 'es']);
  });

  it("refuses, politely and in the asker's language, what is too short or too long", async () => {
    const bot = await botAt('2026-11-10');
    expect(await bot.answer('news trop court', mayor, 'fr')).toMatchObject({
      status: 'invalid',
      title: expect.stringContaining('au moins 20 caractères'),
    });
    expect(await bot.answer(`news ${'a'.repeat(19)}`, mayor, 'en')).toMatchObject({ status: 'invalid' });
    expect(await bot.answer(`news ${'a'.repeat(20)}`, mayor, 'en')).toMatchObject({ status: 'ok' });
    // Counted as people see it: not the zero-width spaces that make mentions inert, not a code
    // point per accent or per part of an emoji.
    expect(await bot.answer('news @a @b @c @d @e @f', mayor, 'en')).toMatchObject({
      status: 'invalid',
      title: expect.stringContaining('at least 20'),
    });
    expect(await bot.answer(`news ${newsSeenAs(4000, 'Seen as 4,000')}`, mayor, 'en')).toMatchObject({ status: 'ok' });
    expect(await bot.answer(`news ${'Meet @ana here. '.repeat(250).trim()}.`, mayor, 'en')).toMatchObject({
      status: 'ok',
    });
    expect(await bot.answer(`news ${newsSeenAs(4001, 'Seen as 4,001')}`, mayor, 'en')).toMatchObject({
      status: 'invalid',
      title: expect.stringContaining('4,000'),
    });
    expect(await bot.answer(`news ${'b'.repeat(4001)}`, mayor, 'es')).toMatchObject({ status: 'invalid' });
  });

  it("takes up to 4,000 characters as written, paragraphs and lines kept, and refuses more in the asker's language, naming the limit", async () => {
    const bot = await botAt('2026-11-10');
    const text = longNews(4000, 'Console news');
    expect(await bot.answer(`news ${text}`, mayor, 'en')).toMatchObject({ status: 'ok' });
    expect(await bot.answer(`gsef news ${longNews(4000, 'With the command name')}`, mayor, 'en')).toMatchObject({
      status: 'ok',
    });
    // 4,000 characters that each take two UTF-16 units are 4,000 characters all the same.
    expect(await bot.answer(`news ${'🌱'.repeat(4000)}`, mayor, 'en')).toMatchObject({ status: 'ok' });
    expect((await bot.services.news.get(1))!.text).toBe(text);
    const tooLong = {
      en: 'That is too long for one news item: please keep it to 4,000 characters at most, or send it in parts.',
      fr: "C'est trop long pour une seule actualité\u00a0: ne dépassez pas 4\u202F000 caractères, ou envoyez-la en plusieurs parties.",
      es: 'Es demasiado largo para una sola noticia: no supere los 4.000 caracteres, o envíela en varias partes.',
    };
    for (const [lang, title] of Object.entries(tooLong) as ['en' | 'fr' | 'es', string][]) {
      expect(await bot.answer(`news ${longNews(4001, `Too long in ${lang}`)}`, mayor, lang)).toMatchObject({
        status: 'invalid',
        title,
      });
    }
    // Far over: refused before it is read, still naming the news limit.
    expect(await bot.answer(`news ${'a'.repeat(1_000_000)}`, mayor, 'fr')).toMatchObject({
      status: 'invalid',
      title: 'Ce message est trop long pour une commande (4\u202F000 caractères au maximum).',
    });
    // Any other command keeps the general limit.
    expect(await bot.answer(`events ${'a'.repeat(1001)}`, mayor, 'en')).toMatchObject({
      status: 'invalid',
      title: 'That message is too long for a command (at most 1,000 characters).',
    });
    expect(await bot.services.news.list()).toHaveLength(3);
  });

  it('refuses the same text, or the same source message, as "already in the queue as #N"', async () => {
    const bot = await botAt('2026-11-10');
    await bot.answer(`news ${NEWS}`, mayor, 'en');
    expect(await bot.answer(`news ${NEWS.toUpperCase()}`, slackMember, 'en')).toMatchObject({
      status: 'invalid',
      title: 'This news is already in the queue as #1.',
    });
    await bot.answer('news Another piece of news from the Slack member, long enough.', slackMember, 'en');
    expect(
      await bot.answer('news A different text but from the very same Slack message.', slackMember, 'en'),
    ).toMatchObject({ title: 'This news is already in the queue as #2.' });
  });

  it('limits each person to 20 items a day', async () => {
    const bot = await botAt('2026-11-10');
    for (let i = 1; i <= 20; i++)
      expect((await bot.answer(`news Item number ${i} of today, about cooperatives.`, mayor, 'en')).status).toBe('ok');
    expect(await bot.answer('news Item number 21 of today, about cooperatives.', mayor, 'en')).toMatchObject({
      status: 'invalid',
      title: expect.stringContaining('20 news items today'),
    });
  });
});

describe('the daily limit, under concurrency', () => {
  const open = storesClosedAfterEach();

  it.each([
    [
      'memory',
      async () => {
        const store = await open('memory://');
        return [store, store];
      },
    ],
    [
      'SQLite, two instances sharing the file',
      async () => {
        const url = await freshSqliteUrl();
        return [await open(url), await open(url)];
      },
    ],
    [
      'PostgreSQL, two instances sharing it',
      async () => {
        const url = await freshPostgresUrl();
        return [await open(url), await open(url)];
      },
    ],
    [
      'Redis, two instances sharing it',
      async () => {
        const url = await freshRedisUrl();
        return [await open(url), await open(url)];
      },
    ],
  ] as const)(
    'in %s: 40 `news` sent at once by one person store 20, numbered 1 to 20, and refuse 20',
    async (_, stores) => {
      const [here, there] = await stores();
      const bots = [await botAt('2026-11-10', undefined, here), await botAt('2026-11-10', undefined, there)];
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          bots[i % 2]!.answer(`news Item number ${i} of today, about cooperatives.`, mayor, 'en'),
        ),
      );
      expect(answers.filter((a) => a.status === 'ok')).toHaveLength(20);
      expect(
        answers.filter(
          (a) => a.title === 'You have sent 20 news items today, the daily limit. Please send the next ones tomorrow.',
        ),
      ).toHaveLength(20);
      expect((await bots[0]!.services.news.list()).map((i) => i.id)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
    },
  );
});

describe('news sent on behalf of its author (a reaction, the shortcut)', () => {
  it('counts against the one who sent it: a member marking 25 messages of one author gets 20 queued, and the author keeps their own 20', async () => {
    const bot = await botAt('2026-11-10');
    const intake = bot.newsIntake;
    const marker: Asker = {
      platform: 'slack',
      id: 'U0MARKER',
      displayName: 'Mallory',
      locale: 'fr-FR',
      isEditor: false,
    };
    const author: Asker = { platform: 'slack', id: 'U0AUTHOR', displayName: 'Ana', locale: 'es-ES', isEditor: false };
    const answers = [];
    for (let i = 1; i <= 25; i++)
      answers.push(
        await intake.submit(
          {
            text: `Message ${i} of Ana, marked for the newsletter by Mallory.`,
            origin: { channel: 'C1', messageId: `1.${i}` },
          },
          author,
          marker,
        ),
      );
    expect(answers.slice(0, 20).map((a) => a.status)).toEqual(Array(20).fill('ok'));
    // The 21st and later are refused to the one who marked them, in their language.
    for (const refused of answers.slice(20)) {
      expect(refused).toMatchObject({
        status: 'invalid',
        title: expect.stringMatching(/^Vous avez envoyé 20 messages au bulletin aujourd'hui, la limite quotidienne/),
      });
    }
    const queued = await bot.services.news.list();
    expect(queued).toHaveLength(20);
    // Each item is the author's, and says who sent it, in the item and in its history.
    expect(queued[0]).toMatchObject({
      author: { userId: 'U0AUTHOR' },
      submittedBy: { platform: 'slack', userId: 'U0MARKER', displayName: 'Mallory' },
    });
    expect(queued[0]!.history).toEqual([
      expect.objectContaining({ action: 'submitted', by: 'Mallory (slack:U0MARKER)' }),
    ]);

    // The author's own quota is untouched: 20 of their own, and the 21st refused to them.
    for (let i = 1; i <= 20; i++)
      expect((await intake.submit({ text: `Ana's own news number ${i}, about her cooperative.` }, author)).status).toBe(
        'ok',
      );
    expect(await intake.submit({ text: "Ana's own news number 21, over her daily limit." }, author)).toMatchObject({
      status: 'invalid',
      title: 'Hoy ha enviado 20 noticias, el límite diario. Envíe las siguientes mañana, por favor.',
    });
    const own = (await bot.services.news.list()).filter((i) => i.submittedBy === undefined);
    expect(own).toHaveLength(20);
    expect(own[0]!.history).toEqual([expect.objectContaining({ by: 'Ana (slack:U0AUTHOR)' })]);
  });

  it("queues it as the author's, and answers the sender in their language without calling it theirs", async () => {
    const bot = await botAt('2026-11-10');
    const intake = bot.newsIntake;
    const sender: Asker = { platform: 'slack', id: 'U0EDITOR', displayName: 'Eva', locale: 'es-ES', isEditor: false };
    const author: Asker = { platform: 'slack', id: 'U0AUTHOR', displayName: 'Ana', locale: 'fr-FR', isEditor: false };
    const answer = await intake.submit(
      { text: 'La ville de Bamako ouvre son premier incubateur pour les coopératives.' },
      author,
      sender,
    );
    expect(answer.title).toBe(
      '¡Gracias! El mensaje está en la cola del boletín con el número #1, a nombre de su autor.',
    );
    expect(renderText(answer)).toContain('Se informará al autor del mensaje de su decisión.');
    expect(await bot.services.news.list()).toEqual([
      expect.objectContaining({ author: expect.objectContaining({ userId: 'U0AUTHOR' }) }),
    ]);
    for (let i = 2; i <= 20; i++)
      await intake.submit(
        { text: `Another news item, number ${i}, sent by the same member for others.` },
        { ...author, id: `U0AUTHOR${i}` },
        sender,
      );
    expect(
      (
        await intake.submit(
          { text: "One more item sent for its author, over the sender's daily limit." },
          author,
          sender,
        )
      ).title,
    ).toBe(
      'Hoy ha enviado 20 mensajes al boletín, el límite diario: los mensajes que envía en nombre de otra persona cuentan como suyos. Envíe este de nuevo mañana, por favor.',
    );
  });
});

describe('moderation', () => {
  it('is refused to anyone outside the editorial committee, for every action', async () => {
    const bot = await botAt('2026-11-10');
    await bot.answer(`news ${NEWS}`, mayor, 'en');
    for (const action of [
      'queue',
      'approve 1',
      'reject 1',
      'edit 1 A new text for the item, long enough.',
      'draft 2026-11',
      'publish 2026-11',
    ]) {
      for (const asker of [mayor, slackMember]) {
        expect(await bot.answer(`newsletter ${action}`, asker, 'en')).toMatchObject({
          status: 'invalid',
          title: 'Sorry, only the editorial committee can use `newsletter`.',
        });
      }
    }
    expect((await bot.services.news.get(1))!.status).toBe('pending');
  });

  it("approves into this month's edition, or the next one after the cut-off day, and records who and when", async () => {
    const early = await botAt('2026-11-10');
    await early.answer(`news ${NEWS}`, mayor, 'en');
    expect(await early.answer('newsletter approve 1', secretariat, 'en')).toMatchObject({
      title: '#1 approved, for the 2026-11 edition.',
    });
    const late = await botAt('2026-11-27');
    await late.answer(`news ${NEWS}`, mayor, 'en');
    expect(await late.answer('newsletter approve 1', secretariat, 'en')).toMatchObject({
      title: '#1 approved, for the 2026-12 edition.',
    });
    expect((await late.services.news.get(1))!.history.at(-1)).toMatchObject({
      action: 'approved',
      by: 'secretariat (console:secretariat)',
      at: expect.stringMatching(/^2026-11-26T15:00/),
    });
  });

  it('drafts, when no month is named, the edition an item approved that day joins, and says which and why', async () => {
    const store = memoryStore();
    // The words of the answer, without the file that goes with it.
    const words = ({ status, title, blocks, visibility }: Reply) => renderText({ status, title, blocks, visibility });
    const onCutoffDay = await botAt('2026-11-25T23:59', undefined, store);
    const dayAfter = await botAt('2026-11-26T00:00', undefined, store);
    await dayAfter.answer(`news ${NEWS}`, mayor, 'en');
    await dayAfter.answer('newsletter approve 1', secretariat, 'en');
    const late = await dayAfter.answer('newsletter draft', secretariat, 'en');
    expect(late.title).toBe('Draft of the 2026-12 newsletter: 1 item.');
    expect(words(late)).toContain('approvals after day 25 of a month go to the next month');
    expect(late.attachment!.content).toContain(NEWS);
    const early = await onCutoffDay.answer('newsletter draft', secretariat, 'en');
    expect(early.title).toBe('Draft of the 2026-11 newsletter: 0 items.');
    expect(words(early)).toContain('This is the edition that news approved today joins (2026-11)');
    expect(words(early)).not.toContain('day 25');
    // Named in every language; across the year's end too.
    const newYearsEve = await botAt('2026-12-31', undefined, store);
    expect(words(await newYearsEve.answer('newsletter draft', secretariat, 'fr'))).toContain(
      "après le 25 du mois va à l'édition du mois suivant",
    );
    expect((await newYearsEve.answer('newsletter draft', secretariat, 'es')).title).toContain('2027-01');
    // A month named is that month, with no such note.
    expect(words(await dayAfter.answer('newsletter draft 2026-11', secretariat, 'en'))).not.toContain('approved today');
  });

  it("tells the author of a rejection, with the reason, in the author's language", async () => {
    const printed: string[] = [];
    const bot = await botAt('2026-11-10', undefined, undefined, (text) => printed.push(text));
    await bot.answer('lang fr', mayor);
    await bot.answer(`news ${NEWS}`, mayor);
    await bot.answer('newsletter reject 1 already announced last month', secretariat, 'en');
    expect(printed.join('')).toContain(
      '[→ mayor-of-bamako] Votre actualité #1 ne paraîtra pas dans le bulletin. Motif\u00a0: already announced last month',
    );
  });

  it("keeps the lines of an edit and of a reason, up to a whole item's length, and makes the people they name inert", async () => {
    const printed: string[] = [];
    const bot = await botAt('2026-11-10', undefined, undefined, (text) => printed.push(text));
    await bot.answer(`news ${NEWS}`, mayor, 'en');
    await bot.answer('news Another item from the mayor, to be rejected with a reason.', mayor, 'en');
    const edited = longNews(4000, 'Edited by the secretariat');
    expect(await bot.answer(`newsletter edit 1 ${edited}`, secretariat, 'en')).toMatchObject({ status: 'ok' });
    expect((await bot.services.news.get(1))!.text).toBe(edited);
    expect(
      await bot.answer(`newsletter edit 1 ${longNews(4001, 'An edit too long')}`, secretariat, 'en'),
    ).toMatchObject({ status: 'invalid', title: expect.stringContaining('4,000') });
    // Counted as people see it: mentions made inert, combining accents, emoji sequences and flags.
    const seen = newsSeenAs(4000, 'Edited, with mentions and emoji');
    expect(await bot.answer(`newsletter edit 1 ${seen}`, secretariat, 'en')).toMatchObject({ status: 'ok' });
    expect((await bot.services.news.get(1))!.text).toBe(seen.replaceAll('@ana', '@\u200Bana'));
    expect(
      await bot.answer(`newsletter edit 1 ${newsSeenAs(4001, 'An edit one too long')}`, secretariat, 'en'),
    ).toMatchObject({ status: 'invalid' });
    expect(await bot.answer('newsletter edit 1 @a @b @c @d @e @f', secretariat, 'en')).toMatchObject({
      status: 'invalid',
      title: expect.stringContaining('at least 20'),
    });
    await bot.answer(
      'newsletter reject 2 Announced last month.\n\nSee <!channel> and @everyone for the details.',
      secretariat,
      'en',
    );
    const reason = 'Announced last month.\n\nSee @\u200Bchannel and @\u200Beveryone for the details.';
    expect((await bot.services.news.get(2))!.history.at(-1)).toMatchObject({ action: 'rejected', reason });
    expect(printed.join('')).toContain(reason);
  });

  it('edits, drafts an edition grouped by language, region and member, and publishes it once', async () => {
    const bot = await botAt('2026-11-10');
    await bot.answer(`news ${NEWS}`, mayor, 'en');
    await bot.answer(
      'news La ville de Bamako ouvre son premier incubateur et les coopératives de la région sont invitées.',
      mayor,
      'en',
    );
    await bot.answer(
      'newsletter edit 1 The City of Bamako opens its first social economy incubator (12 cooperatives).',
      secretariat,
      'en',
    );
    await bot.answer('newsletter approve 1', secretariat, 'en');
    await bot.answer('newsletter approve 2', secretariat, 'en');
    const draft = await bot.answer('newsletter draft 2026-11', secretariat, 'en');
    const markdown = draft.attachment!.content;
    expect(markdown).toMatch(
      /## English[\s\S]*### Africa[\s\S]*#### City of Bamako[\s\S]*\\\(12 cooperatives\\\)[\s\S]*## French/,
    );
    const html = (await bot.answer('newsletter draft 2026-11 html', secretariat, 'en')).attachment!.content;
    // The French items are a section of their own, headed in the editor's language.
    expect(html).toMatch(/<section lang="fr"[^>]*>\s*<h2\b[^>]*>French<\/h2>/);
    expect(await bot.answer('newsletter publish 2026-11', secretariat, 'en')).toMatchObject({
      title: '2 items of the 2026-11 edition marked published.',
    });
    expect(await bot.answer('newsletter publish 2026-11', secretariat, 'en')).toMatchObject({
      title: '0 items of the 2026-11 edition marked published.',
    });
    expect(await bot.answer('newsletter queue published', secretariat, 'en')).toMatchObject({
      title: '2 published news items',
    });
  });

  it('drafts the current edition as HTML with `draft html`, and says what an edition looks like when given something else', async () => {
    const bot = await botAt('2026-11-10');
    expect((await bot.answer('newsletter draft html', secretariat, 'en')).attachment).toMatchObject({
      filename: 'gsef-newsletter-2026-11.html',
      mediaType: 'text/html',
    });
    // The answer says what is attached, in each language: the HTML document, not the Markdown.
    const said = async (command: string, lang: 'en' | 'fr' | 'es') => {
      // The words of the answer, without the file that goes with it.
      const { status, title, blocks, visibility } = await bot.answer(command, secretariat, lang);
      return renderText({ status, title, blocks, visibility });
    };
    for (const [lang, html, markdown] of [
      ['en', 'HTML document attached', 'Markdown attached'],
      ['fr', 'Document HTML en pièce jointe', 'Markdown en pièce jointe'],
      ['es', 'Documento HTML adjunto', 'Markdown adjunto'],
    ] as const) {
      expect(await said('newsletter draft html', lang)).toContain(html);
      expect(await said('newsletter draft html', lang)).not.toContain(markdown);
      expect(await said('newsletter draft', lang)).toContain(markdown);
      expect(await said('newsletter draft', lang)).not.toContain(html);
    }
    for (const command of ['newsletter draft 11-2026', 'newsletter publish 2026-13']) {
      expect(await bot.answer(command, secretariat, 'es')).toMatchObject({
        status: 'invalid',
        title: expect.stringMatching(
          /^«(11-2026|2026-13)» no es una edición: indique su mes en la forma AAAA-MM, por ejemplo 2026-11\.$/,
        ),
      });
    }
  });
});

describe('two editors at once', () => {
  const open = storesClosedAfterEach();

  it.each([
    [
      'one process',
      async () => {
        const store = await open('memory://');
        return [store, store];
      },
    ],
    [
      'two instances sharing PostgreSQL',
      async () => {
        const url = await freshPostgresUrl();
        return [await open(url), await open(url)];
      },
    ],
    [
      'two instances sharing Redis',
      async () => {
        const url = await freshRedisUrl();
        return [await open(url), await open(url)];
      },
    ],
  ] as const)('in %s: an approval and an edit of the same item both hold', async (_, stores) => {
    const [here, there] = await stores();
    const [botHere, botThere] = [
      await botAt('2026-11-10', undefined, here),
      await botAt('2026-11-10', undefined, there),
    ];
    await botHere.answer(`news ${NEWS}`, mayor, 'en');
    const edited = 'The City of Bamako opens its first social economy incubator, with twelve cooperatives.';
    const answers = await Promise.all([
      botHere.answer('newsletter approve 1', secretariat, 'en'),
      botThere.answer(`newsletter edit 1 ${edited}`, secretariat, 'en'),
    ]);
    expect(answers.map((a) => a.status)).toEqual(['ok', 'ok']);
    const item = (await botThere.services.news.get(1))!;
    expect(item).toMatchObject({ status: 'approved', edition: '2026-11', text: edited });
    expect(item.history.map((h) => h.action).sort()).toEqual(['approved', 'edited', 'submitted']);
  });
});
