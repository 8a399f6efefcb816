import { describe, expect, it } from 'vitest';
import { placeOf, summarize } from '../../bench/cpu-profile-summary.js';

const frame = (url: string, functionName = 'f') => ({ url, functionName, lineNumber: 0 });

describe('the CPU profile summary', () => {
  it('names where code is: a package, a file of the bot, a Node.js module, or V8', () => {
    expect(placeOf(frame('file:///app/node_modules/@slack/bolt/dist/App.js'))).toBe('@slack/bolt');
    expect(placeOf(frame('file:///app/node_modules/discord.js/node_modules/undici/lib/x.js'))).toBe('undici');
    expect(placeOf(frame('file:///app/dist/src/platforms/discord/render-discord.js'))).toBe(
      'src/platforms/discord/render-discord',
    );
    expect(placeOf(frame('file:///app/dist/commands/next-event.js'))).toBe('commands/next-event');
    expect(placeOf(frame('node:internal/streams/writable'))).toBe('node:streams');
    expect(placeOf(frame('node:events'))).toBe('node:events');
    expect(placeOf(frame('', '(garbage collector)'))).toBe('(garbage collector)');
  });

  it('sums self time by place, leaving out idle time and the first seconds', () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('file:///app/dist/src/bot.js', 'answer') },
        { id: 2, callFrame: frame('', '(idle)') },
        { id: 3, callFrame: frame('file:///app/node_modules/luxon/build/luxon.js', 'clone') },
      ],
      samples: [3, 1, 2, 1, 3],
      timeDeltas: [500_000, 1_000_000, 1_000_000, 2_000, 3_000],
    };
    const { totalUs, places } = summarize(profile, 1);
    // The first sample, at 0.5 s, is start-up; the idle one is left out.
    expect(totalUs).toBe(1_005_000);
    expect(places).toEqual([
      ['src/bot', 1_002_000],
      ['luxon', 3_000],
    ]);
  });
});
