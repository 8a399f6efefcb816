import type { Mention } from '../catalog/schema.js';
import { searchProgrammes, type ProgrammeMatch, type ProgrammePart } from '../domain/programme-search.js';
import { normalize, tokenize } from '../domain/search/normalize.js';
import { reply, type Reply, type ReplyBlock } from '../reply/reply.js';
import { truncate } from '../reply/truncate.js';
import { partTitle } from './programme.js';
import type { PresenterContext } from './presenter-context.js';

/** At most this many parts are named under "In the programme": the best, not the whole programme. */
const MOST_PARTS = 3;
/** A part is named when it scores at least this share of the best one. */
const CLOSE_ENOUGH = 0.7;
/** How much of the text that matched is quoted. */
const EXCERPT_LENGTH = 160;
/** Words kept before the first matching word when the quote does not start at the beginning. */
const WORDS_BEFORE = 4;

/**
 * "In the programme": the parts of the programme whose texts hold what was asked (a target
 * country, a partner, a year…), each with the text that matched and how to see it in full. The
 * parts given in `shown` (those of the events already listed) are left out. Nothing when no part
 * matches.
 */
export function inProgrammeBlocks(
  ctx: PresenterContext,
  text: string,
  shown: ReadonlySet<string> = new Set(),
): ReplyBlock[] {
  const matches = closeMatches(searchProgrammes(ctx.kb, text)).filter(
    (m) => !(m.part.kind === 'programme' && shown.has(m.part.programme.id)),
  );
  if (matches.length === 0) return [];
  const words = tokenize(text);
  return [
    {
      type: 'list',
      heading: ctx.t('programme.inProgramme'),
      items: matches.map((m) => ({
        title: partTitle(ctx, m.part),
        details: [
          ctx.t('programme.matched', {
            field: ctx.t(`programme.field.${m.matched.kind}`),
            text: excerpt(m.matched.text[ctx.lang], words),
          }),
          seeInFull(ctx, m.part),
        ],
      })),
    },
  ];
}

/** The best match and those close to it, at most MOST_PARTS. */
export function closeMatches(matches: readonly ProgrammeMatch[]): ProgrammeMatch[] {
  const best = matches[0]?.score ?? 0;
  return matches.filter((m) => m.score >= best * CLOSE_ENOUGH).slice(0, MOST_PARTS);
}

/** "In full: `programme Youth Programme`": the part's own title finds it first. */
export function seeInFull(ctx: PresenterContext, part: ProgrammePart): string {
  return ctx.t('programme.inFull', { topic: partTitle(ctx, part) });
}

/**
 * The answer for things the seed mentions without a calendar row: what each is, where the seed
 * mentions it, that it has no date, and the part of the programme it belongs to.
 */
export function mentionsReply(ctx: PresenterContext, mentions: readonly Mention[]): Reply {
  const blocks = mentions.flatMap((mention): ReplyBlock[] => {
    const programme = ctx.kb.programmeById(mention.programme);
    const part: ProgrammePart | undefined = programme ? { kind: 'programme', programme } : undefined;
    return [
      ...(mentions.length > 1 ? [{ type: 'text' as const, text: mention.name[ctx.lang] }] : []),
      { type: 'text', text: ctx.t('programme.mention.where', { section: mention.section[ctx.lang] }) },
      { type: 'text', text: mention.says[ctx.lang] },
      ...(part
        ? [
            {
              type: 'note' as const,
              text: `${ctx.t('programme.mention.part', { part: partTitle(ctx, part) })} · ${seeInFull(ctx, part)}`,
            },
          ]
        : []),
    ];
  });
  return reply('ok', mentions.map((m) => m.name[ctx.lang]).join(' · '), blocks);
}

/** The text, cut around the first word that matched when it is long: "…Mexico, Costa Rica, Cuba, Ecuador…". */
function excerpt(text: string, words: readonly string[]): string {
  if (text.length <= EXCERPT_LENGTH) return text;
  const pieces = text.split(' ');
  const at = pieces.findIndex((piece) => {
    const folded = normalize(piece);
    return folded !== '' && words.some((w) => w.length > 1 && folded.includes(w));
  });
  const from = Math.max(0, at - WORDS_BEFORE);
  return from === 0 ? truncate(text, EXCERPT_LENGTH) : `…${truncate(pieces.slice(from).join(' '), EXCERPT_LENGTH)}`;
}
