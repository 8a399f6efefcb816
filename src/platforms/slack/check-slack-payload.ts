import { z } from 'zod';

/**
 * What Bolt and the bot read of a Slack payload (the body of an HTTP request, the `payload` of a
 * Socket Mode envelope) without checking it is there. Bolt sorts a payload by the first of these
 * it finds (its getTypeAndConversation): `event`, `command`, `name`, `actions`, then `type`; each
 * kind is checked here the same way, so that the check and Bolt never disagree on what a payload
 * is. Fields are checked only when something dereferences or trusts them; a payload of no kind
 * Bolt knows is refused too.
 */

const ref = z.looseObject({ id: z.string() });
const text = z.string();

/** The events the bot listens to, with the fields Bolt's matching and the handlers read. */
const EVENT_SCHEMAS: Partial<Record<string, z.ZodType<unknown>>> = {
  message: z.looseObject({
    channel: z.string(),
    ts: z.string(),
    user: z.string().optional(),
    text: text.optional(),
    thread_ts: z.string().optional(),
    subtype: z.string().optional(),
    files: z.array(z.looseObject({})).optional(),
  }),
  app_mention: z.looseObject({
    channel: z.string(),
    ts: z.string(),
    user: z.string().optional(),
    text,
    thread_ts: z.string().optional(),
  }),
  reaction_added: z.looseObject({
    user: z.string(),
    reaction: z.string(),
    item: z.looseObject({ type: z.string(), channel: z.string().optional(), ts: z.string().optional() }),
  }),
};

const eventCallback = z.looseObject({
  event: z.looseObject({ type: z.string() }).superRefine((event, ctx) => {
    const checked = EVENT_SCHEMAS[event.type]?.safeParse(event);
    if (checked && !checked.success)
      for (const issue of checked.error.issues)
        ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  }),
  event_id: z.string().optional(),
  authorizations: z.array(z.looseObject({})).optional(),
});

/** Form fields: a repeated field arrives as an array, which no handler expects. */
const slashCommand = z.looseObject({
  command: z.string(),
  text,
  user_id: z.string(),
  channel_id: z.string(),
  response_url: z.string(),
  team_id: z.string().optional(),
  trigger_id: z.string().optional(),
});

const options = z.looseObject({ channel: ref.optional(), user: ref });

/** Bolt matches on the first action's `action_id` (or `callback_id`) and hands it to the listener. */
const action = z.looseObject({
  action_id: z.string().optional(),
  block_id: z.string().optional(),
  type: z.string().optional(),
  value: z.string().optional(),
});
const actions = z.looseObject({
  actions: z.array(action).min(1),
  user: ref,
  channel: ref.optional(),
  container: z.looseObject({}).optional(),
  message: z.looseObject({ ts: z.string(), text: text.optional() }).optional(),
  response_url: z.string().optional(),
});

const shortcut = z.looseObject({ callback_id: z.string(), trigger_id: z.string(), user: ref });
const messageShortcut = shortcut.extend({
  channel: ref,
  message: z.looseObject({ ts: z.string(), text: text.optional(), user: z.string().optional() }),
  response_url: z.string(),
});
const viewAction = z.looseObject({
  user: ref,
  view: z.looseObject({ id: z.string(), callback_id: z.string().optional(), state: z.looseObject({}).optional() }),
});
const urlVerification = z.looseObject({ challenge: z.string() });

/** By `type` when none of Bolt's markers is there: a callback without its event, a button press without its actions. */
const BY_TYPE: Partial<Record<string, z.ZodType<unknown>>> = {
  event_callback: eventCallback,
  block_actions: actions,
  interactive_message: actions,
  shortcut,
  message_action: messageShortcut,
  view_submission: viewAction,
  view_closed: viewAction,
  url_verification: urlVerification,
};

function schemaFor(payload: Record<string, unknown>): z.ZodType<unknown> | undefined {
  if (payload.event !== undefined) return eventCallback;
  if (payload.command !== undefined) return slashCommand;
  if (payload.name !== undefined || payload.type === 'block_suggestion') return options;
  if (payload.actions !== undefined || payload.type === 'dialog_submission') return actions;
  return typeof payload.type === 'string' ? BY_TYPE[payload.type] : undefined;
}

/** Anything else Bolt cannot sort: it would wait three seconds for a listener and answer 404. */
const unknownKind = z.never({ error: 'a payload of no kind Bolt handles' });

/** Why Bolt or the bot could not handle this payload, in one line (paths, never values); undefined when it can. */
export function slackPayloadProblem(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    return `the payload is ${payload === null ? 'null' : Array.isArray(payload) ? 'an array' : typeof payload}, not an object`;
  const record = payload as Record<string, unknown>;
  if (record.type !== undefined && typeof record.type !== 'string') return 'type: not a string';
  const checked = (schemaFor(record) ?? unknownKind).safeParse(record);
  if (checked.success) return undefined;
  return checked.error.issues.map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`).join('; ');
}
