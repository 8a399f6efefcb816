import { describe, expect, it } from 'vitest';
import { createLogger, silentLogger } from '../../src/logger.js';
import { grantsOfSettings, RoleBook, type RoleGrant } from '../../src/people/roles.js';
import { memoryStore } from '../../src/store/memory/memory-store.js';
import { realCatalog } from '../support/test-bot.js';

const ana = { platform: 'slack', id: 'U0123ABCD' };
const secretariat = 'console:secretariat';
const AT = '2026-11-30T09:00:00.000Z';
const LATER = '2026-11-30T09:05:00.000Z';

function book(fromSettings: RoleGrant[] = [], values = memoryStore().values, now = () => 0) {
  return new RoleBook(values, fromSettings, silentLogger, now);
}

describe('RoleBook', () => {
  it('grants a role with who and when, keeps it in the store, and records the change', async () => {
    const values = memoryStore().values;
    const roles = book([], values);
    expect(await roles.grant(ana, 'representative', 'city-of-seoul', secretariat, AT)).toEqual({ kind: 'granted' });
    expect(await roles.grantsOf(ana)).toEqual([
      { person: ana, role: 'representative', member: 'city-of-seoul', grantedBy: secretariat, grantedAt: AT },
    ]);
    expect(await roles.memberOf(ana)).toBe('city-of-seoul');
    // Another process sharing the store reads the same.
    expect(await book([], values).grantsOf(ana)).toHaveLength(1);
    expect(await roles.history()).toEqual([
      { action: 'granted', person: ana, role: 'representative', member: 'city-of-seoul', by: secretariat, at: AT },
    ]);
  });

  it('changes nothing for the same grant again, and replaces the member for the same role', async () => {
    const roles = book();
    await roles.grant(ana, 'representative', 'city-of-seoul', secretariat, AT);
    expect(await roles.grant(ana, 'representative', 'city-of-seoul', 'slack:U9', AT)).toEqual({ kind: 'unchanged' });
    const moved = await roles.grant(ana, 'representative', 'ripess', secretariat, LATER);
    expect(moved).toMatchObject({ kind: 'granted', replaced: { member: 'city-of-seoul' } });
    expect((await roles.grantsOf(ana)).map((g) => g.member)).toEqual(['ripess']);
    expect((await roles.history()).map((c) => c.action)).toEqual(['granted', 'granted']);
  });

  it('revokes once: a second revocation finds nothing, and only the first is recorded', async () => {
    const roles = book();
    await roles.grant(ana, 'editor', undefined, secretariat, AT);
    expect(await roles.revoke(ana, 'editor', secretariat, LATER)).toMatchObject({ kind: 'revoked' });
    expect(await roles.revoke(ana, 'editor', secretariat, LATER)).toEqual({ kind: 'not-held' });
    expect(await roles.grantsOf(ana)).toEqual([]);
    expect((await roles.history()).map((c) => c.action)).toEqual(['granted', 'revoked']);
  });

  it("leaves the settings file's roles to the settings file", async () => {
    const settingsGrant: RoleGrant = { person: ana, role: 'secretariat', grantedBy: 'settings' };
    const roles = book([settingsGrant]);
    expect(await roles.grant(ana, 'secretariat', undefined, secretariat, AT)).toEqual({
      kind: 'from-settings',
      grant: settingsGrant,
    });
    expect(await roles.revoke(ana, 'secretariat', secretariat, AT)).toEqual({
      kind: 'from-settings',
      grant: settingsGrant,
    });
    expect(await roles.history()).toEqual([]);
  });

  it('sees a change made by another process within ten seconds', async () => {
    let now = 0;
    const values = memoryStore().values;
    const here = book([], values, () => now);
    const elsewhere = book([], values, () => now);
    expect(await elsewhere.grantsOf(ana)).toEqual([]);
    await here.grant(ana, 'advisor', undefined, secretariat, AT);
    expect(await here.grantsOf(ana)).toHaveLength(1);
    now += 10_001;
    expect(await elsewhere.grantsOf(ana)).toHaveLength(1);
  });

  it('knows the roles without a promise only while it trusts them, and forgets them when they change', async () => {
    let now = 0;
    const roles = book([], memoryStore().values, () => now);
    expect(roles.knownGrantsOf(ana)).toBeUndefined();
    const read = await roles.grantsOf(ana);
    expect(roles.knownGrantsOf(ana)).toBe(read);
    await roles.grant(ana, 'advisor', undefined, secretariat, AT);
    expect(roles.knownGrantsOf(ana)).toBeUndefined();
    expect(await roles.grantsOf(ana)).toHaveLength(1);
    expect(roles.knownGrantsOf(ana)).toHaveLength(1);
    now += 10_001;
    expect(roles.knownGrantsOf(ana)).toBeUndefined();
  });

  it.each([[{ grantedBy: 42 }], ['editor'], [{ member: 'x', grantedBy: 'a', grantedAt: AT, extra: true }]])(
    'takes %j stored as a role as not held, with a warning naming its key',
    async (stored) => {
      const values = memoryStore().values;
      const lines: string[] = [];
      await values.set('role:slack:U0123ABCD:editor', stored);
      const roles = new RoleBook(
        values,
        [],
        createLogger('warn', (line) => lines.push(line)),
      );
      expect(await roles.grantsOf(ana)).toEqual([]);
      expect(await roles.all()).toEqual([]);
      expect(lines.join('\n')).toContain('role:slack:U0123ABCD:editor');
    },
  );

  it('keeps a console name with a colon apart from the key around it', async () => {
    const odd = { platform: 'console', id: 'a:b' };
    const roles = book();
    await roles.grant(odd, 'editor', undefined, secretariat, AT);
    expect(await roles.all()).toEqual([expect.objectContaining({ person: odd, role: 'editor' })]);
  });
});

describe('grantsOfSettings', () => {
  it("reads the settings' people, and the newsletter's editors and authors as roles of the same model", async () => {
    const { settings } = await realCatalog();
    const grants = grantsOfSettings({
      ...settings,
      people: [
        { platform: 'slack', user: 'U1', member: 'city-of-seoul', roles: ['representative', 'editor'] },
        { platform: 'console', user: 'secretariat', roles: ['secretariat', 'editor'] },
      ],
      newsletter: {
        ...settings.newsletter,
        editors: { console: ['secretariat'], slackUsers: ['U2'], discordRoles: ['123'] },
        authors: [{ platform: 'discord', user: '456', member: 'ripess' }],
      },
    });
    expect(grants.map((g) => [g.person.platform, g.person.id, g.role, g.member ?? null, g.grantedBy])).toEqual([
      ['slack', 'U1', 'representative', 'city-of-seoul', 'settings'],
      ['slack', 'U1', 'editor', 'city-of-seoul', 'settings'],
      ['console', 'secretariat', 'secretariat', null, 'settings'],
      ['console', 'secretariat', 'editor', null, 'settings'], // named twice, held once
      ['slack', 'U2', 'editor', null, 'settings'],
      ['discord', '456', 'author', 'ripess', 'settings'],
    ]);
  });
});
