import { describe, expect, it } from 'vitest';
import { withPostgres, withRedis } from '../support/database-clients.js';
import { freshPostgresUrl, freshRedisUrl } from '../support/fresh-databases.js';

describe('the throwaway database servers', () => {
  it('give each caller an empty Redis database of its own', async () => {
    const [mine, theirs] = await Promise.all([freshRedisUrl(), freshRedisUrl()]);
    expect(mine).not.toBe(theirs);
    await withRedis(mine, async (redis) => {
      expect(await redis.dbSize()).toBe(0);
      await redis.set('lang:slack:U1', 'fr');
      expect(await redis.get('lang:slack:U1')).toBe('fr');
    });
    await withRedis(theirs, async (redis) => {
      expect(await redis.dbSize()).toBe(0);
      expect(await redis.get('lang:slack:U1')).toBeNull();
    });
  });

  it('give each caller a PostgreSQL database of its own, on a server that fsyncs', async () => {
    const [mine, theirs] = await Promise.all([freshPostgresUrl(), freshPostgresUrl()]);
    expect(mine).not.toBe(theirs);
    await withPostgres(mine, async (postgres) => {
      expect((await postgres.query('SELECT current_database() AS name')).rows).toEqual([
        { name: new URL(mine).pathname.slice(1) },
      ]);
      await postgres.query('CREATE TABLE prefs (id text PRIMARY KEY, lang text NOT NULL)');
      await postgres.query("INSERT INTO prefs VALUES ('slack:U1', 'fr'), ('discord:42', 'es')");
      expect((await postgres.query('SELECT id, lang FROM prefs ORDER BY id')).rows).toEqual([
        { id: 'discord:42', lang: 'es' },
        { id: 'slack:U1', lang: 'fr' },
      ]);
      expect((await postgres.query('SHOW fsync')).rows).toEqual([{ fsync: 'on' }]);
    });
    await withPostgres(theirs, async (postgres) => {
      expect((await postgres.query("SELECT to_regclass('prefs') AS prefs")).rows).toEqual([{ prefs: null }]);
    });
  });
});
