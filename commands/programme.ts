import { defineCommand } from '../src/dispatch/command.js';
import { namedMentions } from '../src/domain/programme-mentions.js';
import { programmeParts, searchProgrammes } from '../src/domain/programme-search.js';
import { closeMatches, mentionsReply } from '../src/presenters/programme-facts.js';
import { partInFull, partTitle, programmeOverview } from '../src/presenters/programme.js';
import { reply } from '../src/reply/reply.js';

/**
 * `programme [topic]`: without a topic, the eight parts of the 2019 programme and its four
 * strategic orientations; with one, the part it is about in full (and the others that match about
 * as well); a thing the programme only mentions is answered as such.
 */
export default defineCommand({
  name: 'programme',
  aliases: ['programa', 'program', 'programmes', 'programas', 'programs'],
  options: [{ name: 'topic', type: 'topic', required: false }],
  permission: 'everyone',
  readOnly: true,
  handle(ctx, { topic }) {
    if (topic === undefined || topic.trim() === '')
      return reply('ok', ctx.t('programme.overviewTitle'), programmeOverview(ctx));
    const mentions = namedMentions(ctx.kb, topic);
    if (mentions.length > 0) return mentionsReply(ctx, mentions);
    const [best, ...others] = closeMatches(searchProgrammes(ctx.kb, topic));
    if (!best) {
      return reply('empty', ctx.t('programme.notFound', { topic }), [
        {
          type: 'list',
          heading: ctx.t('programme.partsInstead'),
          items: programmeParts(ctx.kb).map((part) => ({ title: partTitle(ctx, part), details: [] })),
        },
      ]);
    }
    const blocks = partInFull(ctx, best.part);
    if (others.length > 0)
      blocks.push({
        type: 'note',
        text: ctx.t('programme.alsoMatching', { parts: others.map((m) => partTitle(ctx, m.part)).join(' · ') }),
      });
    return reply('ok', partTitle(ctx, best.part), blocks);
  },
});
