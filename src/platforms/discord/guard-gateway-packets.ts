import { Events, type Client, type GatewayDispatchPayload } from 'discord.js';
import { z } from 'zod';
import type { Logger } from '../../logger.js';

const user = z.looseObject({ id: z.string() });

const option: z.ZodType<unknown> = z.lazy(() => z.looseObject({ name: z.string(), type: z.number(), options: z.array(option).optional() }));

const messageSchema = z.looseObject({
  id: z.string(),
  channel_id: z.string(),
  author: user,
  content: z.string(),
  mentions: z.array(user).optional(),
  embeds: z.array(z.object({}).loose()).optional(),
  attachments: z.array(z.looseObject({ id: z.string(), url: z.string() })).optional(),
});

/** A slash command, its autocompletion, or a message / user command (with its target, resolved). */
const commandData = z
  .looseObject({
    id: z.string().optional(),
    name: z.string(),
    type: z.number().optional(),
    options: z.array(option).optional(),
    target_id: z.string().optional(),
    resolved: z.looseObject({ messages: z.record(z.string(), messageSchema).optional() }).optional(),
  })
  .refine((d) => (d.type !== 2 && d.type !== 3) || (d.target_id !== undefined && d.resolved !== undefined), 'a menu command without its target')
  .refine((d) => d.type !== 3 || d.resolved?.messages?.[d.target_id ?? ''] !== undefined, 'a message command without its message');

/** A button press (or a select menu): which component, on which message. */
const componentData = z.looseObject({ custom_id: z.string(), component_type: z.number() });

/** What discord.js and the bot read of an interaction without checking it is there. */
const interactionSchema = z
  .looseObject({
    id: z.string(),
    application_id: z.string(),
    type: z.number(),
    token: z.string(),
    user: user.optional(),
    member: z.looseObject({ user, roles: z.array(z.string()).optional() }).optional(),
    data: z.unknown(),
    message: messageSchema.optional(),
    entitlements: z.array(z.looseObject({ id: z.string() })),
  })
  .refine((i) => i.user !== undefined || i.member !== undefined, 'neither user nor member.user')
  .refine((i) => i.type === 1 || i.data !== undefined, 'no data')
  .superRefine((i, ctx) => {
    // 2 a command, 4 its autocompletion; 3 a component, which comes with its message.
    const schema = i.type === 2 || i.type === 4 ? commandData : i.type === 3 ? componentData : undefined;
    const checked = schema?.safeParse(i.data);
    if (checked && !checked.success) for (const issue of checked.error.issues) ctx.addIssue({ code: 'custom', path: ['data', ...issue.path], message: issue.message });
    if (i.type === 3 && i.message === undefined) ctx.addIssue({ code: 'custom', path: ['message'], message: 'a component interaction without its message' });
  });

/** A reaction: discord.js needs the emoji, and finds the person, the channel and the message by id. */
const reactionSchema = z.looseObject({
  user_id: z.string(),
  channel_id: z.string(),
  message_id: z.string(),
  emoji: z.looseObject({ name: z.string().nullable() }),
  member: z.looseObject({ user }).optional(),
});

const SCHEMAS: Partial<Record<string, z.ZodType<unknown>>> = { INTERACTION_CREATE: interactionSchema, MESSAGE_CREATE: messageSchema, MESSAGE_REACTION_ADD: reactionSchema };

/**
 * Checks the gateway events that carry what people send (interactions, messages, reactions) before
 * discord.js handles them. discord.js reads them without checking: a malformed one makes it
 * throw inside its gateway handler, as an unhandled rejection, which ends a Node process. Every
 * packet goes to 'raw' listeners first, synchronously, and then to discord.js's handler by its
 * type (`t`): a packet that fails its schema is logged and given a type no handler has, so that
 * it goes no further.
 */
export function guardGatewayPackets(client: Client, logger: Logger): void {
  client.on(Events.Raw, (packet: GatewayDispatchPayload) => {
    const schema = SCHEMAS[packet.t];
    if (!schema) return;
    // Fields Discord sends today that discord.js cannot do without and the bot does not use: filled in if ever absent.
    if (packet.t === 'INTERACTION_CREATE' && packet.d && typeof packet.d === 'object') {
      const interaction = packet.d as unknown as Record<string, unknown>;
      interaction.entitlements ??= [];
      interaction.authorizing_integration_owners ??= {};
    }
    const checked = schema.safeParse(packet.d);
    if (checked.success) return;
    logger.warn('discord: dropped a malformed gateway event', { type: packet.t, problem: checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    (packet as { t: string }).t = 'GSEF_DROPPED_MALFORMED';
  });
}
