import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.js';
import { EVENT_CRITERIA } from '../../../src/domain/event-queries.js';
import { parseFilter } from '../../../src/domain/search/filter.js';
import { REGIONS } from '../../../src/domain/vocabulary.js';
import { commandText } from '../../../src/platforms/discord/command-text.js';
import { filterWords } from '../../../src/platforms/discord/filter-words.js';
import { realKnowledgeBase } from '../../support/test-bot.js';

const invocation = (subcommand: string | undefined, values: Record<string, string> = {}) => ({
  subcommand,
  values: new Map(Object.entries(values)),
});

describe('commandText', () => {
  it('joins a subcommand and its options into the text every platform shares', async () => {
    const words = filterWords(await realKnowledgeBase());
    expect(
      commandText(invocation('next-event', { region: 'africa', month: '7', filter: 'forum' }), COMMANDS, words),
    ).toBe('next-event africa july forum');
    expect(commandText(invocation('next-event'), COMMANDS, words)).toBe('next-event');
    expect(commandText(invocation('event', { name: 'africa-policy-dialogue-2019' }), COMMANDS, words)).toBe(
      'event africa-policy-dialogue-2019',
    );
    expect(commandText(invocation('nope', { filter: 'x' }), COMMANDS, words)).toBe('nope');
    expect(commandText(invocation(undefined), COMMANDS, words)).toBe('help');
  });

  it('turns every region and month choice into words the filter reads as exactly that', async () => {
    const kb = await realKnowledgeBase();
    const words = filterWords(kb);
    for (const region of REGIONS) {
      expect(parseFilter(words.region(region), kb.dictionary, EVENT_CRITERIA), region).toMatchObject({
        understood: [{ kind: 'region', region }],
        keywords: [],
      });
    }
    for (let month = 1; month <= 12; month++) {
      expect(parseFilter(words.month(String(month)), kb.dictionary, EVENT_CRITERIA)).toMatchObject({
        understood: [{ kind: 'month', month }],
        keywords: [],
      });
    }
    expect(words.region('atlantis')).toBe('atlantis');
  });
});
