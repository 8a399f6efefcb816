import { Duration } from 'luxon';
import type { Lang } from '../domain/vocabulary.js';
import type { PresenterContext } from '../presenters/presenter-context.js';
import { agendaBlock, meetingDate, meetingPlace, meetingTitle } from '../presenters/meeting.js';
import { otherVersionLine } from '../presenters/event.js';
import { reply, type Reply, type ReplyBlock } from '../reply/reply.js';
import type { PlannedReminder } from './plan.js';

/**
 * The reminder message: meeting and quarter, date or week, format and place, the agenda and what
 * to prepare, in each of the target's languages (one after the other in one message). The bot
 * posts it itself, on nobody's behalf: `locales` gives its words in each language.
 */
export function reminderReply(
  locales: { inLanguage(lang: Lang): PresenterContext },
  reminder: PlannedReminder,
  late: boolean,
): Reply {
  const days = Duration.fromISO(reminder.offset).as('days');
  const sections = reminder.target.languages.map((lang) => {
    const ctx = locales.inLanguage(lang);
    const title = ctx.t('reminder.title', { meeting: meetingTitle(ctx, reminder.meeting), count: days });
    const blocks: ReplyBlock[] = [
      {
        type: 'fields',
        lang,
        fields: [
          { label: ctx.t('field.date'), value: meetingDate(ctx, reminder.meeting) },
          { label: ctx.t('field.format'), value: meetingPlace(ctx, reminder.meeting) },
        ],
      },
      ...reminder.meeting.otherVersions.map((v): ReplyBlock => ({ type: 'note', text: otherVersionLine(ctx, v) })),
      agendaBlock(ctx, reminder.meeting.year),
      { type: 'text', text: ctx.t('reminder.prepare') },
    ];
    if (late) blocks.unshift({ type: 'note', text: ctx.t('reminder.late') });
    return { title, blocks };
  });
  const [first, ...others] = sections as [(typeof sections)[0], ...typeof sections];
  const blocks = [
    ...first.blocks,
    ...others.flatMap((s): ReplyBlock[] => [{ type: 'text', text: `——— ${s.title}` }, ...s.blocks]),
  ];
  return { ...reply('ok', first.title, blocks), visibility: 'public' };
}
