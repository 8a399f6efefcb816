import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Bot } from '../../../src/bot.js';
import type { NewsletterSettings } from '../../../src/catalog/schema.js';
import type { Logger } from '../../../src/logger.js';
import { NEWS_SHORTCUT_CALLBACK_ID, SHARE_ACTION_ID, SLASH_COMMAND } from '../../../src/platforms/slack/slack-ids.js';
import {
  SLACK_RETRY_POLICY,
  startSlack,
  type SlackAdapter,
  type StartSlackOptions,
} from '../../../src/platforms/slack/start-slack.js';
import type { SlackConnection } from '../../../src/platforms/slack/slack-config.js';
import type { Catalog } from '../../../src/catalog/load-catalog.js';
import { botAt, botOverData, botWithNewsletter } from '../../support/test-bot.js';
import { announceChange, waitFor } from '../../support/wait-for.js';
import { FakeSlackApi, type RecordedCall } from './fake-slack-api.js';

export const SIGNING_SECRET = 'test-signing-secret';

/** The production retry count, with waits short enough for tests. */
export const FAST_RETRIES = { ...SLACK_RETRY_POLICY, minTimeout: 5, maxTimeout: 20 };

/**
 * Slack's request signature: `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<body>` keyed by the
 * signing secret; Slack signs the body's bytes (a string is signed as its UTF-8).
 */
export function slackSignature(secret: string, timestamp: number | string, body: string | Buffer): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest('hex')}`;
}

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  context: Record<string, unknown>;
}

/** A logger that keeps its entries, announcing each to waitFor. */
export function recordingLogger(): { logger: Logger; entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const at =
    (level: LogEntry['level']) =>
    (message: string, context: Record<string, unknown> = {}) => {
      entries.push({ level, message, context });
      announceChange();
    };
  return { logger: { info: at('info'), warn: at('warn'), error: at('error') }, entries };
}

export interface TestSlack {
  platform: SlackAdapter;
  bot: Bot;
  /** http://127.0.0.1:PORT (HTTP mode). */
  url: string;
  logs: LogEntry[];
}

/**
 * The real Slack app over the seed's data at a pinned time, its Web API calls going to the fake;
 * `newsletter` replaces some newsletter settings (editors, news and editorial channels), `options`
 * some of the app's (a short acknowledgement budget, to see a late answer sooner); `data`, when
 * given, is read instead of the seed's.
 */
export async function startTestSlack(
  fake: FakeSlackApi,
  now = '2019-05-10',
  connection: SlackConnection = { kind: 'http', signingSecret: SIGNING_SECRET, port: 0, host: '127.0.0.1' },
  newsletter?: Partial<NewsletterSettings>,
  options: StartSlackOptions = {},
  data?: Catalog,
): Promise<TestSlack> {
  const { logger, entries } = recordingLogger();
  const bot = data
    ? botOverData(data, now, logger)
    : newsletter
      ? await botWithNewsletter(now, newsletter, logger)
      : await botAt(now, logger);
  const platform = await startSlack(bot, { botToken: 'xoxb-test', connection, apiUrl: fake.apiUrl }, logger, {
    retryConfig: FAST_RETRIES,
    reconnectDelayMs: () => 10,
    ...options,
  });
  bot.services.outbox.attach(platform);
  const url = platform.address ? `http://127.0.0.1:${platform.address.port}` : '';
  return { platform, bot, url, logs: entries };
}

export interface SignedOptions {
  contentType?: string;
  /** Seconds since the epoch; now by default. */
  timestamp?: number;
  secret?: string;
}

/** POSTs exactly the bytes it signs to /slack/events. */
export function postSigned(url: string, body: string, options: SignedOptions = {}): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(`${url}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': slackSignature(options.secret ?? SIGNING_SECRET, timestamp, body),
    },
    body,
  });
}

/** The fields of a `/gsef` slash command, as Slack sends them (form fields over HTTP, an object in Socket Mode). */
export function slashCommandFields(
  fake: FakeSlackApi,
  text: string,
  user = 'U1',
  responseId = 'r1',
): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: 'T0GSEF',
    team_domain: 'gsef',
    channel_id: 'C1',
    channel_name: 'general',
    user_id: user,
    user_name: user.toLowerCase(),
    command: SLASH_COMMAND,
    text,
    api_app_id: 'A0GSEF',
    response_url: fake.responseUrl(responseId),
    trigger_id: '13345224609.738474920.8088930838d88f008e0',
  };
}

export function slashCommandBody(fake: FakeSlackApi, text: string, user = 'U1', responseId = 'r1'): string {
  return new URLSearchParams(slashCommandFields(fake, text, user, responseId)).toString();
}

/** A slash command's answer and where it came: in the acknowledgement, or POSTed to the response URL after an empty one. */
export interface SlashCommandAnswer {
  answer: Record<string, unknown>;
  via: 'acknowledgement' | 'response URL';
}

/**
 * The answer to a slash command: the acknowledgement's payload (the JSON body of the HTTP
 * response, or the `payload` of a Socket Mode envelope's ack) when it carries one, else the first
 * message POSTed to its response URL, waited for.
 */
export async function slashCommandAnswer(
  fake: FakeSlackApi,
  acknowledgement: Record<string, unknown> | undefined,
  responseId: string,
  what = 'the answer',
): Promise<SlashCommandAnswer> {
  if (acknowledgement && Object.keys(acknowledgement).length > 0)
    return { answer: acknowledgement, via: 'acknowledgement' };
  return {
    answer: await waitFor(() => fake.responses(responseId)[0], `${what} through the response URL`),
    via: 'response URL',
  };
}

/** The body of an HTTP acknowledgement: its JSON, or undefined when empty. Reads the body. */
export async function acknowledgementOf(response: Response): Promise<Record<string, unknown> | undefined> {
  const body = await response.text();
  if (body === '') return undefined;
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return JSON.parse(body) as Record<string, unknown>;
}

/** Sends `/gsef <text>` as `user`, signed over HTTP; returns the HTTP status and the answer, wherever it came. */
export async function sendSlashCommand(
  env: SlackTestEnv,
  text: string,
  user = 'U1',
  responseId = 'r1',
): Promise<SlashCommandAnswer & { status: number }> {
  const response = await postSigned(env.slack.url, slashCommandBody(env.fake, text, user, responseId));
  const acknowledgement = await acknowledgementOf(response);
  return {
    status: response.status,
    ...(await slashCommandAnswer(env.fake, acknowledgement, responseId, `the answer to "${text}"`)),
  };
}

/** The requests made to one response URL, whatever the fake answered. */
export function responseUrlCalls(fake: FakeSlackApi, responseId: string): RecordedCall[] {
  return fake.calls.filter((c) => c.path === `/response/${responseId}`);
}

/** A click on "Share in channel" under a private answer, as the interactivity payload Slack posts. */
export function shareClickBody(
  fake: FakeSlackApi,
  value: string,
  user = 'U1',
  responseId = 'share1',
  channel = 'C1',
): string {
  return formEncoded(shareClickPayload(fake, value, user, responseId, channel));
}

/** The same click as the payload itself, as a Socket Mode envelope carries it. */
export function shareClickPayload(
  fake: FakeSlackApi,
  value: string,
  user = 'U1',
  responseId = 'share1',
  channel = 'C1',
): Record<string, unknown> {
  return buttonClickPayload(
    fake,
    { action_id: SHARE_ACTION_ID, value, text: 'Share in channel' },
    { user, responseId, channel },
  );
}

export interface ButtonClick {
  user: string;
  responseId: string;
  channel: string;
  /** The message that holds the button, as Slack sends it back; none for an ephemeral message. */
  message?: Record<string, unknown>;
}

/** A press on a button, as the `block_actions` interactivity payload Slack posts (form-encoded). */
export function buttonClickBody(
  fake: FakeSlackApi,
  button: { action_id: string; value?: string; text: string },
  click: ButtonClick,
): string {
  return formEncoded(buttonClickPayload(fake, button, click));
}

function buttonClickPayload(
  fake: FakeSlackApi,
  button: { action_id: string; value?: string; text: string },
  click: ButtonClick,
): Record<string, unknown> {
  const { user, responseId, channel, message } = click;
  return {
    type: 'block_actions',
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: 'T0GSEF' },
    api_app_id: 'A0GSEF',
    token: 'legacy-verification-token',
    container: message
      ? { type: 'message', message_ts: message.ts, channel_id: channel, is_ephemeral: false }
      : { type: 'message', message_ts: '1560000000.000001', channel_id: channel, is_ephemeral: true },
    trigger_id: '13345224609.738474920.8088930838d88f008e0',
    team: { id: 'T0GSEF', domain: 'gsef' },
    channel: { id: channel, name: channel.startsWith('D') ? 'directmessage' : 'general' },
    ...(message ? { message } : {}),
    response_url: fake.responseUrl(responseId),
    actions: [
      {
        action_id: button.action_id,
        block_id: 'actions',
        type: 'button',
        ...(button.value === undefined ? {} : { value: button.value }),
        text: { type: 'plain_text', text: button.text },
        action_ts: '1560000001.000000',
      },
    ],
  };
}

/** An interactivity payload as Slack posts it over HTTP: one form field, `payload`, holding its JSON. */
function formEncoded(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** "Send to GSEF newsletter" chosen in a message's menu, as the `message_action` payload Slack posts. */
export function messageShortcutBody(
  fake: FakeSlackApi,
  message: Record<string, unknown> & { ts: string },
  click: { user: string; channel: string; responseId: string },
): string {
  return formEncoded({
    type: 'message_action',
    callback_id: NEWS_SHORTCUT_CALLBACK_ID,
    trigger_id: '13345224609.738474920.8088930838d88f008e0',
    message_ts: message.ts,
    response_url: fake.responseUrl(click.responseId),
    message: { type: 'message', ...message },
    user: { id: click.user, name: click.user.toLowerCase(), team_id: 'T0GSEF' },
    channel: { id: click.channel, name: 'general' },
    team: { id: 'T0GSEF', domain: 'gsef' },
    token: 'legacy-verification-token',
    action_ts: '1560000001.000000',
  });
}

let eventSequence = 0;

/** An Events API callback carrying `event`, as JSON. */
export function eventBody(event: Record<string, unknown>): string {
  eventSequence += 1;
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: 'T0GSEF',
    api_app_id: 'A0GSEF',
    event,
    type: 'event_callback',
    event_id: `Ev${eventSequence}`,
    event_time: 1560000000,
    authorizations: [{ team_id: 'T0GSEF', user_id: 'UBOT', is_bot: true }],
  });
}

/** A button of a posted message, as the Web API received it. */
export interface PostedButton {
  action_id: string;
  value: string;
  style?: string;
  text: { text: string };
}

/** The buttons of a posted message's actions blocks, in order. */
export function buttonsOf(blocks: unknown): PostedButton[] {
  return (blocks as { type: string; elements?: PostedButton[] }[])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? []);
}

interface BlockLike {
  type: string;
  text?: { text: string };
  fields?: { text: string }[];
  elements?: { text?: string }[];
}

/** The words of a Block Kit message, without mrkdwn emphasis or entities, one line each: to compare with the console's text. */
export function slackPlainText(blocks: unknown): string {
  return (blocks as BlockLike[])
    .flatMap((block) => [
      block.text?.text,
      ...(block.fields ?? []).map((f) => f.text),
      ...(block.elements ?? []).map((e) => e.text),
    ])
    .filter((text): text is string => typeof text === 'string')
    .join('\n')
    .replace(/\*/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The lines of the console's rendering, without its bullets, indentation and note parentheses. */
export function consoleLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) =>
      line
        .trim()
        .replace(/^• /, '')
        .replace(/^\((.*)\)$/, '$1'),
    )
    .filter((line) => line !== '');
}

export interface SlackTestEnv {
  fake: FakeSlackApi;
  slack: TestSlack;
}

/**
 * A fake Slack API and the real app against it for the tests of a file (or of the `describe` it
 * is called in), `prepare` setting up the fake first; `newsletter` replaces some newsletter
 * settings, `options` some of the app's.
 */
export function useTestSlack(
  prepare: (fake: FakeSlackApi) => void = () => {},
  newsletter?: Partial<NewsletterSettings>,
  options: StartSlackOptions = {},
): SlackTestEnv {
  const env = {} as SlackTestEnv;
  beforeAll(async () => {
    env.fake = await FakeSlackApi.start();
    prepare(env.fake);
    env.slack = await startTestSlack(env.fake, undefined, undefined, newsletter, options);
  });
  afterAll(async () => {
    await env.slack?.platform.stop();
    await env.fake?.close();
  });
  return env;
}
