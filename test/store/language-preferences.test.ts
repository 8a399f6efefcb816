import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import type { Asker } from '../../src/domain/asker.js';
import { LanguagePreferences } from '../../src/store/language-preferences.js';

const ana: Asker = { platform: 'slack', id: 'U1', isEditor: false };

describe('LanguagePreferences', () => {
  it('remembers a choice in the store, and another process sharing it sees the change within ten seconds', async () => {
    let now = 0;
    const store = new Keyv();
    const here = new LanguagePreferences(store, () => now);
    const elsewhere = new LanguagePreferences(store, () => now);
    expect(await elsewhere.get(ana)).toBeUndefined();
    await here.set(ana, 'fr');
    expect(await here.get(ana)).toBe('fr');
    expect(await elsewhere.get(ana)).toBeUndefined(); // still its cached answer
    now += 10_001;
    expect(await elsewhere.get(ana)).toBe('fr');
  });

  it('ignores what is not a language in the store', async () => {
    const store = new Keyv();
    await store.set('lang:slack:U1', 'de');
    expect(await new LanguagePreferences(store).get(ana)).toBeUndefined();
  });
});
