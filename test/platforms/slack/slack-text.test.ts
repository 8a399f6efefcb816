import { describe, expect, it } from 'vitest';
import { plainSlackText } from '../../../src/platforms/slack/slack-text.js';

describe('plainSlackText', () => {
  it.each([
    ['<@UBOT> when is the next event in Africa?', 'when is the next event in Africa?'],
    ['<@UBOT|gsef> agenda Q3', 'agenda Q3'],
    ['events in <#C123|general> &amp; R&amp;D &lt;2019&gt;', 'events in #general & R&D <2019>'],
    ['member <https://ripess.org|RIPESS>', 'member RIPESS'],
    ['see <https://gsef-net.org>', 'see https://gsef-net.org'],
    ['<!here> next-event', '@here next-event'],
  ])('reads %j as %j', (slack, plain) => {
    expect(plainSlackText(slack)).toBe(plain);
  });
});
