import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { LanguagePreferences } from '../src/store/language-preferences.js';

describe('the per-person language cache', () => {
  it('stays bounded under a flood of people: the least recently seen are read from the store again', async () => {
    const store = new Keyv();
    let reads = 0;
    const get = store.get.bind(store);
    store.get = ((key: string) => {
      reads += 1;
      return get(key);
    }) as typeof store.get;
    const preferences = new LanguagePreferences(store, () => 0, 10);
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
