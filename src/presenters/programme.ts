import { ordinal } from '../i18n/typography.js';
import type { Orientation, Programme } from '../catalog/schema.js';
import { advisorsMeetingsOfYear, steeringMeetingsOfYear } from '../domain/meetings.js';
import { programmeParts, type ProgrammePart } from '../domain/programme-search.js';
import { CATEGORIES, type Category } from '../domain/vocabulary.js';
import type { ReplyBlock, ReplyItem } from '../reply/reply.js';
import { truncate } from '../reply/truncate.js';
import { eventItem, partnerName } from './event.js';
import { meetingItem } from './meeting.js';
import { yearAgendaBlock } from './meeting-agenda.js';
import { formatPlace } from './place.js';
import type { PresenterContext } from './presenter-context.js';

/** A one-line summary is cut at this length: the overview must stay readable in a chat window. */
const SUMMARY_LENGTH = 160;

/** The name of a part: its title, "Strategic orientation 2", or section 1's title. */
export function partTitle(ctx: PresenterContext, part: ProgrammePart): string {
  switch (part.kind) {
    case 'statutory-meetings':
      return ctx.t('programme.section.statutory-meeting');
    case 'programme':
      return part.programme.title[ctx.lang];
    case 'orientation':
      return ctx.t('programme.orientationTitle', { number: part.number });
  }
}

/** The eight sections of the programme, each in one line, then the four strategic orientations. */
export function programmeOverview(ctx: PresenterContext): ReplyBlock[] {
  const parts = programmeParts(ctx.kb);
  const orientations = parts.filter((p) => p.kind === 'orientation');
  return [
    {
      type: 'list',
      heading: ctx.t('programme.partsHeading'),
      items: CATEGORIES.map((category, i) => ({
        title: ctx.t('programme.sectionNumber', { number: i + 1, title: ctx.t(`programme.section.${category}`) }),
        details: [sectionSummary(ctx, category)],
      })),
    },
    {
      type: 'list',
      heading: ctx.t('programme.orientationsHeading'),
      items: orientations.map((part) => ({ title: partTitle(ctx, part), details: [part.orientation.title[ctx.lang]] })),
    },
    { type: 'note', text: ctx.t('programme.seeTopic') },
  ];
}

/** Section 1 by its meetings; a section of one programme by its date, place and first objective; a section of several by their names, dates and places. */
function sectionSummary(ctx: PresenterContext, category: Category): string {
  if (category === 'statutory-meeting') {
    const { steeringCommittee, advisors } = ctx.kb.catalog.meetings;
    return ctx.t('programme.statutorySummary', {
      committee: steeringCommittee.name[ctx.lang],
      advisors: advisors.name[ctx.lang],
      frequency: advisors.frequency[ctx.lang],
    });
  }
  const programmes = ctx.kb.catalog.programmes.programmes.filter((p) => p.category === category);
  if (programmes.length > 1)
    return programmes.map((p) => `${p.title[ctx.lang]} (${[...whenAndWhere(ctx, p)].join(', ')})`).join(' · ');
  const [programme] = programmes;
  if (!programme) return '';
  const objective = programme.objectives[0]?.[ctx.lang];
  return truncate([...whenAndWhere(ctx, programme), objective].filter(Boolean).join(' · '), SUMMARY_LENGTH);
}

function whenAndWhere(ctx: PresenterContext, programme: Programme): string[] {
  const shown: string[] = [];
  if (programme.when) shown.push(ctx.formatDate(programme.when));
  if (programme.place) shown.push(formatPlace(ctx, programme.place));
  return shown;
}

/** A part of the programme in full. */
export function partInFull(ctx: PresenterContext, part: ProgrammePart): ReplyBlock[] {
  switch (part.kind) {
    case 'statutory-meetings':
      return statutoryMeetingsInFull(ctx);
    case 'programme':
      return programmeInFull(ctx, part.programme);
    case 'orientation':
      return orientationInFull(ctx, part.orientation);
  }
}

/**
 * Everything the seed says of a programme: date and place as precise as it gives them, partners
 * marked as it marks them (potential, envisaged, to be confirmed), who takes part and how many,
 * target countries, content, facts; then objectives, phases, past editions, the other version
 * where the seed contradicts itself, its doubts, and its calendar rows.
 */
export function programmeInFull(ctx: PresenterContext, programme: Programme): ReplyBlock[] {
  const fields: { label: string; value: string }[] = [];
  const provisional = (value: string) => (programme.provisional ? ctx.t('programme.provisional', { value }) : value);
  if (programme.when)
    fields.push({ label: ctx.t('programme.date'), value: provisional(ctx.formatDate(programme.when)) });
  if (programme.place)
    fields.push({ label: ctx.t('programme.place'), value: provisional(formatPlace(ctx, programme.place)) });
  if (programme.edition !== undefined)
    // "Edition: 6th", "Édition : 6e", "Edición: 6.ª": édition and edición are feminine.
    fields.push({ label: ctx.t('programme.edition'), value: ordinal(ctx.lang, programme.edition, 'feminine') });
  if (programme.partners.length > 0)
    fields.push({
      label: ctx.t(`programme.partners.${programme.partnersStatus}`),
      value: programme.partners.map((p) => partnerName(ctx, p)).join(', '),
    });
  if (programme.audience)
    fields.push({ label: ctx.t(`programme.audience.${programme.audienceKind}`), value: programme.audience[ctx.lang] });
  if (programme.expectedParticipants !== undefined)
    fields.push({
      label: ctx.t('programme.participantsCount'),
      value: ctx.t('event.participants', { count: programme.expectedParticipants }),
    });
  if (programme.targetCountries.length > 0)
    fields.push({
      label: ctx.t('programme.targetCountries'),
      value: programme.targetCountries.map((code) => ctx.kb.country(code)?.name[ctx.lang] ?? code).join(', '),
    });
  if (programme.content) fields.push({ label: ctx.t('programme.content'), value: programme.content[ctx.lang] });
  for (const fact of programme.facts) fields.push({ label: fact.label[ctx.lang], value: fact.value[ctx.lang] });

  const blocks: ReplyBlock[] = [];
  if (fields.length > 0) blocks.push({ type: 'fields', lang: ctx.lang, fields });
  pushList(
    blocks,
    ctx.t('programme.objectives'),
    programme.objectives.map((o) => ({ title: o[ctx.lang], details: [] })),
  );
  pushList(
    blocks,
    ctx.t('programme.phases'),
    programme.phases.map((phase) => ({
      title: phase.name[ctx.lang],
      details: [ctx.formatDate(phase.when), phase.actions[ctx.lang]],
    })),
  );
  pushList(
    blocks,
    ctx.t('event.pastEditionsHeading', { programme: programme.title[ctx.lang] }),
    programme.pastEditions.map((edition) => ({
      title: ctx.t('event.edition', {
        edition: edition.edition,
        date: ctx.formatDate(edition.date),
        place: formatPlace(ctx, edition.place),
      }),
      details: [edition.theme[ctx.lang], ctx.t('event.participants', { count: edition.participants })],
    })),
  );
  pushList(
    blocks,
    ctx.t('event.otherVersionsHeading'),
    programme.otherVersions.map((version) => ({
      title: version.source[ctx.lang],
      details: [
        ...(version.title ? [`“${version.title[ctx.lang]}”`] : []),
        ...(version.note ? [version.note[ctx.lang]] : []),
      ],
    })),
  );
  pushList(
    blocks,
    ctx.t('programme.notes'),
    programme.notes.map((n) => ({ title: n[ctx.lang], details: [] })),
  );
  pushList(
    blocks,
    ctx.t('programme.calendar'),
    programme.events.flatMap((id) => {
      const indexed = ctx.kb.eventById(id);
      return indexed ? [eventItem(ctx, { indexed, via: 'main' })] : [];
    }),
  );
  return blocks;
}

function orientationInFull(ctx: PresenterContext, orientation: Orientation): ReplyBlock[] {
  return [
    { type: 'text', text: orientation.title[ctx.lang] },
    {
      type: 'list',
      heading: ctx.t('programme.actions'),
      items: orientation.actions.map((a) => ({ title: a[ctx.lang], details: [] })),
    },
  ];
}

/** Section 1: the meetings of the programme's year (the year its agenda is for), who sits, and what is on the agenda. */
function statutoryMeetingsInFull(ctx: PresenterContext): ReplyBlock[] {
  const { steeringCommittee, advisors } = ctx.kb.catalog.meetings;
  const year = steeringCommittee.agendas[0]?.year ?? Number(ctx.kb.catalog.events.events[0]!.when.start.slice(0, 4));
  const blocks: ReplyBlock[] = [];
  pushList(
    blocks,
    ctx.t('programme.objectives'),
    steeringCommittee.purpose.map((p) => ({ title: p[ctx.lang], details: [] })),
  );
  blocks.push({
    type: 'list',
    heading: ctx.t('programme.statutory.committeeHeading', { name: steeringCommittee.name[ctx.lang], year }),
    items: steeringMeetingsOfYear(ctx.kb, year).map((m) => meetingItem(ctx, m)),
  });
  blocks.push({
    type: 'list',
    heading: ctx.t('programme.statutory.participantsHeading', { name: steeringCommittee.name[ctx.lang] }),
    items: steeringCommittee.participants.map((g) => ({
      title: `${g.group[ctx.lang]} (${typeof g.count === 'number' ? g.count : g.count[ctx.lang]})`,
      details: [g.details[ctx.lang]],
    })),
  });
  blocks.push(yearAgendaBlock(ctx, year));
  blocks.push({
    type: 'list',
    heading: ctx.t('programme.statutory.advisorsHeading', {
      name: advisors.name[ctx.lang],
      frequency: advisors.frequency[ctx.lang],
    }),
    items: advisorsMeetingsOfYear(ctx.kb, year).map((m) => ({
      title: ctx.formatDate(m.when),
      details: [formatPlace(ctx, m.place)],
    })),
  });
  pushList(
    blocks,
    ctx.t('programme.statutory.suggestionsHeading'),
    advisors.agendaSuggestions.map((s) => ({ title: s[ctx.lang], details: [] })),
  );
  blocks.push({ type: 'note', text: ctx.t('programme.statutory.seeMeetings') });
  return blocks;
}

/** Adds a list only when it has items: an empty heading says nothing. */
function pushList(blocks: ReplyBlock[], heading: string, items: ReplyItem[]): void {
  if (items.length > 0) blocks.push({ type: 'list', heading, items });
}
