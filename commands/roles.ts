import { defineCommand } from '../src/dispatch/command.js';
import { PERSON_ROLES } from '../src/domain/vocabulary.js';
import { grantItem, roleName } from '../src/presenters/roles.js';
import { reply } from '../src/reply/reply.js';

/** `roles [role]`: who holds which role, by role, with who granted it and when. */
export default defineCommand({
  name: 'roles',
  aliases: ['rôles'],
  options: [{ name: 'which', type: 'choice', choices: PERSON_ROLES, required: false }],
  permission: 'everyone',
  readOnly: true,
  async handle(ctx, { which }) {
    const grants = (await ctx.people.all()).filter((g) => which === undefined || g.role === which);
    if (grants.length === 0) return reply('empty', ctx.t('people.none'));
    return reply(
      'ok',
      ctx.t('people.title'),
      PERSON_ROLES.filter((role) => grants.some((g) => g.role === role)).map((role) => ({
        type: 'list' as const,
        heading: roleName(ctx, role),
        items: grants.filter((g) => g.role === role).map((g) => grantItem(ctx, g)),
      })),
    );
  },
});
