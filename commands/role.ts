import { defineCommand, defineSubcommand, type CommandContext } from '../src/dispatch/command.js';
import type { PersonMention, RoleForMember } from '../src/dispatch/options.js';
import { ROLES_FOR_A_MEMBER } from '../src/domain/vocabulary.js';
import { personNamed, shownPerson } from '../src/people/person-ref.js';
import type { PersonRef } from '../src/people/roles.js';
import { roleForMember, roleName } from '../src/presenters/roles.js';
import { reply, type Reply } from '../src/reply/reply.js';

const PERSON = { name: 'person', type: 'person', required: true } as const;
const ROLE = { name: 'role', type: 'person-role', required: true } as const;

/**
 * `role grant|revoke <person> <role> [member]`: the secretariat gives and takes back roles. Each
 * change is kept with who made it and when; the settings file's roles are changed there.
 */
export default defineCommand({
  name: 'role',
  aliases: ['rôle', 'rol'],
  permission: 'secretariat',
  readOnly: false,
  subcommands: {
    grant: defineSubcommand({
      options: [PERSON, ROLE],
      handle: (ctx, { person, role }) => withPerson(ctx, person, (who) => grant(ctx, who, role)),
    }),
    revoke: defineSubcommand({
      options: [PERSON, ROLE],
      handle: (ctx, { person, role }) => withPerson(ctx, person, (who) => revoke(ctx, who, role)),
    }),
  },
});

async function grant(ctx: CommandContext, person: PersonRef, { role, member }: RoleForMember): Promise<Reply> {
  const who = shownPerson(person);
  if (member === undefined && ROLES_FOR_A_MEMBER.includes(role))
    return reply('invalid', ctx.t('people.needsMember', { role: roleName(ctx, role), person: who, word: role }));
  const outcome = await ctx.people.grant(person, role, member, byAsker(ctx), ctx.now.toUTC().toISO()!);
  const held = roleForMember(ctx, role, member);
  switch (outcome.kind) {
    case 'granted':
      return reply(
        'ok',
        ctx.t('people.granted', { person: who, role: held }),
        outcome.replaced
          ? [
              {
                type: 'text',
                text: ctx.t('people.replaced', { role: roleForMember(ctx, role, outcome.replaced.member) }),
              },
            ]
          : [],
      );
    case 'unchanged':
      return reply('ok', ctx.t('people.alreadyHeld', { person: who, role: held }));
    case 'from-settings':
      return reply('invalid', ctx.t('people.fromSettings', { person: who, role: roleName(ctx, role) }));
  }
}

async function revoke(ctx: CommandContext, person: PersonRef, { role }: RoleForMember): Promise<Reply> {
  const who = shownPerson(person);
  const outcome = await ctx.people.revoke(person, role, byAsker(ctx), ctx.now.toUTC().toISO()!);
  switch (outcome.kind) {
    case 'revoked':
      return reply(
        'ok',
        ctx.t('people.revoked', { person: who, role: roleForMember(ctx, role, outcome.grant.member) }),
      );
    case 'not-held':
      return reply('invalid', ctx.t('people.notHeld', { person: who, role: roleName(ctx, role) }));
    case 'from-settings':
      return reply('invalid', ctx.t('people.fromSettings', { person: who, role: roleName(ctx, role) }));
  }
}

/** Runs `then` for the person the text names, or says why it names nobody on this platform. */
function withPerson(
  ctx: CommandContext,
  mention: PersonMention,
  then: (person: PersonRef) => Promise<Reply>,
): Promise<Reply> | Reply {
  const person = personNamed(mention, ctx.asker.platform);
  if (person) return then(person);
  const typed = mention.platform === undefined ? mention.id : `${mention.platform}:${mention.id}`;
  return reply('invalid', ctx.t('people.unknownPerson', { typed, platform: mention.platform ?? ctx.asker.platform }));
}

/** Who made a change, as the store records it (the same form as the newsletter's history). */
function byAsker(ctx: CommandContext): string {
  return `${ctx.asker.platform}:${ctx.asker.id}`;
}
