import { describe, expect, it } from 'vitest';
import type { Asker } from '../../src/domain/asker.js';
import type { Lang } from '../../src/domain/vocabulary.js';
import { renderText } from '../../src/reply/render-text.js';
import { memoryStore } from '../../src/store/memory/memory-store.js';
import { botAt } from '../support/test-bot.js';

// The next steering-committee meeting from this day is Q1 2027 (last week of January, online).
const NOW = '2026-12-01T10:00:00';
const secretariat: Asker = { platform: 'console', id: 'secretariat', isEditor: true };
const ana: Asker = { platform: 'slack', id: 'U0123ABCD', isEditor: false };
const bo: Asker = { platform: 'discord', id: '123456789012345678', isEditor: false };
const margo: Asker = { platform: 'console', id: 'margo', isEditor: false };

async function desk() {
  const bot = await botAt(NOW, undefined, memoryStore());
  const say = async (asker: Asker, text: string, lang?: Lang) => {
    const reply = await bot.answer(text, asker, lang);
    return { reply, text: renderText(reply) };
  };
  await say(secretariat, 'role grant slack:U0123ABCD city-of-seoul representative');
  await say(secretariat, 'role grant discord:123456789012345678 city-of-seoul representative');
  await say(secretariat, 'role grant margo advisor');
  return { bot, say };
}

describe('rsvp and attendance', () => {
  it("records a member's answer, the latest of its representatives counting, and says what it replaced", async () => {
    const { say } = await desk();
    const first = await say(ana, 'rsvp yes');
    expect(first.reply.status).toBe('ok');
    expect(first.reply.title).toBe('Noted: City of Seoul will attend — Steering Committee, Q1 2027.');
    const second = await say(bo, 'rsvp no Q1 2027');
    expect(second.text).toContain(
      'This replaces the earlier answer, “will attend”, given by slack:U0123ABCD, 1 December 2026.',
    );
    const sheet = (await say(margo, 'attendance')).text;
    expect(sheet).toContain('Attendance — Steering Committee, Q1 2027');
    expect(sheet).toMatch(/Regrets \(1\)\n• City of Seoul\n\s+discord:123456789012345678, 1 December 2026/);
    expect(sheet).not.toContain('Attending');
    // The committee's other twelve members, and the advisor, have not answered.
    expect(sheet).toContain('No answer yet (13)');
    expect(sheet).toContain('advisor console:margo');
  });

  it('says in a sentence, in English too, that someone is not sure yet', async () => {
    const { say } = await desk();
    expect((await say(margo, 'rsvp maybe', 'en')).reply.title).toBe(
      'Noted: advisor console:margo is not sure yet — Steering Committee, Q1 2027.',
    );
    expect((await say(margo, 'rsvp yes', 'en')).text).toContain('This replaces the earlier answer, “is not sure yet”');
  });

  it('lets an advisor answer for themselves, in French or Spanish words, and shows it in their language', async () => {
    const { say } = await desk();
    expect((await say(margo, 'rsvp peut-être', 'fr')).reply.title).toBe(
      "C'est noté\u00a0: conseiller·ère console:margo n'est pas encore sûr·e — Comité Directeur, T1 2027.",
    );
    await say(ana, 'rsvp SÍ', 'es');
    const sheet = (await say(ana, 'attendance', 'es')).text;
    expect(sheet).toContain('Asistirá (1)\n• Ciudad de Seúl');
    expect(sheet).toContain('Aún no lo sabe (1)\n• asesor·a console:margo');
  });

  it('refuses, politely and in their language, people who answer for nobody, and meetings that are over', async () => {
    const { say } = await desk();
    const stranger: Asker = { platform: 'slack', id: 'U0STRANGER', isEditor: false };
    const refusals = await Promise.all((['en', 'fr', 'es'] as const).map((lang) => say(stranger, 'rsvp yes', lang)));
    expect(refusals.map((r) => r.reply.status)).toEqual(['invalid', 'invalid', 'invalid']);
    expect(refusals[0]!.reply.title).toMatch(/^Only steering committee representatives and advisors answer/);
    expect(refusals[1]!.reply.title).toMatch(/^Seuls les représentants au Comité Directeur/);
    expect(refusals[2]!.reply.title).toMatch(/^Solo los representantes en el Comité Directivo/);
    // The secretariat organises the meeting: it answers for nobody either.
    expect((await say(secretariat, 'rsvp yes')).reply.status).toBe('invalid');
    const past = await say(ana, 'rsvp yes Q4 2026');
    expect(past.reply).toMatchObject({ status: 'invalid' });
    expect(past.reply.title).toContain('has already taken place');
    expect((await say(ana, 'attendance Q4 2026')).text).toContain('No answer yet (14)');
  });

  it('refuses an answer it cannot read, and says which it takes', async () => {
    const { say } = await desk();
    for (const typed of ['rsvp', 'rsvp perhaps-not', 'rsvp <!channel>', 'rsvp yes Q9']) {
      const { reply } = await say(ana, typed);
      expect(reply.status, typed).toBe('invalid');
    }
    expect((await say(ana, 'rsvp perhaps-not')).reply.title).toContain('is not one of yes, no, maybe');
    expect((await say(ana, `rsvp ${'yes'.repeat(10_000)}`)).reply.status).toBe('invalid');
    expect((await say(ana, 'attendance')).text).toContain('No answer yet (14)');
  });

  it('answers for the meeting asked: a quarter (Q or T), a month', async () => {
    const { say } = await desk();
    await say(ana, 'rsvp yes Q3 2027');
    await say(bo, 'rsvp maybe 2027-04');
    expect((await say(ana, 'attendance Q3 2027')).text).toContain('Attending (1)');
    expect((await say(ana, 'attendance T2 2027')).text).toContain('Not sure yet (1)');
    expect((await say(ana, 'attendance')).text).not.toMatch(/Attending|Not sure/);
    expect((await say(ana, 'attendance 2027-03')).reply).toMatchObject({
      status: 'empty',
      title: 'No steering committee meeting in March 2027.',
    });
  });

  it('takes a quarter named without its year as the coming one, and says nothing is replaced by the same answer', async () => {
    const { say } = await desk();
    // In December 2026, this year's Q3 is over: Q3 is the coming one, of 2027.
    expect((await say(ana, 'rsvp no Q3')).reply.title).toBe(
      'Noted: City of Seoul cannot attend — Steering Committee, Q3 2027.',
    );
    expect((await say(ana, 'attendance Q3 2027')).text).toContain('Regrets (1)');
    const again = await say(bo, 'rsvp no Q3');
    expect(again.reply.status).toBe('ok');
    expect(again.text).not.toContain('replaces');
  });

  it('exports the sheet as CSV, with --csv anywhere in the text, its fields quoted, its header in the asker’s language', async () => {
    const { say } = await desk();
    await say(ana, 'rsvp no');
    const csv = (await say(secretariat, 'attendance --csv')).reply;
    expect(csv.attachment).toMatchObject({ filename: 'gsef-attendance-sc-2027-q1.csv', mediaType: 'text/csv' });
    const lines = csv.attachment!.content.split('\r\n');
    expect(lines[0]).toBe('"meeting","respondent","name","answer","answered by","answered at (UTC)"');
    expect(lines[1]).toBe(
      '"sc-2027-q1","city-of-seoul","City of Seoul","cannot attend","slack:U0123ABCD","2026-12-01T01:00:00.000Z"',
    );
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(1 + 13 + 1 + 1);
    for (const text of ['attendance Q1 2027 --csv', 'attendance --CSV Q1 2027', 'attendance Q1 —csv 2027'])
      expect((await say(secretariat, text)).reply.attachment?.content, text).toBe(csv.attachment!.content);
    expect((await say(secretariat, 'attendance --csv', 'fr')).reply.attachment!.content).toMatch(
      /^"réunion","répondant","nom","réponse"/,
    );
    // Without the switch, no file; a word that only looks like it is refused.
    expect((await say(secretariat, 'attendance')).reply.attachment).toBeUndefined();
    expect((await say(secretariat, 'attendance --csvx')).reply.attachment).toBeUndefined();
  });
});
