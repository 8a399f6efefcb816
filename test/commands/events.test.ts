import { describe, expect, it } from 'vitest';
import { ask, itemTitles } from '../support/test-bot.js';

describe('events', () => {
  it("lists July 2019's six events and the advisors' July meeting, past ones included, in any language", async () => {
    // A July of any year: the rule's July meetings of the years the knowledge covers (2020, 2021) too.
    for (const [lang, month, count] of [
      ['en', 'july', 9],
      ['fr', 'juillet', 9],
      ['es', 'julio', 9],
      ['en', '2019-07', 7],
    ] as const) {
      const { reply } = await ask('2026-11-25', `events ${month}`, lang);
      expect(reply.status).toBe('ok');
      expect(itemTitles(reply)).toHaveLength(count);
    }
    expect(itemTitles((await ask('2026-11-25', 'events 2019-07')).reply)).toContain(
      'International Advisors, July 2019',
    );
  });

  it('lists an event in a month by another version of the seed, and says so', async () => {
    const { reply, text } = await ask('2019-01-01', 'events april 2019');
    const titles = itemTitles(reply);
    expect(titles).toContain('Latin America Policy Dialogue');
    expect(titles).toContainEqual(expect.stringMatching(/Regional Forum on Local Economic Development/));
    expect(text).toContain('another version of the programme');
  });

  it('without a period lists what has not ended yet', async () => {
    const { reply } = await ask('2019-11-20', 'events');
    expect(itemTitles(reply).slice(0, 4)).toEqual([
      expect.stringMatching(/UCLG World Congress/),
      'Europe Policy Dialogue',
      expect.stringMatching(/Rencontres du Mont Blanc/),
      'Steering Committee, Q1 2020',
    ]);
  });

  it('filters by category in any language', async () => {
    const { reply } = await ask('2019-01-01', 'events dialogue politique', 'fr');
    expect(itemTitles(reply)).toHaveLength(4);
  });

  it('covers a range across two months in both months', async () => {
    const april = itemTitles((await ask('2019-01-01', 'events 2019-04')).reply);
    const may = itemTitles((await ask('2019-01-01', 'events 2019-05')).reply);
    const dakar = expect.stringMatching(/West Africa/);
    expect(april).toContainEqual(dakar);
    expect(may).toContainEqual(dakar);
  });
});
