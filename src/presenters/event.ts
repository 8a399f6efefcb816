import type { CalendarEvent, OtherVersion, Partner } from '../catalog/schema.js';
import type { PresenterContext } from './presenter-context.js';
import type { EventMatch } from '../domain/event-queries.js';
import type { IndexedEvent } from '../domain/indexed-event.js';
import { directoryGroupOf } from '../domain/member-queries.js';
import type { ReplyBlock, ReplyItem, ReplyText } from '../reply/reply.js';
import { ordinal, quoted } from '../i18n/typography.js';
import { agendaBlock } from './meeting-agenda.js';
import { eventDateText, scheduleFields, scheduleLines } from './meeting-time.js';
import { formatPlace } from './place.js';

/** An event as a list item: title, then date (and a meeting's time and link) and place, then what the seed is unsure of. */
export function eventItem(ctx: PresenterContext, match: EventMatch): ReplyItem {
  const { event } = match.indexed;
  const details: ReplyText[] = [`${eventDateText(ctx, match.indexed)} · ${formatPlace(ctx, event.place)}`];
  if (match.indexed.meeting)
    details.push(...scheduleLines(ctx, event.when.start, match.indexed.meeting.meeting.schedule));
  details.push(
    `${ctx.t(`category.${event.category}`)} · ${ctx.t(match.indexed.confirmed ? 'status.confirmed' : 'status.tentative')}`,
  );
  for (const version of event.otherVersions) details.push(otherVersionLine(ctx, version));
  if (match.via === 'other') details.push(ctx.t('event.matchedByOtherVersion'));
  return { title: event.title[ctx.lang], details };
}

/** One event in full: every field, both versions where the seed disagrees, its programme, and a meeting's agenda. */
export function eventInFull(ctx: PresenterContext, indexed: IndexedEvent): ReplyBlock[] {
  const { event, meeting } = indexed;
  const fields = [
    { label: ctx.t('field.date'), value: eventDateText(ctx, indexed) },
    ...(meeting ? scheduleFields(ctx, event.when.start, meeting.meeting.schedule) : []),
    { label: ctx.t('field.place'), value: formatPlace(ctx, event.place) },
    { label: ctx.t('field.category'), value: ctx.t(`category.${event.category}`) },
    { label: ctx.t('field.status'), value: ctx.t(indexed.confirmed ? 'status.confirmed' : 'status.tentative') },
  ];
  if (event.partners.length > 0)
    fields.push({ label: ctx.t('field.partners'), value: event.partners.map((p) => partnerName(ctx, p)).join(', ') });
  fields.push(...involvedFields(ctx, event));
  const programme = event.programme ? ctx.kb.programmeById(event.programme) : undefined;
  if (programme) fields.push({ label: ctx.t('field.programme'), value: programme.title[ctx.lang] });
  // A meeting with no calendar row has no seed's wording: its title is made from the meeting.
  if (indexed.calendarRow && event.title.fr !== event.title[ctx.lang])
    fields.push({ label: ctx.t('field.originalTitle'), value: event.title.fr });
  const blocks: ReplyBlock[] = [{ type: 'fields', lang: ctx.lang, fields }];
  if (event.otherVersions.length > 0) {
    blocks.push({
      type: 'list',
      heading: ctx.t('event.otherVersionsHeading'),
      items: event.otherVersions.map((version) => ({
        title: version.source[ctx.lang],
        details: otherVersionDetails(ctx, version),
      })),
    });
  }
  if (programme && programme.pastEditions.length > 0) {
    blocks.push({
      type: 'list',
      heading: ctx.t('event.pastEditionsHeading', { programme: programme.title[ctx.lang] }),
      items: programme.pastEditions.map((edition) => ({
        title: ctx.t('event.edition', {
          edition: ordinal(ctx.lang, edition.edition, 'feminine'),
          date: ctx.formatDate(edition.date),
          place: formatPlace(ctx, edition.place),
        }),
        details: [edition.theme[ctx.lang], ctx.t('event.participants', { count: edition.participants })],
      })),
    });
  }
  if (meeting) blocks.push(agendaBlock(ctx, meeting));
  return blocks;
}

/**
 * "GSEF members involved: City of Seoul, …", then those who take part in another role under it:
 * "International Advisors: Prof. Marguerite Mendell", "Observers: C.I.T.I.E.S.".
 */
function involvedFields(ctx: PresenterContext, event: CalendarEvent): { label: string; value: string }[] {
  const byLabel = new Map<string, string[]>();
  for (const id of event.involves) {
    const member = ctx.kb.memberById(id);
    if (!member) continue;
    const group = directoryGroupOf(ctx.kb, member);
    const label = !group || group.id === 'steering-committee' ? ctx.t('field.members') : group.group[ctx.lang];
    byLabel.set(label, [...(byLabel.get(label) ?? []), member.member.name[ctx.lang]]);
  }
  return [...byLabel].map(([label, names]) => ({ label, value: names.join(', ') }));
}

/** "Other version (networking list): 15–19 April 2019" */
export function otherVersionLine(ctx: PresenterContext, version: OtherVersion): string {
  return ctx.t('event.otherVersion', {
    source: version.source[ctx.lang],
    details: otherVersionDetails(ctx, version).join(' · '),
  });
}

function otherVersionDetails(ctx: PresenterContext, version: OtherVersion): string[] {
  const details: string[] = [];
  if (version.when) details.push(ctx.formatDate(version.when));
  if (version.place) details.push(formatPlace(ctx, version.place));
  if (version.format) details.push(ctx.t(`format.${version.format}`));
  if (version.title) details.push(quoted(ctx.lang, version.title[ctx.lang]));
  if (version.note) details.push(version.note[ctx.lang]);
  return details;
}

export function partnerName(ctx: PresenterContext, partner: Partner): string {
  return typeof partner === 'string' ? partner : partner[ctx.lang];
}
