import type { PresenterContext } from './presenter-context.js';
import type { CountRange, ParticipantGroup, Vacancy } from '../catalog/schema.js';
import type { IndexedMember } from '../domain/knowledge-base.js';
import { directoryGroupOf, namedHolders, type DirectoryGroup } from '../domain/member-queries.js';
import type { ReplyBlock, ReplyItem } from '../reply/reply.js';
import { otherVersionLine } from './event.js';
import { advisorsMeetingsBlock } from './meeting.js';
import { formatPlace } from './place.js';

/** "President", "Vice-president · International adviser (since 2018)" */
export function formatRoles(ctx: PresenterContext, member: IndexedMember): string {
  return member.member.roles
    .map((r) =>
      r.since ? ctx.t('member.roleSince', { role: ctx.t(`role.${r.role}`), year: r.since }) : ctx.t(`role.${r.role}`),
    )
    .join(' · ');
}

/** Where a member is: its city and country, else the region it serves, else "to be confirmed". */
export function formatMemberPlace(ctx: PresenterContext, member: IndexedMember): string {
  const { city, country } = member.member;
  if (city || country) return formatPlace(ctx, { city, country });
  return member.region ? ctx.t(`region.${member.region}`) : ctx.t('place.toBeConfirmed');
}

export function memberItem(ctx: PresenterContext, member: IndexedMember): ReplyItem {
  return {
    title: member.member.name[ctx.lang],
    details: [
      `${formatRoles(ctx, member)} · ${ctx.t(`memberKind.${member.member.kind}`)}`,
      formatMemberPlace(ctx, member),
      ...member.member.otherVersions.map((v) => otherVersionLine(ctx, v)),
    ],
  };
}

/**
 * One member in full: its roles, whether it sits on the Steering Committee or attends in its role,
 * where it is, both versions where the seed disagrees, and, for an advisor, the advisors' meetings.
 */
export function memberInFull(ctx: PresenterContext, member: IndexedMember, year: number): ReplyBlock[] {
  const group = directoryGroupOf(ctx.kb, member);
  const fields = [
    { label: ctx.t('field.roles'), value: formatRoles(ctx, member) },
    ...(group ? committeeFields(ctx, group) : []),
    { label: ctx.t('field.kind'), value: ctx.t(`memberKind.${member.member.kind}`) },
    { label: ctx.t('field.place'), value: formatMemberPlace(ctx, member) },
    {
      label: ctx.t('field.region'),
      value: member.region ? ctx.t(`region.${member.region}`) : ctx.t('place.regionToBeConfirmed'),
    },
  ];
  if (member.member.aliases.length > 0)
    fields.push({ label: ctx.t('field.alsoKnownAs'), value: member.member.aliases.join(', ') });
  const blocks: ReplyBlock[] = [{ type: 'fields', lang: ctx.lang, fields }];
  if (member.member.note) blocks.push({ type: 'note', text: member.member.note[ctx.lang] });
  if (member.member.otherVersions.length > 0)
    blocks.push({
      type: 'list',
      heading: ctx.t('event.otherVersionsHeading'),
      items: member.member.otherVersions.map((v) => ({ title: otherVersionLine(ctx, v), details: [] })),
    });
  if (group?.id === 'advisors') blocks.push(advisorsMeetingsBlock(ctx, year));
  return blocks;
}

/** "Steering Committee: Member (one of its 13)", or "Not a member (Observers)" and how it attends. */
function committeeFields(ctx: PresenterContext, group: ParticipantGroup): { label: string; value: string }[] {
  if (group.id === 'steering-committee') {
    const count = typeof group.count === 'number' ? group.count : group.count[ctx.lang];
    return [{ label: ctx.t('field.committee'), value: ctx.t('member.inCommittee', { count }) }];
  }
  const fields = [
    { label: ctx.t('field.committee'), value: ctx.t('member.notInCommittee', { group: group.group[ctx.lang] }) },
  ];
  if (typeof group.count !== 'number') fields.push({ label: ctx.t('field.attendance'), value: group.count[ctx.lang] });
  return fields;
}

/** The directory, group by group, each under its count; groups other than the committee say they are not members. */
export function directoryBlocks(ctx: PresenterContext, groups: readonly DirectoryGroup[]): ReplyBlock[] {
  return groups.flatMap(({ group, members, vacancies }) => {
    const list: ReplyBlock = {
      type: 'list',
      heading: groupHeading(ctx, group, vacancies),
      items: [...members.map((m) => memberItem(ctx, m)), ...vacancies.map((v) => vacancyItem(ctx, v))],
    };
    if (group.id === 'steering-committee') return [list];
    const attendance =
      typeof group.count === 'number' ? '' : ` ${ctx.t('members.attendance', { attendance: group.count[ctx.lang] })}`;
    return [list, { type: 'note', text: `${ctx.t('members.notCounted')}${attendance}` }];
  });
}

/**
 * "Steering Committee: 13 members"; "International Advisors: 4 named in 2018, 2–3 to be named in
 * 2019, 6–7 in all"; "Secretariat: 1 (Secretary General)"; "Observers: C.I.T.I.E.S., other partner organisations".
 */
function groupHeading(ctx: PresenterContext, group: ParticipantGroup, vacancies: readonly Vacancy[]): string {
  const name = ctx.kb.catalog.meetings.steeringCommittee.name[ctx.lang];
  if (group.id === 'steering-committee' && typeof group.count === 'number')
    return ctx.t('members.committeeHeading', { name, count: group.count });
  const [vacancy] = vacancies;
  if (vacancy) {
    const named = namedHolders(ctx.kb, vacancy);
    return ctx.t('members.vacancyHeading', {
      group: group.group[ctx.lang],
      named: named.count,
      namedYear: named.since ?? ctx.t('status.tentative'),
      toBeNamed: formatRange(ctx, vacancy.count),
      year: vacancy.year,
      total: formatRange(ctx, vacancy.total),
    });
  }
  if (typeof group.count === 'number')
    return ctx.t('members.countedGroupHeading', {
      group: group.group[ctx.lang],
      count: group.count,
      details: group.details[ctx.lang],
    });
  return ctx.t('members.groupHeading', { group: group.group[ctx.lang], details: group.details[ctx.lang] });
}

/** "2–3 to be named in 2019" and who proposes the candidates. */
function vacancyItem(ctx: PresenterContext, vacancy: Vacancy): ReplyItem {
  return {
    title: ctx.t('members.vacancy', { count: formatRange(ctx, vacancy.count), year: vacancy.year }),
    details: [vacancy.note[ctx.lang]],
  };
}

/** "2–3" (the seed writes "2/3"). */
function formatRange(ctx: PresenterContext, range: CountRange): string {
  return range.min === range.max ? String(range.min) : ctx.t('members.range', { min: range.min, max: range.max });
}
