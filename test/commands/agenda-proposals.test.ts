import { describe, expect, it } from 'vitest';
import type { Asker } from '../../src/domain/asker.js';
import type { Lang } from '../../src/domain/vocabulary.js';
import { hasBroadcastMention } from '../../src/news/sanitize.js';
import { renderText } from '../../src/reply/render-text.js';
import { memoryStore } from '../../src/store/memory/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { botAt } from '../support/test-bot.js';

// `agenda propose|accept|decline|proposals` at the console, as the secretariat and members use it.
// The seed's next meeting on 20 November 2026 is Q1 2027, known by its week: 25 – 31 January 2027,
// so proposals close 7 days before, at the end of 18 January 2027 (Seoul).

const person = (id: string): Asker => ({ platform: 'console', id, isEditor: false });
const secretariat = person('secretariat');
const ana = person('ana');
const bob = person('bob');

/** A bot on `now` over `store` (kept between bots, as a store outlives a restart), with Ana representing Seoul. */
async function desk(now: string, store: Store = memoryStore()) {
  const bot = await botAt(now, undefined, store);
  await bot.answer('role grant console:ana city-of-seoul representative', secretariat, 'en');
  const ask = async (asker: Asker, text: string, lang: Lang = 'en') => {
    const reply = await bot.answer(text, asker, lang);
    return { reply, text: renderText(reply) };
  };
  return { bot, store, ask };
}

describe('agenda propose', () => {
  it('takes a representative’s item for the next meeting, numbered, and lists it for the secretariat', async () => {
    const { ask } = await desk('2026-11-20');
    const proposed = await ask(ana, 'agenda propose Youth employment: results of the 2026 survey');
    expect(proposed.reply.status).toBe('ok');
    expect(proposed.reply.title).toBe('Proposal #1 received for Steering Committee, Q1 2027');
    expect(proposed.text).toContain('Proposals close on 18 January 2027');
    const listed = await ask(secretariat, 'agenda proposals');
    expect(listed.text).toContain('#1 Youth employment: results of the 2026 survey');
    expect(listed.text).toContain('Awaiting a decision');
    expect(listed.text).toContain('Proposed by City of Seoul (console:ana) on 20 November 2026');
  });

  it('names a quarter before the text, and refuses a second time the same words', async () => {
    const { ask } = await desk('2026-11-20');
    expect((await ask(ana, 'agenda propose Q2-2027 Budget of the Bilbao forum')).reply.title).toBe(
      'Proposal #1 received for Steering Committee, Q2 2027',
    );
    const again = await ask(ana, 'agenda propose Q2-2027 budget of the  BILBAO forum');
    expect(again.reply.status).toBe('invalid');
    expect(again.reply.title).toBe(
      'You already proposed this item for Steering Committee, Q2 2027: it is proposal #1.',
    );
  });

  it('reads a quarter and its year written apart (Q2 2027, T2 2027) as the meeting, not as the text', async () => {
    const { ask } = await desk('2026-11-20');
    const english = await ask(ana, 'agenda propose Q2 2027 Budget of the Bilbao forum');
    expect(english.reply.title).toBe('Proposal #1 received for Steering Committee, Q2 2027');
    expect(english.text).toContain('\n\nBudget of the Bilbao forum\n');
    const french = await ask(ana, 'agenda propose T2 2027 Programme jeunesse', 'fr');
    expect(french.reply.title).toBe('Proposition n°\u00a02 reçue pour Comité Directeur, T2 2027');
    expect(french.text).toContain('\n\nProgramme jeunesse\n');
  });

  it.each([
    ['en', "Only members' representatives on the steering committee, the international advisors and the secretariat"],
    ['fr', 'Seuls les représentants des membres au Comité Directeur, les conseillers internationaux et le secrétariat'],
    [
      'es',
      'Solo los representantes de los miembros en el Comité Directivo, los asesores internacionales y la secretaría',
    ],
  ] as const)('refuses, in %s, whoever holds no role that proposes, saying who may', async (lang, who) => {
    const { ask } = await desk('2026-11-20');
    const refused = await ask(bob, 'agenda propose Youth employment', lang);
    expect(refused.reply.status).toBe('invalid');
    expect(refused.reply.title).toContain(who);
  });

  it('proposes for a meeting to come: a bare quarter is the coming one, and during a meeting, the next', async () => {
    const late = await desk('2026-11-20');
    expect((await late.ask(ana, 'agenda propose Q3 Youth employment')).reply.title).toBe(
      'Proposal #1 received for Steering Committee, Q3 2027',
    );
    // 27 January 2027 falls in the first meeting's week: an item now is for the second.
    const during = await desk('2027-01-27');
    expect((await during.ask(ana, 'agenda propose Youth employment')).reply.title).toBe(
      'Proposal #1 received for Steering Committee, Q2 2027',
    );
  });

  it('lets advisors and the secretariat propose too', async () => {
    const { ask } = await desk('2026-11-20');
    await ask(secretariat, 'role grant console:bob advisor');
    expect((await ask(bob, 'agenda propose Advisors report')).reply.status).toBe('ok');
    expect((await ask(secretariat, 'agenda propose Secretariat report')).reply.status).toBe('ok');
  });

  it('takes items until the end of the cut-off day in Seoul, and names that day after it', async () => {
    const store = memoryStore();
    const last = await desk('2027-01-18T23:59:00', store);
    expect((await last.ask(ana, 'agenda propose Youth employment')).reply.status).toBe('ok');
    const after = await desk('2027-01-19T00:00:00', store);
    const closed = await after.ask(ana, 'agenda propose Another item');
    expect(closed.reply.status).toBe('invalid');
    expect(closed.reply.title).toBe(
      'Proposals for Steering Committee, Q1 2027 closed on 18 January 2027. Please send your item to the secretariat directly, or propose it for the next meeting.',
    );
    expect((await after.ask(ana, 'agenda propose Another item', 'fr')).reply.title).toContain('18 janvier 2027');
    expect((await after.ask(ana, 'agenda propose Another item', 'es')).reply.title).toContain('18 de enero de 2027');
  });

  it('makes mentions, markup and invisible characters inert, and refuses what cleaning leaves empty', async () => {
    const { bot, ask } = await desk('2026-11-20');
    const attacks = [
      'agenda propose <!channel> budget',
      'agenda propose @everyone budget',
      'agenda propose @every\u200Bone and @here',
      'agenda propose <script>alert(1)</script> budget',
      'agenda propose <@U0123ABCD> and <#C1|general> and <https://example.org|a link>',
    ];
    for (const attack of attacks) {
      const { reply } = await ask(ana, attack);
      expect(reply.status, attack).toBe('ok');
      const stored = reply.blocks.find((b) => b.type === 'text');
      expect(stored?.type === 'text' && hasBroadcastMention(stored.text), attack).toBe(false);
    }
    const listed = await ask(secretariat, 'agenda proposals');
    expect(hasBroadcastMention(listed.text)).toBe(false);
    expect(listed.text).toContain('a link (https://example.org)');
    for (const empty of ['agenda propose \u200B\u200D\u2060', 'agenda propose \u0007\u202E', 'agenda propose']) {
      expect((await ask(ana, empty)).reply.status, empty).toBe('invalid');
    }
    // A marked message with no words left (an image alone, invisible characters) is refused by the proposals themselves.
    expect((await bot.proposeFromMessage('\u200B\u2060', ana, {})).title).toContain('nothing left to propose');
  });

  it('refuses an item without a letter or a digit, which would otherwise stand for every other such item', async () => {
    const { ask } = await desk('2026-11-20');
    for (const wordless of ['!!! ... ??? --- ;;;', '.', '🎉🎉', '@ # *']) {
      const refused = await ask(ana, `agenda propose ${wordless}`);
      expect(refused.reply.status, wordless).toBe('invalid');
      expect(refused.reply.title, wordless).toContain('There is nothing left to propose once the text is cleaned');
    }
    expect((await ask(ana, 'agenda propose 2027?')).reply.status).toBe('ok');
    expect((await ask(ana, 'agenda propose 서울 예산')).reply.status).toBe('ok');
  });

  it('refuses an item over 500 characters, and a 100 KB text before reading it', async () => {
    const { ask } = await desk('2026-11-20');
    expect((await ask(ana, `agenda propose ${'a'.repeat(501)}`)).reply.title).toContain('at most 500 characters');
    const huge = await ask(ana, `agenda propose ${'word '.repeat(20_000)}`);
    expect(huge.reply.status).toBe('invalid');
    expect(huge.reply.title).toContain('1,000');
    expect((await ask(secretariat, 'agenda proposals')).reply.status).toBe('empty');
  });
});

describe('agenda accept and decline', () => {
  it('let the secretariat decide; the proposer is told in their language; agenda shows the accepted items', async () => {
    const printed: string[] = [];
    const store = memoryStore();
    const bot = await botAt('2026-11-20', undefined, store, (text) => printed.push(text));
    await bot.answer('role grant console:ana city-of-seoul representative', secretariat, 'en');
    await bot.answer('lang es', ana);
    await bot.answer('agenda propose Youth employment', ana);
    await bot.answer('agenda propose Budget', ana);
    const accepted = await bot.answer('agenda accept 1', secretariat, 'en');
    expect(accepted.title).toBe('Proposal #1 accepted');
    expect(renderText(accepted)).toContain('Its proposer has been told.');
    expect(printed.join('\n')).toContain('La secretaría aceptó su propuesta n.º\u00a01 para Comité Directivo, T1 2027');
    const declined = await bot.answer('agenda decline 2 already on the July agenda', secretariat, 'fr');
    expect(declined.title).toBe('Proposition n°\u00a02 refusée');
    expect(printed.join('\n')).toContain('Motivo: already on the July agenda');

    const agenda = renderText(await bot.answer('agenda', bob, 'en'));
    expect(agenda).toContain(
      'Proposed by members (accepted)\n• #1 Youth employment\n    Proposed by City of Seoul (console:ana)',
    );
    expect(agenda).not.toContain('Budget');
    // Others see the accepted items and their own; the secretariat sees all, with who decided.
    expect(renderText(await bot.answer('agenda proposals', bob, 'en'))).not.toContain('Budget');
    const all = renderText(await bot.answer('agenda proposals', secretariat, 'en'));
    expect(all).toContain('Decided by console:secretariat on 20 November 2026');
    expect(all).toContain('Reason: already on the July agenda');
  });

  it.each([
    ['en', 'Sorry, only the secretariat can use `agenda accept`.'],
    ['fr', 'Désolé, seul le secrétariat peut utiliser `agenda accept`.'],
    ['es', 'Lo sentimos, solo la secretaría puede usar `agenda accept`.'],
  ] as const)('are refused, in %s, to anyone but the secretariat', async (lang, refusal) => {
    const { ask } = await desk('2026-11-20');
    await ask(ana, 'agenda propose Youth employment');
    expect((await ask(ana, 'agenda accept 1', lang)).reply.title).toBe(refusal);
    expect((await ask(secretariat, 'agenda proposals')).text).toContain('Awaiting a decision');
  });

  it('say when a proposal does not exist or was already decided', async () => {
    const { ask } = await desk('2026-11-20');
    expect((await ask(secretariat, 'agenda accept 9')).reply.title).toBe('There is no proposal #9.');
    await ask(ana, 'agenda propose Youth employment');
    await ask(secretariat, 'agenda decline 1');
    const again = await ask(secretariat, 'agenda accept #1');
    expect(again.reply.title).toBe('Proposal #1 was already decided: nothing changed.');
    expect(again.text).toContain('Declined');
  });
});

describe('agenda proposals --csv', () => {
  it('writes RFC 4180 CSV: every field quoted, quotes doubled, commas and line breaks kept, formulas made text', async () => {
    const { ask } = await desk('2026-11-20');
    await ask(ana, 'agenda propose =HYPERLINK("http://x"), "quoted", with commas');
    await ask(ana, 'agenda propose +1 and -1 @sum');
    await ask(secretariat, 'agenda decline 1 first line\nsecond line');
    const { reply } = await ask(secretariat, 'agenda proposals --csv');
    expect(reply.attachment?.mediaType).toBe('text/csv');
    const rows = reply.attachment!.content.split('\r\n');
    expect(rows[0]).toBe(
      '"number","meeting","meeting title","status","text","proposed by","member","proposed at (UTC)","decided by","decided at (UTC)","reason"',
    );
    // The line break stays inside its quoted field; records end with CRLF.
    expect(rows[1]).toBe(
      '"1","sc-2027-q1","Steering Committee, Q1 2027","Declined","\'=HYPERLINK(""http://x""), ""quoted"", with commas","console:ana","city-of-seoul","2026-11-19T15:00:00.000Z","console:secretariat","2026-11-19T15:00:00.000Z","first line\nsecond line"',
    );
    expect(rows[2]).toContain('"\'+1 and -1 @\u200Bsum"');
    expect(rows.at(-1)).toBe('');
    // In the asker's language, as every answer is.
    const french = (await ask(secretariat, 'agenda proposals --csv', 'fr')).reply.attachment!.content;
    expect(french).toMatch(/^"numéro","réunion","titre de la réunion","statut",/);
    expect(french).toContain('"Comité Directeur, T1 2027","Refusée"');
  });

  it('gives others only the accepted items and their own', async () => {
    const { ask } = await desk('2026-11-20');
    await ask(ana, 'agenda propose Youth employment');
    const bobs = await ask(bob, 'agenda proposals --csv');
    expect(bobs.reply.attachment!.content.split('\r\n')).toHaveLength(2);
  });
});
