import { createRequire } from 'node:module';
import { Events, type Client, type GatewayDispatchPayload } from 'discord.js';
import type { Logger } from '../../logger.js';
import {
  arrayOf,
  describeMismatch,
  flag,
  mismatch,
  nullable,
  number,
  object,
  optional,
  positiveNumber,
  present,
  primitive,
  recordOf,
  rule,
  text,
  type Shape,
} from './payload-shapes.js';

const user = object({ id: text });

/** An option's value is text, a number or a flag (by its type); discord.js hands it on unchecked. */
const option: Shape = object({
  name: text,
  type: number,
  value: optional(primitive('string', 'number', 'boolean')),
  focused: optional(flag),
  options: optional(arrayOf((value) => option(value))),
});

const message = object({
  id: text,
  channel_id: text,
  author: user,
  content: text,
  mentions: optional(arrayOf(user)),
  embeds: optional(arrayOf(object({}))),
  attachments: optional(arrayOf(object({ id: text, url: text }))),
});

interface CommandData {
  type?: number;
  target_id?: string;
  resolved?: { messages?: Record<string, unknown> };
}

/** A slash command, its autocompletion, or a message / user command (with its target, resolved). */
const commandData = object(
  {
    id: optional(text),
    name: text,
    type: optional(number),
    options: optional(arrayOf(option)),
    target_id: optional(text),
    resolved: optional(object({ messages: optional(recordOf(message)) })),
  },
  rule<CommandData>(
    (d) => (d.type !== 2 && d.type !== 3) || (d.target_id !== undefined && d.resolved !== undefined),
    'a menu command without its target',
  ),
  rule<CommandData>(
    (d) => d.type !== 3 || d.resolved?.messages?.[d.target_id ?? ''] !== undefined,
    'a message command without its message',
  ),
);

/** A button press (or a select menu): which component, on which message. */
const componentData = object({ custom_id: text, component_type: number });

interface InteractionFields {
  type: number;
  user?: unknown;
  member?: unknown;
  data?: unknown;
  message?: unknown;
}

/** What discord.js and the bot read of an interaction without checking it is there. */
const interaction = object(
  {
    id: text,
    application_id: text,
    type: number,
    token: text,
    user: optional(user),
    member: optional(object({ user, roles: optional(arrayOf(text)) })),
    // Checked below by the interaction's type; every interaction the gateway sends carries some (PINGs come over HTTP only).
    data: present,
    message: optional(message),
    entitlements: arrayOf(object({ id: text })),
  },
  rule<InteractionFields>((i) => i.user !== undefined || i.member !== undefined, 'neither user nor member.user'),
  (value) => {
    const i = value as InteractionFields;
    // 2 a command, 4 its autocompletion; 3 a component, which comes with its message.
    const data = i.type === 2 || i.type === 4 ? commandData : i.type === 3 ? componentData : undefined;
    const found = data?.(i.data);
    if (found) {
      found.path.unshift('data');
      return found;
    }
    return i.type === 3 && i.message === undefined
      ? mismatch('a component interaction without its message')
      : undefined;
  },
);

/** A reaction: discord.js needs the emoji, and finds the person, the channel and the message by id. */
const reaction = object({
  user_id: text,
  channel_id: text,
  message_id: text,
  emoji: object({ name: nullable(text) }),
  member: optional(object({ user })),
});

const SHAPES: Partial<Record<string, Shape>> = {
  INTERACTION_CREATE: interaction,
  MESSAGE_CREATE: message,
  MESSAGE_REACTION_ADD: reaction,
};

/** READY starts the session: @discordjs/ws reads its session, discord.js its user, guilds and application. */
const ready = object({
  session_id: text,
  resume_gateway_url: text,
  user,
  guilds: arrayOf(object({ id: text })),
  application: object({ id: text }),
});

/**
 * The frames @discordjs/ws reads itself, by op code: a session's start (a dispatch of READY), its
 * heartbeat interval, its invalidation. Other dispatches go on to discord.js (their data is
 * checked there, see below).
 */
const FRAME_SHAPES: Partial<Record<number, Shape>> = {
  0: object({ t: present, d: present }, (frame) => {
    const { t, d } = frame as { t: unknown; d: unknown };
    if (t !== 'READY') return undefined;
    const found = ready(d);
    if (found) found.path.unshift('d');
    return found;
  }),
  9: object({ d: flag }),
  10: object({ d: object({ heartbeat_interval: positiveNumber }) }),
};

/** Why @discordjs/ws or discord.js could not handle this decoded frame; undefined when they can (or ignore it). */
export function gatewayFrameProblem(frame: unknown): string | undefined {
  // Frames that do not decode come as null, and non-objects have no op: @discordjs/ws ignores both.
  if (typeof frame !== 'object' || frame === null) return undefined;
  const op = (frame as { op?: unknown }).op;
  if (typeof op !== 'number') return undefined;
  const found = FRAME_SHAPES[op]?.(frame);
  if (!found) return undefined;
  return `op ${op}${op === 0 ? ` ${String((frame as { t?: unknown }).t).slice(0, 64)}` : ''}: ${describeMismatch(found)}`;
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
    const shape = SHAPES[packet.t];
    if (!shape) return;
    // Fields Discord sends today that discord.js cannot do without and the bot does not use: filled in if ever absent.
    if (packet.t === 'INTERACTION_CREATE' && packet.d && typeof packet.d === 'object') {
      const interaction = packet.d as unknown as Record<string, unknown>;
      interaction.entitlements ??= [];
      interaction.authorizing_integration_owners ??= {};
    }
    const found = shape(packet.d);
    if (!found) return;
    logger.warn('discord: dropped a malformed gateway event', { type: packet.t, problem: describeMismatch(found) });
    (packet as { t: string }).t = 'GSEF_DROPPED_MALFORMED';
  });
}
