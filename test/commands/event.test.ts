import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/domain/vocabulary.js';
import type { ReplyBlock } from '../../src/reply/reply.js';
import { ask, realCatalog } from '../support/test-bot.js';

describe('event', () => {
  it('shows both versions of the World Social Forum', async () => {
    const { reply, text } = await ask('2019-01-01', 'event world social forum');
    expect(reply.status).toBe('ok');
    expect(text).toContain('5 – 7 April 2019');
    expect(text).toContain('15 – 19 April 2019');
  });

  it('shows the past editions of a policy dialogue', async () => {
    const { text } = await ask('2019-01-01', 'event asia policy dialogue');
    expect(text).toContain('Hong Kong');
    expect(text).toContain('80 participants');
  });

  it('asks for a name when given none, or only words that name nothing', async () => {
    const { reply, text } = await ask('2019-01-01', 'event');
    expect(reply).toMatchObject({
      status: 'invalid',
      title: '`event` needs a name, such as `event world social forum`.',
    });
    expect(text).toContain('Usage: event <name>');
    expect((await ask('2019-01-01', 'event the of')).reply).toMatchObject({
      status: 'invalid',
      title: '“the of” is not a name; for example: `event world social forum`.',
    });
  });

  it('says so when nothing matches', async () => {
    const { reply } = await ask('2019-01-01', 'event quidditch');
    expect(reply.status).toBe('empty');
    expect(reply.title).toContain('quidditch');
  });

  it.each<[Lang, string, string, string]>([
    ['en', 'event government officials', '(Asia)', 'Asia and English-speaking countries in Africa'],
    ['fr', 'event fonctionnaires', '(Asie)', 'Asie et pays Anglophones en Afrique'],
    ['es', 'event funcionarios', '(Asia)', 'Asia y países anglófonos de África'],
  ])('in %s, shows both target regions of the training in Korea (`%s`)', async (lang, command, calendar, section6) => {
    const { reply, text } = await ask('2019-01-01', command, lang);
    expect(reply.title).toContain(calendar);
    expect(text).toContain(section6);
  });

  it.each<[Lang, string, string, string]>([
    ['en', 'event kampala', 'East and Southern Africa', '"for West Africa"'],
    ['fr', 'event kampala', "l'Afrique de l'Est et du Sud", "«\u00a0pour l'Afrique de l'Ouest\u00a0»"],
    ['es', 'event kampala', 'África Oriental y Austral', '«para África Occidental»'],
  ])('in %s, shows the Kampala workshops with section 5.C’s title', async (lang, command, calendar, section5c) => {
    const { reply, text } = await ask('2019-01-01', command, lang);
    expect(reply.title).toContain(calendar);
    expect(text).toContain(section5c);
  });

  it('never counts advisors, observers or the secretariat as "GSEF members involved"', async () => {
    const catalog = await realCatalog();
    const outside = catalog.meetings.steeringCommittee.participants.filter((g) => g.id !== 'steering-committee');
    const involving = catalog.events.events.filter((e) => e.involves.length > 0);
    for (const event of involving) {
      const { reply } = await ask('2019-01-01', `event ${event.id}`);
      expect(reply.title, event.id).toBe(event.title.en);
      const fields = reply.blocks.flatMap((b: ReplyBlock) => (b.type === 'fields' ? b.fields : []));
      const involved = fields.find((f) => f.label === 'GSEF members involved')?.value ?? '';
      for (const group of outside)
        for (const id of group.members) {
          const name = catalog.members.members.find((m) => m.id === id)!.name.en;
          expect(involved, event.id).not.toContain(name);
          if (event.involves.includes(id))
            expect(fields.find((f) => f.label === group.group.en)?.value, event.id).toContain(name);
        }
    }
    const advisory = await ask('2019-01-01', 'event advisory committee');
    expect(advisory.text).toContain('International Advisors: Prof. Marguerite Mendell');
    expect(advisory.text).not.toContain('GSEF members involved');
    const visit = await ask('2019-01-01', 'event cities visit', 'fr');
    expect(visit.text).toContain('Observateurs\u00a0: C.I.T.I.E.S.');
  });
});
