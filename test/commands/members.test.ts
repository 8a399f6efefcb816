import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/domain/vocabulary.js';
import type { Reply, ReplyBlock } from '../../src/reply/reply.js';
import { realCatalog, ask, itemTitles } from '../support/test-bot.js';

type List = Extract<ReplyBlock, { type: 'list' }>;

/** The reply's lists, by heading. */
function lists(reply: Reply): List[] {
  return reply.blocks.filter((b): b is List => b.type === 'list');
}

const ADVISORS = ['Prof. Marguerite Mendell', 'Nancy Neamtan', 'Rev. Kyongyong Song', 'Thierry Jeantet'];
const OUTSIDE_COMMITTEE = [...ADVISORS, 'C.I.T.I.E.S.', 'Secretary General'];

describe('members: the directory by group', () => {
  it.each<[Lang, string, string[]]>([
    [
      'en',
      'members',
      [
        'The programme counted 49 member cities and networks, with the goal of 100 by the end of 2019.',
        'Steering Committee: 13 members',
        'International Advisors: 4 named in 2018, 2–3 to be named in 2019, 6–7 in all',
        '2–3 to be named in 2019',
        'Observers: C.I.T.I.E.S., other partner organisations',
        "At the Steering Committee's meetings: As requested.",
        'Secretariat: 1 (Secretary General)',
      ],
    ],
    [
      'fr',
      'membres',
      [
        "Le programme comptait 49 villes et réseaux membres, avec l'objectif d'en atteindre 100 d'ici fin 2019.",
        'Comité Directeur\u00a0: 13 membres',
        'Conseillers Internationaux\u00a0: 4 nommés en 2018, 2–3 à nommer en 2019, 6–7 au total',
        '2–3 à nommer en 2019',
        'Aux réunions du Comité Directeur\u00a0: Suivant les demandes.',
        'Secrétariat\u00a0: 1 (Secrétaire Général)',
      ],
    ],
    [
      'es',
      'miembros',
      [
        'El programa contaba 49 ciudades y redes miembros, con el objetivo de llegar a 100 a finales de 2019.',
        'Comité Directivo: 13 miembros',
        'Asesores Internacionales: 4 nombrados en 2018, 2–3 por nombrar en 2019, 6–7 en total',
        '2–3 por nombrar en 2019',
        'En las reuniones del Comité Directivo: Según las solicitudes.',
        'Secretaría: 1 (Secretario General)',
      ],
    ],
  ])('in %s, `%s` gives the counts the seed gives', async (lang, command, facts) => {
    const { reply, text } = await ask('2019-01-01', command, lang);
    expect(reply.status).toBe('ok');
    for (const fact of facts) expect(text).toContain(fact);
  });

  it('lists the 13 committee members in the committee group, and the advisors, observer and secretary general outside it', async () => {
    const { reply } = await ask('2019-01-01', 'members');
    const [committee, advisors, observers, secretariat] = lists(reply);
    expect(committee!.heading).toBe('Steering Committee: 13 members');
    expect(committee!.items).toHaveLength(13);
    for (const name of OUTSIDE_COMMITTEE) expect(committee!.items.map((i) => i.title)).not.toContain(name);
    expect(advisors!.items.map((i) => i.title)).toEqual([...ADVISORS, '2–3 to be named in 2019']);
    expect(observers!.items.map((i) => i.title)).toEqual(['C.I.T.I.E.S.']);
    expect(secretariat!.items.map((i) => i.title)).toEqual(['Secretary General']);
  });

  it('answers "who are the advisors to be named?" with the vacancy, its count, year and note', async () => {
    const { reply, text } = await ask('2019-01-01', 'members advisors to be named');
    expect(lists(reply)).toHaveLength(1);
    const vacancy = lists(reply)[0]!.items.at(-1)!;
    expect(vacancy).toEqual({
      title: '2–3 to be named in 2019',
      details: ['Recommendations of candidates will be submitted by the Steering Committee.'],
    });
    expect(text).toContain('6–7 in all');
  });

  it('answers "how many members does the steering committee have?"', async () => {
    const { reply } = await ask('2019-01-01', 'members steering committee');
    expect(lists(reply).map((l) => l.heading)).toEqual(['Steering Committee: 13 members']);
    expect(itemTitles(reply)).toHaveLength(13);
  });

  it('keeps the grouping under a filter, in each language', async () => {
    const europe = await ask('2019-01-01', 'members europe');
    expect(lists(europe.reply).map((l) => [l.heading, l.items.map((i) => i.title)])).toEqual([
      ['Steering Committee: 13 members', ['City of Bilbao']],
    ]);
    expect(europe.text).not.toContain('to be named');

    const advisors = await ask('2019-01-01', 'membres conseillers', 'fr');
    expect(lists(advisors.reply).map((l) => l.heading)).toEqual([
      'Conseillers Internationaux\u00a0: 4 nommés en 2018, 2–3 à nommer en 2019, 6–7 au total',
    ]);
    expect(itemTitles(advisors.reply)).toEqual([
      ...ADVISORS.slice(0, 2),
      'Rév. Kyongyong Song',
      ADVISORS[3],
      '2–3 à nommer en 2019',
    ]);

    const observers = await ask('2019-01-01', 'miembros observador', 'es');
    expect(lists(observers.reply).map((l) => [l.heading, l.items.map((i) => i.title)])).toEqual([
      ['Observadores: C.I.T.I.E.S., otras organizaciones asociadas', ['C.I.T.I.E.S.']],
    ]);
    expect(observers.text).toContain('No se cuentan como miembros del GSEF ni de su Comité Directivo.');
  });

  it('lists the vice-presidents, asked in French', async () => {
    const { reply } = await ask('2019-01-01', 'members vice-présidents', 'fr');
    expect(itemTitles(reply)).toEqual([
      'Ville de Montréal',
      "Chantier de l'économie sociale",
      'Ville de Bilbao',
      'Ville de Bamako',
    ]);
  });

  it('answers "who is the secretary general?"', async () => {
    const { reply, text } = await ask('2019-01-01', 'members secretary general');
    expect(lists(reply).map((l) => l.heading)).toEqual(['Secretariat: 1 (Secretary General)']);
    expect(text).toContain('Not counted as members of GSEF or of its Steering Committee.');
  });
});

describe('the data behind the directory', () => {
  it('puts every member in exactly one group of the steering-committee table', async () => {
    const catalog = await realCatalog();
    const groups = catalog.meetings.steeringCommittee.participants;
    for (const m of catalog.members.members)
      expect(
        groups.filter((g) => g.members.includes(m.id)).map((g) => g.id),
        m.id,
      ).toHaveLength(1);
    expect(groups.find((g) => g.id === 'steering-committee')!.members).toHaveLength(13);
  });

  it("adds up the advisors as the seed's table 1.B.iii does: 4 named + 2–3 = 6–7", async () => {
    const catalog = await realCatalog();
    const named = catalog.members.members.filter((m) => m.roles.some((r) => r.role === 'advisor')).length;
    const [vacancy] = catalog.members.vacancies;
    expect(named).toBe(4);
    expect(vacancy).toMatchObject({ role: 'advisor', year: 2019, count: { min: 2, max: 3 } });
    expect(vacancy!.total).toEqual({ min: named + vacancy!.count.min, max: named + vacancy!.count.max });
  });
});

describe('member', () => {
  it('shows a member with its role, region and upcoming events', async () => {
    const { reply, text } = await ask('2019-05-01', 'member bamako');
    expect(reply.title).toBe('City of Bamako');
    expect(text).toContain('Vice-president');
    expect(text).toContain('Steering Committee: Member, one of its 13');
    expect(text).toContain('Africa');
    expect(text).toContain('Africa Policy Dialogue');
  });

  it('says "to be confirmed" where the seed gives no place', async () => {
    const { text } = await ask('2019-01-01', 'member locality');
    expect(text).toContain('Place to be confirmed');
  });

  it.each<[Lang, string, string, string]>([
    ['en', 'member seoul', 'Roles: President', 'Other version (strategic orientation 4)'],
    ['fr', 'membre séoul', 'Rôles\u00a0: Président', 'orientation stratégique 4'],
    ['es', 'miembro seúl', 'Funciones: Presidente', 'orientación estratégica 4'],
  ])('in %s, shows both of Seoul’s roles (`%s`)', async (lang, command, president, otherSource) => {
    const { reply, text } = await ask('2019-01-01', command, lang);
    expect(reply.status).toBe('ok');
    expect(text).toContain(president);
    expect(text).toContain(otherSource);
    expect(text).toMatch(
      /(co-presidents and regional vice-presidents|co-présidents et vice-présidents régionaux|copresidentes y vicepresidentes regionales)/,
    );
  });

  it('shows an advisor in their role, with the advisors’ meetings every 6 months', async () => {
    const { text } = await ask('2019-01-01', 'member mendell');
    expect(text).toContain('Steering Committee: Not a member; attends in its role (International Advisors)');
    expect(text).toContain('At Steering Committee meetings: As requested');
    expect(text).toContain('International Advisors (every 6 months)');
    expect(text).toContain('18 – 22 February 2019');
    expect(text).toMatch(/July 2019\n\s+Medellín, Colombia/);
  });

  it('shows the observer and the secretary general in their role', async () => {
    const observer = await ask('2019-01-01', 'member cities');
    expect(observer.text).toContain('Not a member; attends in its role (Observers)');
    const secretary = await ask('2019-01-01', 'membre secrétaire général', 'fr');
    expect(secretary.text).toContain('Non membre\u00a0; y participe dans son rôle (Secrétariat)');
    expect(secretary.text).toContain('Le programme ne nomme pas le Secrétaire Général (à confirmer).');
  });
});
