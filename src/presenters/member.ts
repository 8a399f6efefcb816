import type { PresenterContext } from './presenter-context.js';
import type { IndexedMember } from '../domain/knowledge-base.js';
import type { ReplyBlock, ReplyItem } from '../reply/reply.js';
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
    ],
  };
}

export function memberInFull(ctx: PresenterContext, member: IndexedMember): ReplyBlock[] {
  const fields = [
    { label: ctx.t('field.roles'), value: formatRoles(ctx, member) },
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
  return blocks;
}
