import { describe, expect, it } from 'vitest';
import { platformEntry } from '../../src/platforms/platform-entry.js';
import { loopbackPlatform } from './loopback/index.js';

describe("a platform's entry", () => {
  it('preloads the code of its start without starting it', async () => {
    const imported: string[] = [];
    const entry = platformEntry(
      'loopback',
      () => ({}),
      async () => {
        imported.push('start module');
        return () => Promise.reject(new Error('started'));
      },
    );
    await entry.preload();
    expect(imported).toEqual(['start module']);
    await expect(loopbackPlatform.preload()).resolves.toBeUndefined();
  });

  it('leaves a failure to import to its start, which reports it', async () => {
    const entry = platformEntry(
      'loopback',
      () => ({}),
      () => Promise.reject(new Error('no such module')),
    );
    await expect(entry.preload()).resolves.toBeUndefined();
    await expect(entry.configure({})!({} as never, {} as never)).rejects.toThrow('no such module');
  });
});
