import { describe, expect, it } from 'vitest';
import { realCatalog, ask, itemTitles } from '../support/test-bot.js';

describe('members and member', () => {
  it("the steering committee has the 13 members of the seed's table", async () => {
    const catalog = await realCatalog();
    const steering = catalog.members.members.filter((m) =>
      m.roles.some((r) =>
        ['president', 'co-president', 'vice-president', 'international-network', 'regional-network'].includes(r.role),
      ),
    );
    expect(steering).toHaveLength(13);
    expect(catalog.members.members.filter((m) => m.roles.some((r) => r.role === 'advisor'))).toHaveLength(4);
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

  it('lists the advisors and the places still to be filled', async () => {
    const { reply, text } = await ask('2019-01-01', 'members advisors');
    expect(itemTitles(reply)).toHaveLength(4);
    expect(text).toContain('2-3');
  });

  it('shows a member with its role, region and upcoming events', async () => {
    const { reply, text } = await ask('2019-05-01', 'member bamako');
    expect(reply.title).toBe('City of Bamako');
    expect(text).toContain('Vice-president');
    expect(text).toContain('Africa');
    expect(text).toContain('Africa Policy Dialogue');
  });

  it('says "to be confirmed" where the seed gives no place', async () => {
    const { text } = await ask('2019-01-01', 'member locality');
    expect(text).toContain('Place to be confirmed');
  });
});
