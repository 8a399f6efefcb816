import { defineCommand, type CommandContext } from '../src/dispatch/command.js';
import { chosenMeeting, lastBegunSteeringMeeting, type SteeringMeeting } from '../src/domain/meetings.js';
import { MAX_MINUTES_LENGTH } from '../src/meeting-desk/minutes.js';
import { sanitizeNews } from '../src/news/sanitize.js';
import { inLanguages } from '../src/presenters/in-languages.js';
import { meetingTitle, noMeetingFound } from '../src/presenters/meeting.js';
import { minutesAnnouncement, minutesBlocks } from '../src/presenters/minutes.js';
import { reply, type Reply } from '../src/reply/reply.js';

/**
 * `minutes [meeting] [link or text]`: a meeting's outcome, the last meeting that has begun unless
 * one is named (`Q1`, `Q1-2027`, `sc-2027-q1`). With text, the secretariat records it (cleaned as
 * news is: nothing in it can ping anyone) and it is posted to the steering committee's channels,
 * in their languages; without, anyone reads it. `agenda` shows it, `meetings` marks the meeting.
 */
export default defineCommand({
  name: 'minutes',
  aliases: ['compte-rendu', 'acta'],
  options: [
    { name: 'meeting', type: 'meeting-code', required: false },
    { name: 'text', type: 'news-text', required: false },
  ],
  permission: 'everyone',
  readOnly: false,
  async handle(ctx, { meeting: code, text }) {
    const meeting = code ? chosenMeeting(ctx.kb, ctx.today, code) : lastBegunSteeringMeeting(ctx.kb, ctx.today);
    if (!meeting) return code ? noMeetingFound(ctx, code, ctx.today) : reply('empty', ctx.t('minutes.noMeetingYet'));
    return text === undefined ? show(ctx, meeting) : record(ctx, meeting, text);
  },
});

async function show(ctx: CommandContext, meeting: SteeringMeeting): Promise<Reply> {
  const title = meetingTitle(ctx, meeting);
  const minutes = await ctx.minutes.of(meeting.id);
  return minutes
    ? reply('ok', ctx.t('minutes.title', { meeting: title }), minutesBlocks(ctx, minutes))
    : reply('empty', ctx.t('minutes.none', { meeting: title }));
}

async function record(ctx: CommandContext, meeting: SteeringMeeting, typed: string): Promise<Reply> {
  if (!ctx.roles.has('secretariat')) return reply('invalid', ctx.t('errors.secretariatOnly', { command: 'minutes' }));
  const title = meetingTitle(ctx, meeting);
  if (meeting.when.start > ctx.today) return reply('invalid', ctx.t('minutes.notYet', { meeting: title }));
  const { text } = sanitizeNews(typed);
  if (text === '') return reply('invalid', ctx.t('minutes.empty'));
  if (text.length > MAX_MINUTES_LENGTH) return reply('invalid', ctx.t('minutes.tooLong', { max: MAX_MINUTES_LENGTH }));
  const by = { platform: ctx.asker.platform, id: ctx.asker.id };
  const minutes = await ctx.minutes.record(meeting.id, text, by, ctx.now.toJSDate());
  for (const target of ctx.committee) {
    const message = inLanguages(target.languages, (lang) =>
      minutesAnnouncement(ctx.inLanguage(lang), meeting, minutes),
    );
    await ctx.notices.toChannel(target.platform, target.channel, message);
  }
  return reply('ok', ctx.t('minutes.recorded', { meeting: title }), [
    ...minutesBlocks(ctx, minutes),
    { type: 'note', text: ctx.t('minutes.posted', { count: ctx.committee.length }) },
  ]);
}
