import type { SteeringMeeting } from '../domain/meetings.js';
import type { MinutesRecord } from '../meeting-desk/minutes.js';
import { shownPerson } from '../people/person-ref.js';
import type { ReplyBlock } from '../reply/reply.js';
import { meetingTitle } from './meeting.js';
import type { PresenterContext } from './presenter-context.js';
import type { LanguageSection } from './in-languages.js';

/** A meeting's minutes under their heading, with who recorded them when; nothing without minutes. */
export function minutesBlocks(ctx: PresenterContext, minutes: MinutesRecord | undefined): ReplyBlock[] {
  if (!minutes) return [];
  return [
    { type: 'text', text: ctx.t('minutes.heading') },
    { type: 'text', text: minutes.text },
    { type: 'note', text: recordedBy(ctx, minutes) },
  ];
}

/** The message to the steering committee's channel once minutes are recorded. */
export function minutesAnnouncement(
  ctx: PresenterContext,
  meeting: SteeringMeeting,
  minutes: MinutesRecord,
): LanguageSection {
  return {
    title: ctx.t('minutes.announcement', { meeting: meetingTitle(ctx, meeting) }),
    blocks: [
      { type: 'text', text: minutes.text },
      { type: 'note', text: recordedBy(ctx, minutes) },
    ],
  };
}

function recordedBy(ctx: PresenterContext, minutes: MinutesRecord): string {
  return ctx.t('minutes.recordedBy', { by: shownPerson(minutes.by), date: ctx.formatDayOf(minutes.at) });
}
