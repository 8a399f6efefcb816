import type { PresenterContext } from './presenter-context.js';
import type { PersonRole } from '../domain/vocabulary.js';
import { shownPerson } from '../people/person-ref.js';
import type { RoleGrant } from '../people/roles.js';
import type { ReplyItem } from '../reply/reply.js';

/** A role's name in the reader's language: "representative", "représentant·e", "representante". */
export function roleName(ctx: PresenterContext, role: PersonRole): string {
  return ctx.t(`personRole.${role}`);
}

/** A member's name in the reader's language, or its id when the data no longer has it. */
export function memberName(ctx: PresenterContext, id: string): string {
  return ctx.kb.memberById(id)?.member.name[ctx.lang] ?? id;
}

/** "representative for City of Seoul", or the role alone when it is held for no member. */
export function roleForMember(ctx: PresenterContext, role: PersonRole, member: string | undefined): string {
  const name = roleName(ctx, role);
  return member === undefined ? name : ctx.t('people.forMember', { role: name, member: memberName(ctx, member) });
}

/** One holder of a role, under the role's heading: who, for which member, and who granted it when (or that the settings file gives it). */
export function grantItem(ctx: PresenterContext, grant: RoleGrant): ReplyItem {
  const granted =
    grant.grantedAt === undefined
      ? ctx.t('people.bySettings')
      : ctx.t('people.grantedBy', { by: grant.grantedBy, date: ctx.formatDayOf(grant.grantedAt) });
  return {
    title: shownPerson(grant.person),
    details: [...(grant.member === undefined ? [] : [memberName(ctx, grant.member)]), granted],
  };
}
