import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/domain/vocabulary.js';
import type { Reply } from '../../src/reply/reply.js';
import { ask } from '../support/test-bot.js';

const DAY = '2019-03-01';

/** The items of the list under `heading`. */
function listUnder(reply: Reply, heading: string): string[] {
  const list = reply.blocks.find((b) => b.type === 'list' && b.heading === heading);
  return list?.type === 'list' ? list.items.map((i) => i.title) : [];
}

describe('programme', () => {
  it.each<[Lang, string, string]>([
    ['en', 'The eight parts of the programme', 'The four strategic orientations for 2019'],
    ['fr', 'Les huit volets du programme', 'Les quatre orientations stratégiques pour 2019'],
    ['es', 'Las ocho partes del programa', 'Las cuatro orientaciones estratégicas para 2019'],
  ])('without a topic lists the eight parts and the four orientations (%s)', async (lang, parts, orientations) => {
    const { reply, text } = await ask(DAY, 'programme', lang);
    expect(reply.status).toBe('ok');
    expect(listUnder(reply, parts)).toHaveLength(8);
    expect(listUnder(reply, orientations)).toHaveLength(4);
    // Each line has its summary: the dialogues' cities, the orientations' titles.
    expect(text).toContain('Barranquilla');
    expect(text).toMatch(/Bilbao/);
  });

  // [language, topic, title of the part that must come first, a fact of the seed its answer holds]
  it.each<[Lang, string, RegExp, string]>([
    ['en', 'research', /^Research project/, 'UNRISD'],
    ['fr', 'recherche', /^Projet de recherche/, 'Phase 2 (2020)'],
    ['en', 'capacity building africa', /Capacity-building .* (West|East and Southern) Africa$/, 'Capacity building'],
    ['fr', 'formation corée', /^Formation internationale en Corée/, 'Asie et pays Anglophones en Afrique'],
    ['es', 'juventud', /^Programa de Juventud$/, '100 participantes'],
    ['en', 'newsletter', /^Communication and documentation/, 'four times a year'],
    ['en', 'dialogue asia', /^Asia Policy Dialogue$/, 'Hong Kong'],
    ['en', 'cuba', /Latin America$/, 'Cuba'],
    ['en', 'uganda', /East and Southern Africa$/, 'Kenya'],
    ['en', 'kenya', /East and Southern Africa$/, 'Kampala'],
    ['en', 'seoul hrdc', /^International training in Korea/, '27 October – 3 November 2019'],
    ['en', 'unrisd', /^Research project/, 'OECD, C.I.T.I.E.S., UNRISD'],
    ['fr', 'ocde', /^Projet de recherche/, 'OCDE'],
    ['en', 'archamps', /^Europe Policy Dialogue$/, 'Archamps'],
    ['en', '2020', /^Research project/, '1 January – 31 December 2020'],
    ['en', 'mont blanc', /^Networking and Promotion$/, 'Mont Blanc'],
    ['es', 'forum social mundial', /^Creación de Redes y Promoción$/, 'World Social Forum'],
    ['en', 'orientation 2', /^Strategic orientation 2$/, 'UNRISD'],
    ['es', 'orientación 4', /^Orientación estratégica 4$/, 'Bamako'],
    ['en', 'statutory meetings', /^Statutory meetings/, '13'],
  ])('%s: programme %s', async (lang, topic, title, fact) => {
    const { reply, text } = await ask(DAY, `programme ${topic}`, lang);
    expect(reply.status).toBe('ok');
    expect(reply.title).toMatch(title);
    expect(text).toContain(fact);
  });

  it('shows the research phases with their periods, and partners to be confirmed', async () => {
    const { reply, text } = await ask(DAY, 'programme recherche');
    expect(listUnder(reply, 'Phases')).toEqual([
      'Phase 0 (1st quarter 2019)',
      'Phase 1 (April-December 2019)',
      'Phase 2 (2020)',
    ]);
    for (const period of ['1 January – 31 March 2019', '1 April – 31 December 2019', '1 January – 31 December 2020'])
      expect(text).toContain(period);
    expect(text).toContain('Partners (to be confirmed): OECD, C.I.T.I.E.S., UNRISD');
  });

  it('marks partners as the seed does: potential for the dialogues, envisaged for the training and youth', async () => {
    expect((await ask(DAY, 'programme dialogue asia')).text).toContain('Potential partners: AVPN, ASEC (RIPESS Asia)');
    expect((await ask(DAY, 'programme dialogue politique asie', 'fr')).text).toContain(
      'Partenaires potentiels\u00a0: AVPN',
    );
    expect((await ask(DAY, 'programme seoul hrdc')).text).toContain('Envisaged partners and participants: Officials');
    expect((await ask(DAY, 'programme youth')).text).toContain('Envisaged partners and participants: Youth officers');
  });

  it('gives dates with their precision, provisional where the seed says so', async () => {
    expect((await ask(DAY, 'programme kampala')).text).toContain('Date: second half of 2019 (provisional)');
    expect((await ask(DAY, 'programme youth')).text).toContain('Date: August 2019 (provisional)');
    expect((await ask(DAY, 'programme seoul hrdc')).text).toContain('Date: 27 October – 3 November 2019\n');
  });

  it('shows both versions where the seed contradicts itself: 5.C’s title, the training’s target regions', async () => {
    const kampala = await ask(DAY, 'programme kampala');
    expect(kampala.reply.title).toBe('Capacity-building and SSE sector mapping programme for East and Southern Africa');
    expect(kampala.text).toContain('“Capacity-building and SSE sector mapping programme for West Africa”');
    const training = (await ask(DAY, 'programme training korea')).text;
    expect(training).toContain('Target regions for 2019: Asia and English-speaking countries in Africa');
    expect(training).toContain('Target region: Asia only');
  });

  it('lists the other parts that match about as well', async () => {
    const { reply, text } = await ask(DAY, 'programme capacity building africa');
    const other = reply.title.endsWith('West Africa') ? 'East and Southern Africa' : 'for West Africa';
    expect(text).toMatch(new RegExp(`Also matching: .*${other}`));
  });

  it('answers a thing the seed only mentions as a mention, never with an event sharing a word', async () => {
    for (const [lang, question] of [
      ['en', 'event un general assembly'],
      ['en', 'events general assembly un'],
      ['en', 'next-event UN General Assembly'],
      ['fr', 'programme assemblée générale des nations unies'],
    ] as const) {
      const { reply, text } = await ask(DAY, question, lang);
      expect(reply.status).toBe('ok');
      expect(text).toMatch(/section 3|sección 3/);
      expect(text).not.toMatch(/RENAPESS|High Level Political Forum/);
    }
    const practice = await ask(DAY, 'programme communauté de pratique', 'fr');
    expect(practice.reply.title).toBe("Communauté de Pratique de CGLU sur l'ES");
    expect(practice.text).toContain('sans date dans le programme');
    const monthly = await ask(DAY, 'events untf sse monthly meetings');
    expect(monthly.reply.title).toBe('UNTF SSE monthly meetings');
  });

  it('still answers the RENAPESS General Assembly with its event', async () => {
    const { reply } = await ask(DAY, 'event renapess general assembly');
    expect(reply.title).toBe('RENAPESS General Assembly');
  });

  it('answers a topic it cannot find politely, with the parts to choose from', async () => {
    const { reply, text } = await ask(DAY, 'programme quidditch');
    expect(reply.status).toBe('empty');
    expect(reply.title).toContain('quidditch');
    expect(text).toContain('Youth Programme');
    expect(text).toContain('Strategic orientation 4');
  });

  it('does not take one common word among many for a topic: markup and mentions find nothing', async () => {
    const { reply } = await ask(DAY, 'programme <@U12345> @everyone <script>alert(1)</script>');
    expect(reply.status).toBe('empty');
    // "every" six months is the advisors' meetings; "everyone" alone does not name them.
    expect((await ask(DAY, 'programme everyone script alert tag')).reply.status).toBe('empty');
  });

  it('is reached by its aliases and by questions', async () => {
    expect((await ask(DAY, 'programa juventud', 'es')).reply.title).toBe('Programa de Juventud');
    expect((await ask(DAY, 'what are the phases of the research project?')).reply.title).toMatch(/^Research project/);
  });
});

describe('programme facts in event answers', () => {
  it('events cuba: no event, but the programme that targets Cuba', async () => {
    const { text } = await ask(DAY, 'events cuba');
    expect(text).toContain('In the programme');
    expect(text).toMatch(/Latin America\n\s+Target countries: .*Cuba/);
    expect(text).toContain('`programme Capacity-building and SSE sector mapping programme for Latin America`');
  });

  it('next-event uganda: the Kampala workshop, then what else the programme says of Uganda', async () => {
    const { text } = await ask(DAY, 'next-event uganda');
    expect(text).toContain('Training workshops for East and Southern Africa');
    expect(text).toMatch(/In the programme\n• Strategic orientation 2\n\s+Action: .*Uganda/);
  });

  it('event unrisd: the research partners and the orientation that name UNRISD', async () => {
    const { reply, text } = await ask(DAY, 'event unrisd');
    expect(reply.status).toBe('empty');
    expect(text).toContain('Research project conducted jointly with international organisations');
    expect(text).toContain('UNRISD');
  });

  it('adds nothing to a list by month', async () => {
    const { text } = await ask(DAY, 'events july');
    expect(text).not.toContain('In the programme');
  });
});
