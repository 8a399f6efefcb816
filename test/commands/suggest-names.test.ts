import { describe, expect, it } from 'vitest';
import { MAX_SUGGESTION_NAME, MAX_SUGGESTIONS, suggestNames } from '../../src/dispatch/suggest-names.js';
import { realKnowledgeBase } from '../support/test-bot.js';

describe('suggestNames', () => {
  it('offers the events whose names or places start with what is typed, by date, with their ids as values', async () => {
    const kb = await realKnowledgeBase();
    const found = suggestNames(kb, 'event', 'bamako', 'en');
    expect(found.map((s) => s.name)).toEqual(
      expect.arrayContaining(['RENAPESS General Assembly', 'Africa Policy Dialogue']),
    );
    for (const s of found) expect(kb.eventById(s.value)).toBeDefined();
    expect(suggestNames(kb, 'event', 'dialogue pol afri', 'fr').map((s) => s.name)).toContain(
      'Dialogue Politique Afrique',
    );
  });

  it('tells apart events that share a title by their start day', async () => {
    const kb = await realKnowledgeBase();
    const calls = suggestNames(kb, 'event', 'conference call', 'en').filter((s) =>
      s.name.startsWith('Conference call with the Steering Committee'),
    );
    expect(calls.length).toBeGreaterThan(1);
    expect(new Set(calls.map((s) => s.name)).size).toBe(calls.length);
    expect(calls[0]!.name).toMatch(/\(2019-\d\d-\d\d\)$/);
  });

  it('offers members in the asker language, without accents needed', async () => {
    const kb = await realKnowledgeBase();
    expect(suggestNames(kb, 'member', 'seoul', 'es')).toContainEqual({
      name: 'Ciudad de Seúl',
      value: 'city-of-seoul',
    });
  });

  it('offers at most 25 names of at most 100 characters, and nothing for nonsense', async () => {
    const kb = await realKnowledgeBase();
    const all = suggestNames(kb, 'event', '', 'en');
    expect(all).toHaveLength(MAX_SUGGESTIONS);
    for (const s of all) expect(s.name.length).toBeLessThanOrEqual(MAX_SUGGESTION_NAME);
    expect(all.some((s) => s.name.endsWith('…'))).toBe(true);
    expect(suggestNames(kb, 'member', 'zzzz', 'en')).toEqual([]);
  });
});
