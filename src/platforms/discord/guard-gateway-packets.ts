import { createRequire } from 'node:module';
import { Events, type Client, type GatewayDispatchPayload } from 'discord.js';
import { z } from 'zod';
import type { Logger } from '../../logger.js';

const user = z.looseObject({ id: z.string() });

/** An option's value is text, a number or a flag (by its type); discord.js hands it on unchecked. */
const option: z.ZodType<unknown> = z.lazy(() =>
  z.looseObject({
    name: z.string(),
    type: z.number(),
    value: z.union([z.string(), z.number(), z.boolean()]).optional(),
    focused: z.boolean().optional(),
    options: z.array(option).optional(),
  }),
);

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
  .refine(
    (d) => (d.type !== 2 && d.type !== 3) || (d.target_id !== undefined && d.resolved !== undefined),
    'a menu command without its target',
  )
  .refine(
    (d) => d.type !== 3 || d.resolved?.messages?.[d.target_id ?? ''] !== undefined,
    'a message command without its message',
  );

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
    if (checked && !checked.success)
      for (const issue of checked.error.issues)
        ctx.addIssue({ code: 'custom', path: ['data', ...issue.path], message: issue.message });
    if (i.type === 3 && i.message === undefined)
      ctx.addIssue({ code: 'custom', path: ['message'], message: 'a component interaction without its message' });
  });

/** A reaction: discord.js needs the emoji, and finds the person, the channel and the message by id. */
const reactionSchema = z.looseObject({
  user_id: z.string(),
  channel_id: z.string(),
  message_id: z.string(),
  emoji: z.looseObject({ name: z.string().nullable() }),
  member: z.looseObject({ user }).optional(),
});

const SCHEMAS: Partial<Record<string, z.ZodType<unknown>>> = {
  INTERACTION_CREATE: interactionSchema,
  MESSAGE_CREATE: messageSchema,
  MESSAGE_REACTION_ADD: reactionSchema,
};

/** READY starts the session: @discordjs/ws reads its session, discord.js its user, guilds and application. */
const ready = z.looseObject({
  session_id: z.string(),
  resume_gateway_url: z.string(),
  user,
  guilds: z.array(z.looseObject({ id: z.string() })),
  application: z.looseObject({ id: z.string() }),
});

/**
 * The frames @discordjs/ws reads itself, by op code: a session's start, its heartbeat interval,
 * its invalidation. Other dispatches go on to discord.js (their data is checked there, see below).
 */
const FRAME_SCHEMAS: Partial<Record<number, z.ZodType<unknown>>> = {
  0: z.looseObject({ t: z.unknown(), d: z.unknown() }).superRefine((frame, ctx) => {
    if (frame.t !== 'READY') return;
    for (const issue of ready.safeParse(frame.d).error?.issues ?? [])
      ctx.addIssue({ code: 'custom', path: ['d', ...issue.path], message: issue.message });
  }),
  9: z.looseObject({ d: z.boolean() }),
  10: z.looseObject({ d: z.looseObject({ heartbeat_interval: z.number().positive().finite() }) }),
};

/** Why @discordjs/ws or discord.js could not handle this decoded frame; undefined when they can (or ignore it). */
export function gatewayFrameProblem(frame: unknown): string | undefined {
  // Frames that do not decode come as null, and non-objects have no op: @discordjs/ws ignores both.
  if (typeof frame !== 'object' || frame === null) return undefined;
  const op = (frame as { op?: unknown }).op;
  if (typeof op !== 'number') return undefined;
  const checked = FRAME_SCHEMAS[op]?.safeParse(frame);
  if (!checked || checked.success) return undefined;
  return `op ${op}${op === 0 ? ` ${String((frame as { t?: unknown }).t).slice(0, 64)}` : ''}: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
}

/** How a dropped frame is announced on the shard's debug channel, which discord.js forwards to the client. */
const FRAME_DROPPED = 'gsef: dropped a malformed gateway frame';
const GUARDED = Symbol('gsef: frames checked');

interface Shard {
  emit(event: 'debug', payload: { message: string }): unknown;
}
type Unpack = (this: Shard, data: unknown, isBinary: boolean) => Promise<unknown>;

/**
 * The shard class of the @discordjs/ws that discord.js itself loads (with require: the ES module
 * build is another copy of the class), found from discord.js so that a nested copy is the one used.
 * discord.js exports a legacy class of the same name, hence not its export.
 */
function shardClass(): { prototype: object } {
  const fromDiscordJs = createRequire(createRequire(import.meta.url).resolve('discord.js'));
  return (fromDiscordJs('@discordjs/ws') as { WebSocketShard: { prototype: object } }).WebSocketShard;
}

/**
 * @discordjs/ws reads a few frames itself before discord.js sees them (READY's session, HELLO's
 * heartbeat interval, INVALID_SESSION's flag), in its async message handler: a READY whose data is
 * null throws there, an unhandled rejection. Its shards are created inside discord.js at login,
 * out of reach, so the check wraps the decoding step of every shard (WebSocketShard's
 * unpackMessage, whose null result means "ignore this frame"), once per process.
 */
function guardGatewayFrames(): void {
  const prototype = shardClass().prototype as { unpackMessage?: Unpack; [GUARDED]?: true };
  if (prototype[GUARDED]) return;
  const unpack = prototype.unpackMessage;
  if (typeof unpack !== 'function')
    throw new Error('@discordjs/ws no longer decodes frames in unpackMessage: gateway frames cannot be checked');
  prototype.unpackMessage = async function (this: Shard, data: unknown, isBinary: boolean) {
    const frame = await unpack.call(this, data, isBinary);
    const problem = gatewayFrameProblem(frame);
    if (problem === undefined) return frame;
    this.emit('debug', { message: `${FRAME_DROPPED}: ${problem}` });
    return null;
  };
  prototype[GUARDED] = true;
}

type PacketHandler = (packet: unknown, shard: unknown) => boolean;

/**
 * The net under the schemas: discord.js's handler of any other event (MESSAGE_UPDATE, CHANNEL_*,
 * GUILD_MEMBER_*…) reads its fields without checking them, and a throw there ends the process.
 * The client's WebSocketManager hands every packet to its handler through handlePacket (also for
 * the packets it queued before being ready): a throw there is caught and logged, the packet lost.
 */
function catchPacketFailures(client: Client, logger: Logger): void {
  const manager = client.ws as unknown as { handlePacket?: PacketHandler };
  const handle = manager.handlePacket;
  if (typeof handle !== 'function')
    throw new Error('discord.js no longer handles packets in handlePacket: gateway events cannot be guarded');
  manager.handlePacket = (packet, shard) => {
    try {
      return handle.call(manager, packet, shard);
    } catch (error) {
      logger.warn('discord: a gateway event could not be handled; dropped', {
        type: (packet as { t?: unknown } | undefined)?.t,
        error: (error as Error).message,
      });
      return true;
    }
  };
}

/**
 * Checks what the gateway sends before discord.js handles it, at three levels. Frames: the few
 * that @discordjs/ws reads itself (guardGatewayFrames).
 * Events that carry what people send (interactions, messages, reactions): discord.js reads them
 * without checking, and a malformed one makes it throw inside its gateway handler, as an unhandled
 * rejection, which ends a Node process. Every packet goes to 'raw' listeners first, synchronously,
 * and then to discord.js's handler by its type (`t`): a packet that fails its schema is logged and
 * given a type no handler has, so that it goes no further. Anything else a handler cannot read is
 * caught by catchPacketFailures.
 */
export function guardGatewayPackets(client: Client, logger: Logger): void {
  guardGatewayFrames();
  catchPacketFailures(client, logger);
  client.on(Events.Debug, (message) => {
    const at = message.indexOf(FRAME_DROPPED);
    if (at >= 0)
      logger.warn('discord: dropped a malformed gateway frame', {
        problem: message.slice(at + FRAME_DROPPED.length + 2),
      });
  });
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
    logger.warn('discord: dropped a malformed gateway event', {
      type: packet.t,
      problem: checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    });
    (packet as { t: string }).t = 'GSEF_DROPPED_MALFORMED';
  });
}
