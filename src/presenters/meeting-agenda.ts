import { agendaFor, yearAgenda, type Agenda, type StatutoryMeeting } from '../domain/meetings.js';
import { quoted } from '../i18n/typography.js';
import type { ReplyBlock } from '../reply/reply.js';
import type { PresenterContext } from './presenter-context.js';

/** A meeting's own agenda, else its year's, or that it is not set yet (never an earlier year's: see agendaFor). */
export function agendaBlock(ctx: PresenterContext, meeting: StatutoryMeeting): ReplyBlock {
  const agenda = agendaFor(ctx.kb, meeting);
  if (agenda) return agendaList(ctx, agenda);
  const text =
    meeting.body === 'advisors'
      ? ctx.t('agenda.notSetMeeting')
      : ctx.t('agenda.notSet', { year: meeting.meeting.year });
  return { type: 'text', text };
}

/** The agenda of a year's steering-committee meetings, or that it is not set yet. */
export function yearAgendaBlock(ctx: PresenterContext, year: number): ReplyBlock {
  const agenda = yearAgenda(ctx.kb, year);
  return agenda ? agendaList(ctx, agenda) : { type: 'text', text: ctx.t('agenda.notSet', { year }) };
}

function agendaList(ctx: PresenterContext, agenda: Agenda): ReplyBlock {
  return {
    type: 'list',
    heading: agenda.ownMeeting ? ctx.t('agenda.ownHeading') : ctx.t('agenda.heading', { year: agenda.year }),
    items: agenda.items.map((item, i) => ({ title: `${i + 1}. ${item[ctx.lang]}`, details: [] })),
  };
}

/**
 * What members should prepare, from the meeting's agenda: the item that collects their suggestions
 * and news named by its number and words; without such an item, only reading the agenda; without
 * an agenda, only confirming attendance.
 */
export function prepareText(ctx: PresenterContext, meeting: StatutoryMeeting): string {
  const agenda = agendaFor(ctx.kb, meeting);
  if (!agenda) return ctx.t('reminder.prepareNoAgenda');
  const index = agenda.items.findIndex((item) => item.collects === 'suggestions');
  if (index < 0) return ctx.t('reminder.prepare');
  return ctx.t('reminder.prepareItem', { number: index + 1, item: quoted(ctx.lang, agenda.items[index]![ctx.lang]) });
}
