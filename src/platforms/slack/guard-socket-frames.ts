import type { SocketModeReceiver } from '@slack/bolt';
import { z } from 'zod';
import type { Logger } from '../../logger.js';
import { slackPayloadProblem } from './check-slack-payload.js';

type SocketModeClient = SocketModeReceiver['client'];

/** The event on which the Socket Mode client hands itself each frame (its own WebSocket wrapper emits it). */
const FRAME_EVENT = 'ws_message';

/**
 * The client emits an event's type (and a frame's type) as an event on itself, beside its own
 * events: a type named like one of these would reach listeners that never expected a frame.
 */
const CLIENT_EVENTS = new Set([
  'connecting',
  'connected',
  'reconnecting',
  'disconnecting',
  'disconnected',
  'authenticated',
  'close',
  'error',
  'outgoing_message',
  'slack_event',
  'ws_message',
]);

/** Slack's event types are lowercase words joined by underscores (`app_mention`, `reaction_added`). */
const eventType = z
  .string()
  .regex(/^[a-z][a-z_.]*$/, 'not an event type')
  .refine((type) => !CLIENT_EVENTS.has(type), 'the name of one of the client’s own events');

const envelope = z.looseObject({
  envelope_id: z.string(),
  payload: z.looseObject({}),
  accepts_response_payload: z.boolean().optional(),
  retry_attempt: z.number().optional(),
  retry_reason: z.string().optional(),
});

/** Slack's frame types: any other (`ws_message`, `disconnected`, `error`…) is one of the client's own events or unknown. */
const FRAME_SCHEMAS: Partial<Record<string, z.ZodType<unknown>>> = {
  hello: z.looseObject({}),
  disconnect: z.looseObject({ reason: z.string().optional() }),
  events_api: envelope.extend({ payload: z.looseObject({ event: z.looseObject({ type: eventType }) }) }),
  interactive: envelope,
  slash_commands: envelope,
};

/** Why the client could not handle this frame, in one line (never its content); undefined when it can. */
export function socketFrameProblem(text: string): string | undefined {
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  if (typeof frame !== 'object' || frame === null || Array.isArray(frame))
    return `a frame that is ${frame === null ? 'null' : Array.isArray(frame) ? 'an array' : typeof frame}, not an object`;
  const type = (frame as { type?: unknown }).type;
  const schema = typeof type === 'string' ? FRAME_SCHEMAS[type] : undefined;
  if (!schema) return 'an unknown frame type';
  const checked = schema.safeParse(frame);
  if (!checked.success)
    return checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
  const { payload } = frame as { payload?: unknown };
  return payload === undefined ? undefined : slackPayloadProblem(payload);
}

/**
 * Checks every Socket Mode frame before the client handles it. @slack/socket-mode reads a frame's
 * `type`, `payload` and `payload.event.type` without checking them, in an async handler: a frame
 * `null` or an `events_api` without its payload or event throws there, an unhandled rejection
 * that ends the process. The client subscribes its handler to its own `ws_message` event; the
 * guard takes that handler's place and calls it for the frames that pass. This relies only on
 * the event's name, not on the client's private methods; if a new version no longer subscribes
 * there, start-up stops here rather than run unguarded.
 * A dropped frame is not acknowledged (the client keeps its way of acknowledging private): Slack
 * may send an event again a few times, and it is dropped again.
 */
export function guardSocketFrames(client: SocketModeClient, logger: Logger): void {
  const handlers = client.listeners(FRAME_EVENT) as ((data: unknown, isBinary: boolean) => unknown)[];
  if (handlers.length === 0)
    throw new Error(`The Socket Mode client no longer listens to '${FRAME_EVENT}': its frames cannot be checked`);
  client.removeAllListeners(FRAME_EVENT);
  client.on(FRAME_EVENT, (data: unknown, isBinary: boolean) => {
    // The client ignores binary frames itself.
    const problem = isBinary ? undefined : socketFrameProblem(String(data));
    if (problem) {
      logger.warn('slack: dropped a malformed Socket Mode frame', { problem, bytes: Buffer.byteLength(String(data)) });
      return;
    }
    for (const handler of handlers) {
      Promise.resolve(handler.call(client, data, isBinary)).catch((error: unknown) =>
        logger.error('slack: a Socket Mode frame failed', { error }),
      );
    }
  });
}
