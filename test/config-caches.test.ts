import { describe, expect, it } from 'vitest';
import { LanguagePreferences } from '../src/people/language-preferences.js';
import { silentLogger } from '../src/logger.js';
import { memoryStore } from '../src/store/memory/memory-store.js';
import type { KeyValues } from '../src/store/store.js';

describe('the per-person language cache', () => {
  it('stays bounded under a flood of people: the least recently seen are read from the store again', async () => {
    const { values } = memoryStore();
    let reads = 0;
    const counted: KeyValues = {
      get: (key, schema) => {
        reads += 1;
        return values.get(key, schema);
      },
      set: (key, value, ttlMs) => values.set(key, value, ttlMs),
      delete: (key) => values.delete(key),
      entries: (prefix) => values.entries(prefix),
    };
    const preferences = new LanguagePreferences(counted, silentLogger, () => 0, 10);
    const regular = { platform: 'slack', id: 'UREGULAR', isEditor: false } as const;
    await preferences.set(regular, 'fr');
    for (let i = 0; i < 1000; i++) {
      await preferences.get({ platform: 'slack', id: `UFLOOD${i}`, isEditor: false });
      expect(await preferences.get(regular)).toBe('fr');
    }
    expect(reads).toBe(1000);
    await preferences.get({ platform: 'slack', id: 'UFLOOD0', isEditor: false });
    expect(reads).toBe(1001);
  });
});
