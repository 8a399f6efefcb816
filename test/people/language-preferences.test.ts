import { describe, expect, it } from 'vitest';
import type { Asker } from '../../src/domain/asker.js';
import { LanguagePreferences } from '../../src/people/language-preferences.js';
import { createLogger, silentLogger } from '../../src/logger.js';
import { memoryStore } from '../../src/store/memory/memory-store.js';

const ana: Asker = { platform: 'slack', id: 'U1', isEditor: false };

describe('LanguagePreferences', () => {
  it('remembers a choice in the store, and another process sharing it sees the change within ten seconds', async () => {
    let now = 0;
    const { values } = memoryStore();
    const here = new LanguagePreferences(values, silentLogger, () => now);
    const elsewhere = new LanguagePreferences(values, silentLogger, () => now);
    expect(await elsewhere.get(ana)).toBeUndefined();
    await here.set(ana, 'fr');
    expect(await here.get(ana)).toBe('fr');
    expect(await elsewhere.get(ana)).toBeUndefined(); // still its cached answer
    now += 10_001;
    expect(await elsewhere.get(ana)).toBe('fr');
  });

  it('knows a choice without a promise only while it trusts it: once read or made, for ten seconds', async () => {
    let now = 0;
    const preferences = new LanguagePreferences(memoryStore().values, silentLogger, () => now);
    expect(preferences.known(ana)).toBeUndefined();
    expect(await preferences.get(ana)).toBeUndefined();
    expect(preferences.known(ana)).toMatchObject({ value: undefined });
    await preferences.set(ana, 'es');
    expect(preferences.known(ana)).toMatchObject({ value: 'es' });
    now += 10_001;
    expect(preferences.known(ana)).toBeUndefined();
  });

  it.each([['de'], [42], [{ lang: 'fr' }]])(
    'takes %j in the store as no choice, and says so in the log, naming the key',
    async (stored) => {
      const { values } = memoryStore();
      const lines: string[] = [];
      await values.set('lang:slack:U1', stored);
      const preferences = new LanguagePreferences(
        values,
        createLogger('warn', (line) => lines.push(line)),
      );
      expect(await preferences.get(ana)).toBeUndefined();
      expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
        expect.objectContaining({ level: 'warn', key: 'lang:slack:U1', problem: expect.any(String) }),
      ]);
    },
  );
});
