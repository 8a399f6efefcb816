import { describe, expect, it } from 'vitest';
import type { Asker } from '../../src/domain/asker.js';
import type { Lang } from '../../src/domain/vocabulary.js';
import { renderText } from '../../src/reply/render-text.js';
import { memoryStore } from '../../src/store/memory/memory-store.js';
import { botAt, botOverData, realCatalog } from '../support/test-bot.js';

// Early February 2027: the first meeting of 2027 (last week of January) is over, the second is to come.
const NOW = '2027-02-03T10:00:00';
const secretariat: Asker = { platform: 'console', id: 'secretariat', isEditor: true };
const ana: Asker = { platform: 'slack', id: 'U0123ABCD', isEditor: false };
const LINK = 'https://example.org/minutes-q1-2027.pdf';

async function desk() {
  const printed: string[] = [];
  const bot = await botAt(NOW, undefined, memoryStore(), (text) => printed.push(text));
  const say = async (asker: Asker, text: string, lang?: Lang) => {
    const reply = await bot.answer(text, asker, lang);
    return { reply, text: renderText(reply) };
  };
  return { say, printed };
}

describe('minutes', () => {
  it('are recorded by the secretariat for the last meeting, posted to the committee, shown by agenda and minutes', async () => {
    const { say, printed } = await desk();
    expect((await say(ana, 'minutes')).reply).toMatchObject({
      status: 'empty',
      title: 'No minutes recorded yet for Steering Committee, Q1 2027.',
    });
    const recorded = await say(secretariat, `minutes Decisions: the budget is approved. ${LINK}`);
    expect(recorded.reply.title).toBe('Minutes recorded for Steering Committee, Q1 2027.');
    expect(recorded.text).toContain("Posted to the steering committee's channel.");
    // The seed's settings name the console's secretariat channel as the committee's.
    expect(printed.join('\n')).toContain('Minutes of the meeting: Steering Committee, Q1 2027');
    expect(printed.join('\n')).toContain(LINK);

    const shown = (await say(ana, 'minutes Q1-2027')).text;
    expect(shown).toContain(`Decisions: the budget is approved. ${LINK}`);
    expect(shown).toContain('Recorded by console:secretariat on 3 February 2027');
    expect((await say(ana, 'agenda Q1 2027')).text).toContain(`Minutes\n\nDecisions: the budget is approved.`);
    expect((await say(ana, 'agenda Q2 2027')).text).not.toContain('Minutes');
    const year = (await say(ana, 'meetings 2027', 'fr')).text;
    expect(year).toContain('Comité Directeur, T1 2027 — compte rendu enregistré');
    expect(year).not.toContain('T2 2027 — compte rendu');
  });

  it('keep the latest recording, and every earlier one', async () => {
    const { say } = await desk();
    await say(secretariat, 'minutes Q1-2027 first draft');
    await say(secretariat, `minutes sc-2027-q1 ${LINK}`);
    const shown = (await say(ana, 'minutes')).text;
    expect(shown).toContain(LINK);
    expect(shown).not.toContain('first draft');
  });

  it('read a meeting named in two words (Q1 2027, T1 2027, 2027 Q1) as the meeting, not as minutes to record', async () => {
    const { say, printed } = await desk();
    await say(secretariat, `minutes Q1-2027 ${LINK}`);
    printed.length = 0;
    for (const named of ['Q1 2027', 'T1 2027', '2027 Q1']) {
      const shown = await say(secretariat, `minutes ${named}`);
      expect(shown.reply.title).toBe('Minutes — Steering Committee, Q1 2027');
      expect(shown.text).toContain(LINK);
    }
    expect(printed).toEqual([]);
    expect((await say(secretariat, 'minutes Q4 2026 Approved.')).reply.title).toBe(
      'Minutes recorded for Steering Committee, Q4 2026.',
    );
    expect((await say(ana, 'minutes Q4 2026')).text).toContain('Approved.');
  });

  it('refuse, politely and in their language, anyone but the secretariat, a meeting to come, and empty or huge text', async () => {
    const { say } = await desk();
    const refusals = await Promise.all((['en', 'fr', 'es'] as const).map((lang) => say(ana, `minutes ${LINK}`, lang)));
    expect(refusals.map((r) => r.reply.title)).toEqual([
      'Sorry, only the secretariat can use `minutes`.',
      'Désolé, seul le secrétariat peut utiliser `minutes`.',
      'Lo sentimos, solo la secretaría puede usar `minutes`.',
    ]);
    expect((await say(secretariat, 'minutes Q2-2027 decided in advance')).reply.title).toBe(
      'Steering Committee, Q2 2027 has not taken place yet: its minutes can be recorded once it has begun.',
    );
    expect((await say(secretariat, 'minutes <@U0123ABCD>')).reply.status).toBe('ok');
    // Control characters are dropped before the command is read: what is left asks for the minutes.
    const unchanged = await say(secretariat, 'minutes \u0007\u0008');
    expect(unchanged.reply.title).toBe('Minutes — Steering Committee, Q1 2027');
    expect(unchanged.text).toContain('@\u200BU0123ABCD');
    expect((await say(secretariat, `minutes ${'x'.repeat(2_001)}`)).reply.title).toBe(
      'Minutes in chat are at most 2000 characters: give a link to the document instead.',
    );
    expect((await say(ana, 'minutes 2026-13')).reply.status).not.toBe('error');
  });

  it('cannot ping anyone: broadcast mentions and markup are made inert before they are kept or posted', async () => {
    const { say, printed } = await desk();
    await say(secretariat, 'minutes <!channel> @everyone <@U0123ABCD> approved');
    const shown = (await say(ana, 'minutes')).text;
    for (const text of [shown, printed.join('\n')]) {
      expect(text).not.toMatch(/<!channel>|(?<![@<]\u200B?)@everyone/);
      expect(text).not.toContain('<@U0123ABCD>');
    }
  });

  it('go to every channel of the committee, each in its languages, through the outbox', async () => {
    const data = await realCatalog();
    const targets = [{ platform: 'slack', channel: 'C0STEERING', languages: ['en', 'fr'] as Lang[] }];
    const settings = { ...data.settings, reminders: { ...data.settings.reminders, targets } };
    const store = memoryStore();
    const bot = botOverData({ ...data, settings }, NOW, undefined, store);
    await bot.answer(`minutes ${LINK}`, secretariat, 'es');
    const [notice, ...others] = await store.notices.list();
    expect(others).toEqual([]);
    expect(notice?.recipient).toEqual({ platform: 'slack', kind: 'channel', id: 'C0STEERING' });
    expect(notice?.reply.title).toBe('Minutes of the meeting: Steering Committee, Q1 2027');
    expect(renderText(notice!.reply)).toContain('——— Compte rendu de la réunion\u00a0: Comité Directeur, T1 2027');
  });
});
