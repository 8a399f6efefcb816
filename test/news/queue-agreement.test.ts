import { describe, expect, it } from 'vitest';
import type { Asker } from '../../src/domain/asker.js';
import type { Lang } from '../../src/domain/vocabulary.js';
import { botAt } from '../support/test-bot.js';

const author: Asker = { platform: 'console', id: 'ana', displayName: 'Ana', isEditor: false };
const secretariat: Asker = { platform: 'console', id: 'secretariat', displayName: 'secretariat', isEditor: true };

const NEWS = [
  'The cooperative network of Seoul opens a new training centre for young workers.',
  'Bamako hosts a regional forum on the social economy with twelve cooperatives.',
  'Montreal publishes its yearly report on social enterprises and local jobs.',
];

/** The queue's titles for each status, asked in `lang`, after `approved` of the news items were approved. */
async function queueTitles(lang: Lang, approved: number): Promise<Record<string, string>> {
  const bot = await botAt('2026-11-10');
  for (const text of NEWS) expect(await bot.answer(`news ${text}`, author, 'en')).toMatchObject({ status: 'ok' });
  for (let number = 1; number <= approved; number++)
    await bot.answer(`newsletter approve ${number}`, secretariat, 'en');
  const titles: Record<string, string> = {};
  for (const status of ['pending', 'approved', 'rejected'])
    titles[status] = (await bot.answer(`newsletter queue ${status}`, secretariat, lang)).title;
  return titles;
}

describe('the news queue’s title', () => {
  it('agrees with the number of items in French: 1 actualité — approuvée, 2 actualités — approuvées', async () => {
    expect(await queueTitles('fr', 1)).toEqual({
      pending: '2 actualités — en attente',
      approved: '1 actualité — approuvée',
      rejected: 'Aucune actualité refusée dans la file.',
    });
    expect((await queueTitles('fr', 2)).approved).toBe('2 actualités — approuvées');
  });

  it('agrees with the number of items in Spanish: 1 noticia aprobada, 2 noticias aprobadas', async () => {
    expect(await queueTitles('es', 1)).toEqual({
      pending: '2 noticias pendientes',
      approved: '1 noticia aprobada',
      rejected: 'No hay noticias rechazadas en la cola.',
    });
    expect((await queueTitles('es', 2)).approved).toBe('2 noticias aprobadas');
  });

  it('counts in English: 1 approved news item, 2 approved news items', async () => {
    expect(await queueTitles('en', 1)).toEqual({
      pending: '2 pending news items',
      approved: '1 approved news item',
      rejected: 'No rejected news in the queue.',
    });
    expect((await queueTitles('en', 2)).approved).toBe('2 approved news items');
  });
});

describe('the daily limit, said in each language', () => {
  it('agrees with a limit of one as with twenty', async () => {
    const bot = await botAt('2026-11-10');
    const said = (lang: Lang, count: number) => bot.t(lang, 'news.rateLimited', { count });
    expect(said('en', 1)).toMatch(/^You have sent 1 news item today, .* the next one tomorrow\.$/);
    expect(said('fr', 1)).toMatch(/^Vous avez envoyé 1 actualité aujourd'hui, .* la suivante demain\.$/);
    expect(said('es', 1)).toMatch(/^Hoy ha enviado 1 noticia, .* la siguiente mañana, por favor\.$/);
    expect(said('fr', 20)).toMatch(/^Vous avez envoyé 20 actualités aujourd'hui/);
    expect(said('es', 20)).toMatch(/^Hoy ha enviado 20 noticias/);
  });
});
