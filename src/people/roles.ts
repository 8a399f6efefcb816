import { randomUUID } from 'node:crypto';
import { BoundedMap } from '../bounded-map.js';
import type { PlatformName } from '../domain/asker.js';
import { PERSON_ROLES, type PersonRole } from '../domain/vocabulary.js';
import type { Settings } from '../catalog/schema.js';
import type { Logger } from '../logger.js';
import { storedPersonRef } from './person-ref.js';
import type { KeyValues } from '../store/store.js';
import { checkStored, readableEntries, storedSchema } from '../store/stored-value.js';

export function isPersonRole(word: string): word is PersonRole {
  return (PERSON_ROLES as readonly string[]).includes(word);
}

/** A person as a platform knows them: a Slack user id, a Discord user id, a console name. */
export interface PersonRef {
  platform: PlatformName;
  id: string;
}

/** One role held by one person: for which member, if any, and who granted it when (`settings` for the settings file). */
export interface RoleGrant {
  person: PersonRef;
  role: PersonRole;
  member?: string;
  grantedBy: string;
  /** ISO instant; absent for a grant of the settings file, which holds from the start. */
  grantedAt?: string;
}

/** What the store keeps for one grant, under `role:<platform>:<id>:<role>`. */
interface StoredGrant {
  member?: string;
  grantedBy: string;
  grantedAt: string;
}
const storedGrant = storedSchema<StoredGrant>((z) =>
  z.strictObject({
    member: z.string().min(1).max(80).optional(),
    grantedBy: z.string().min(1).max(200),
    grantedAt: z.string().min(1).max(40),
  }),
);
/** Whatever a key holds: a grant's key is read as is, then checked as a grant (a bad one is taken as not held). */
const anyValue = storedSchema<unknown>((z) => z.unknown());

/** What the store keeps of every change, under `role-history:<instant>:<random>`, for the secretariat's records. */
export interface RoleChange {
  action: 'granted' | 'revoked';
  person: PersonRef;
  role: PersonRole;
  member?: string;
  by: string;
  at: string;
}

/**
 * How long a person's roles read from the store are trusted: every answer needs them (the help and
 * the permissions depend on them); another process sharing the store sees a change within this time.
 */
const CACHE_MS = 10_000;
const MAX_CACHED_PEOPLE = 10_000;

export type GrantOutcome =
  { kind: 'granted'; replaced?: RoleGrant } | { kind: 'unchanged' } | { kind: 'from-settings'; grant: RoleGrant };
export type RevokeOutcome =
  { kind: 'revoked'; grant: RoleGrant } | { kind: 'not-held' } | { kind: 'from-settings'; grant: RoleGrant };

/**
 * The roles people hold: those the settings file gives (fixed while the bot runs) and those the
 * secretariat grants and revokes from chat, kept in the store with who and when, each change
 * recorded. One key per person and role: two grants at once each write their own key, and two
 * of the same grant leave one.
 */
export class RoleBook {
  private readonly cache = new BoundedMap<string, { grants: readonly RoleGrant[]; at: number }>(MAX_CACHED_PEOPLE);

  constructor(
    private readonly values: KeyValues,
    private readonly fromSettings: readonly RoleGrant[],
    private readonly logger: Logger,
    private readonly nowMs: () => number = () => performance.now(),
  ) {}

  /** Every role `person` holds, the settings file's first. */
  async grantsOf(person: PersonRef): Promise<readonly RoleGrant[]> {
    const known = this.knownGrantsOf(person);
    if (known) return known;
    const id = personKey(person);
    const grants = [...this.grantsFromSettings(person), ...(await this.storedGrantsOf(person))];
    this.cache.set(id, { grants, at: this.nowMs() });
    return grants;
  }

  /**
   * Every role `person` holds as last read, while it is trusted, else undefined: without a
   * promise, for the answers that find it so (nearly all). The same array until it is read again.
   */
  knownGrantsOf(person: PersonRef): readonly RoleGrant[] | undefined {
    const cached = this.cache.get(personKey(person));
    return cached && this.nowMs() - cached.at < CACHE_MS ? cached.grants : undefined;
  }

  /** The member organisation `person` speaks for, as a representative or an author, if any. */
  async memberOf(person: PersonRef): Promise<string | undefined> {
    const grants = await this.grantsOf(person);
    return grants.find((g) => g.role === 'representative')?.member ?? grants.find((g) => g.role === 'author')?.member;
  }

  /** Every role held by anyone: the settings file's, then the store's, in the order of PERSON_ROLES, then of people. */
  async all(): Promise<RoleGrant[]> {
    const stored: RoleGrant[] = [];
    for await (const { key, value } of this.values.entries(GRANT_PREFIX)) {
      const grant = await this.readGrant(key, value);
      if (grant) stored.push(grant);
    }
    const order = (g: RoleGrant) => PERSON_ROLES.indexOf(g.role);
    return [
      ...this.fromSettings,
      ...stored.sort((a, b) => order(a) - order(b) || personKey(a.person).localeCompare(personKey(b.person))),
    ];
  }

  /**
   * Gives `person` the role `role` (for `member`), as `by` did at `at`. The same grant again changes
   * nothing; the same role for another member replaces it. A role the settings file gives is
   * changed there, not from chat.
   */
  async grant(
    person: PersonRef,
    role: PersonRole,
    member: string | undefined,
    by: string,
    at: string,
  ): Promise<GrantOutcome> {
    const settings = this.grantsFromSettings(person).find((g) => g.role === role);
    if (settings) return { kind: 'from-settings', grant: settings };
    const held = (await this.fresh(person)).find((g) => g.role === role);
    if (held && held.member === member) return { kind: 'unchanged' };
    const stored: StoredGrant = { ...(member ? { member } : {}), grantedBy: by, grantedAt: at };
    await this.values.set(grantKey(person, role), stored);
    this.cache.delete(personKey(person));
    await this.record({ action: 'granted', person, role, ...(member ? { member } : {}), by, at });
    return held ? { kind: 'granted', replaced: held } : { kind: 'granted' };
  }

  /** Takes the role back. A role the settings file gives is changed there, not from chat. */
  async revoke(person: PersonRef, role: PersonRole, by: string, at: string): Promise<RevokeOutcome> {
    const settings = this.grantsFromSettings(person).find((g) => g.role === role);
    if (settings) return { kind: 'from-settings', grant: settings };
    const held = (await this.fresh(person)).find((g) => g.role === role);
    // Deleting is what decides: of two revocations at once, only the one that deleted records it.
    if (!held || !(await this.values.delete(grantKey(person, role)))) return { kind: 'not-held' };
    this.cache.delete(personKey(person));
    await this.record({ action: 'revoked', person, role, ...(held.member ? { member: held.member } : {}), by, at });
    return { kind: 'revoked', grant: held };
  }

  /** Every change made from chat, oldest first. */
  async history(): Promise<RoleChange[]> {
    return (await readableEntries(this.values.entries(HISTORY_PREFIX), roleChange, this.logger)).map((e) => e.value);
  }

  /** The person's roles as the store holds them now, past the cache (before changing them). */
  private async fresh(person: PersonRef): Promise<readonly RoleGrant[]> {
    this.cache.delete(personKey(person));
    return this.grantsOf(person);
  }

  /** The roles the settings file gives `person`: what counts when the store does not answer. */
  grantsFromSettings(person: PersonRef): RoleGrant[] {
    return this.fromSettings.filter((g) => g.person.platform === person.platform && g.person.id === person.id);
  }

  private async storedGrantsOf(person: PersonRef): Promise<RoleGrant[]> {
    // One read by key per role, all at once, rather than a prefix scan: a read by key is what every
    // backend does fastest (Redis would scan its whole key space for a prefix).
    const grants = await Promise.all(
      PERSON_ROLES.map(async (role) => {
        const key = grantKey(person, role);
        const value = await this.values.get(key, anyValue);
        return value === undefined ? undefined : this.readGrant(key, value);
      }),
    );
    return grants.filter((grant) => grant !== undefined);
  }

  /** A stored grant, or nothing (with a warning naming its key) when the store holds something else there. */
  private async readGrant(key: string, value: unknown): Promise<RoleGrant | undefined> {
    const parts = parseGrantKey(key);
    try {
      if (!parts) throw new Error('not a grant key');
      const { member, grantedBy, grantedAt } = await checkStored(storedGrant, key, value);
      return { ...parts, ...(member ? { member } : {}), grantedBy, grantedAt };
    } catch (error) {
      this.logger.warn('a role in the store is unreadable; taken as not held', { key, error });
      return undefined;
    }
  }

  private async record(change: RoleChange): Promise<void> {
    await this.values.set(`${HISTORY_PREFIX}${change.at}:${randomUUID()}`, change);
  }
}

/** Who granted a role given by the settings file. */
export const SETTINGS = 'settings';

/**
 * The roles data/settings.yaml gives: its `people`, and the newsletter's editors (console names,
 * Slack users) and authors, which are roles in the same model. Discord editors are named by a
 * server role (`newsletter.editors.discordRoles`), which the Discord adapter checks itself.
 */
export function grantsOfSettings(settings: Pick<Settings, 'people' | 'newsletter'>): RoleGrant[] {
  const { editors, authors } = settings.newsletter;
  const grants: RoleGrant[] = [
    ...settings.people.flatMap(({ platform, user, member, roles }) =>
      roles.map((role) => ({
        person: { platform, id: user },
        role,
        ...(member ? { member } : {}),
        grantedBy: SETTINGS,
      })),
    ),
    ...editors.console.map((id) => editorGrant({ platform: 'console', id })),
    ...editors.slackUsers.map((id) => editorGrant({ platform: 'slack', id })),
    ...authors.map(({ platform, user, member }) => ({
      person: { platform, id: user },
      role: 'author' as const,
      member,
      grantedBy: SETTINGS,
    })),
  ];
  // A person named twice for one role (in `people` and among the editors) holds it once, as first named.
  const seen = new Set<string>();
  return grants.filter((g) => {
    const key = grantKey(g.person, g.role);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function editorGrant(person: PersonRef): RoleGrant {
  return { person, role: 'editor', grantedBy: SETTINGS };
}

const GRANT_PREFIX = 'role:';
const HISTORY_PREFIX = 'role-history:';

const roleChange = storedSchema<RoleChange>((z) =>
  z.strictObject({
    action: z.enum(['granted', 'revoked']),
    person: storedPersonRef(z),
    role: z.enum(PERSON_ROLES),
    member: z.string().optional(),
    by: z.string(),
    at: z.string(),
  }),
);

/** Ids are encoded: a console name may hold a colon, which separates the key's parts. */
function personKey(person: PersonRef): string {
  return `${person.platform}:${encodeURIComponent(person.id)}`;
}

function grantKey(person: PersonRef, role: PersonRole): string {
  return `${GRANT_PREFIX}${personKey(person)}:${role}`;
}

function parseGrantKey(key: string): { person: PersonRef; role: PersonRole } | undefined {
  const [prefix, platform, id, role, ...rest] = key.split(':');
  if (`${prefix}:` !== GRANT_PREFIX || !platform || !id || !role || rest.length > 0 || !isPersonRole(role))
    return undefined;
  try {
    return { person: { platform, id: decodeURIComponent(id) }, role };
  } catch {
    return undefined;
  }
}
