import type { SteeringMeeting } from '../domain/meetings.js';
import { ATTENDANCE_ANSWERS, type AttendanceAnswer } from '../domain/vocabulary.js';
import type { AttendanceRecord, Respondent } from '../meeting-desk/attendance.js';
import type { SheetRow } from '../meeting-desk/attendance-sheet.js';
import { shownPerson } from '../people/person-ref.js';
import type { ReplyAction, ReplyBlock, ReplyItem } from '../reply/reply.js';
import { toCsv } from './csv.js';
import type { PresenterContext } from './presenter-context.js';
import { memberName } from './roles.js';

/** "will attend", "sera présent·e", "asistirá". */
export function answerName(ctx: PresenterContext, answer: AttendanceAnswer): string {
  return ctx.t(`attendance.answer.${answer}`);
}

/** A member organisation's name, or "advisor slack:U0123ABCD". */
export function respondentName(ctx: PresenterContext, respondent: Respondent): string {
  return respondent.kind === 'member'
    ? memberName(ctx, respondent.member)
    : ctx.t('attendance.advisor', { person: shownPerson(respondent.person) });
}

/** Who gave an answer and when: "slack:U0123ABCD, 3 January 2027". */
export function answeredBy(ctx: PresenterContext, record: AttendanceRecord): string {
  return ctx.t('attendance.answeredBy', { by: shownPerson(record.by), date: ctx.formatDayOf(record.at) });
}

const HEADINGS = {
  yes: 'attendance.attending',
  no: 'attendance.regrets',
  maybe: 'attendance.unsure',
} as const;

/** The sheet as lists: who is coming, who sent regrets, who is not sure, who has not answered (empty lists left out). */
export function attendanceBlocks(ctx: PresenterContext, rows: readonly SheetRow[]): ReplyBlock[] {
  const list = (heading: string, items: ReplyItem[]): ReplyBlock[] =>
    items.length === 0 ? [] : [{ type: 'list', heading, items }];
  const item = (row: SheetRow): ReplyItem => ({
    title: respondentName(ctx, row.respondent),
    details: row.record ? [answeredBy(ctx, row.record)] : [],
  });
  const withAnswer = (answer: AttendanceAnswer) => rows.filter((r) => r.record?.answer === answer).map(item);
  const unanswered = rows.filter((r) => !r.record).map(item);
  return [
    ...ATTENDANCE_ANSWERS.flatMap((answer) => {
      const items = withAnswer(answer);
      return list(ctx.t(HEADINGS[answer], { count: items.length }), items);
    }),
    ...list(ctx.t('attendance.noAnswer', { count: unanswered.length }), unanswered),
  ];
}

/** The sheet for the secretariat's records: one row per member organisation or advisor, with its answer if any. */
export function attendanceCsv(ctx: PresenterContext, meeting: SteeringMeeting, rows: readonly SheetRow[]): string {
  const columns = ['meeting', 'respondent', 'name', 'answer', 'answeredBy', 'answeredAt'] as const;
  const header = columns.map((column) => ctx.t(`attendance.csv.${column}`));
  return toCsv([
    header,
    ...rows.map(({ respondent, record }) => [
      meeting.id,
      respondent.kind === 'member' ? respondent.member : shownPerson(respondent.person),
      respondentName(ctx, respondent),
      record ? answerName(ctx, record.answer) : '',
      record ? shownPerson(record.by) : '',
      record?.at ?? '',
    ]),
  ]);
}

/**
 * The buttons under a meeting's reminder: each answers for that meeting as the person who presses
 * it, in the words of each of the languages given (one label for a channel read in several).
 */
export function rsvpActions(contexts: readonly PresenterContext[], meeting: SteeringMeeting): ReplyAction[] {
  const styles: Record<AttendanceAnswer, ReplyAction['style']> = { yes: 'primary', no: undefined, maybe: undefined };
  return ATTENDANCE_ANSWERS.map((answer) => {
    const labels = [...new Set(contexts.map((ctx) => ctx.t(`attendance.button.${answer}`)))];
    const style = styles[answer];
    return {
      label: labels.join(' / '),
      command: `rsvp ${answer} Q${meeting.quarter} ${meeting.year}`,
      ...(style ? { style } : {}),
    };
  });
}
