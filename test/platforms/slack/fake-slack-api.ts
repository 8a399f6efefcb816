import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { announceChange } from '../../support/wait-for.js';

/** One request the fake received: a Web API method (`chat.postMessage`), `response` (a response URL) or `upload`. */
export interface RecordedCall {
  method: string;
  path: string;
  /** The HTTP status the fake answered. */
  status: number;
  /** Form fields (JSON-valued ones parsed) or the JSON body; `raw` for anything else. */
  body: Record<string, unknown>;
}

export type Failure = { status: 429; retryAfter: number } | { status: 500 };

/**
 * How the answer to a call Slack carried out (a message stored) is lost on the way back: a 500,
 * the connection reset, or no answer at all (the client gives up when its timeout runs out).
 */
export type LostAnswer = 'error' | 'reset' | 'silence';

/** A message in a channel as conversations.history gives it; `thread_ts` (not its own ts) makes it a reply in a thread. */
export interface StoredMessage {
  type?: 'message';
  /** Slack's own messages have one (`channel_join`…); a person's plain message none. */
  subtype?: string;
  ts: string;
  user?: string;
  bot_id?: string;
  text: string;
  thread_ts?: string;
  files?: { id: string; name: string; permalink: string; url_private: string }[];
  /** An app's message metadata; conversations.history shows it only with include_all_metadata. */
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

/** Answers no request until released: to prove something happens before a slow call ends. */
interface Hold {
  released: Promise<void>;
  release: () => void;
}

/**
 * A loopback stand-in for the Slack Web API, the response URLs and the file upload URLs. It
 * records every call, announcing each to waitFor, and can be told to fail the next calls of a method.
 */
export class FakeSlackApi {
  readonly calls: RecordedCall[] = [];
  /** Every method as its request arrives, before a hold or a failure: `calls` records answers. */
  readonly arrived: string[] = [];
  /** users.info answers these locales (user id → `fr-FR`); others get `en-US`. */
  readonly locales = new Map<string, string>();
  /** Channels the bot is not a member of: files cannot be shared there. */
  readonly closedChannels = new Set<string>();
  /** Methods that answer `{ ok: false, error }`, as Slack does for a refused token (`invalid_auth`). */
  readonly refusals = new Map<string, string>();
  /** users.info answers these profile time zones (user id → `Europe/Madrid`); others have none. */
  readonly zones = new Map<string, string>();
  /** users.info answers these display names (user id → `Ana García`); others have none. */
  readonly names = new Map<string, string>();
  /** users.info says these users are apps' bot users (`is_bot`); others are people. */
  readonly bots = new Set<string>();
  /** What conversations.history and conversations.replies read (channel id → its messages, threads included). */
  readonly messages = new Map<string, StoredMessage[]>();
  /** What apps.connections.open hands out (Socket Mode). */
  socketUrl = '';
  private readonly failures = new Map<string, Failure[]>();
  private readonly lostAnswers = new Map<string, LostAnswer[]>();
  private readonly holds = new Map<string, Hold>();
  private sequence = 0;

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeSlackApi> {
    // The handler runs only once requests arrive, after `fake` exists.
    const server = createServer((request, response) => void fake.handle(request, response));
    const fake = new FakeSlackApi(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** What SLACK_API_URL is set to. */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.baseUrl}/response/${id}`;
  }

  /** The next `count` calls of `method` fail this way. */
  failNext(method: string, count: number, failure: Failure): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...Array.from({ length: count }, () => failure)]);
  }

  /** The next `count` calls of `method` are carried out, but their answer is lost this way. */
  loseAnswerOfNext(method: string, count: number, how: LostAnswer): void {
    this.lostAnswers.set(method, [
      ...(this.lostAnswers.get(method) ?? []),
      ...Array.from({ length: count }, () => how),
    ]);
  }

  /** Calls of `method` wait until the returned function is called. */
  hold(method: string): () => void {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    this.holds.set(method, { released, release });
    return () => {
      this.holds.delete(method);
      release();
    };
  }

  /** A message people can react to or fetch. */
  addMessage(channel: string, message: StoredMessage): void {
    this.messages.set(channel, [...(this.messages.get(channel) ?? []), { type: 'message', ...message }]);
  }

  /** The permalink chat.getPermalink gives for a message. */
  permalink(channel: string, ts: string): string {
    return `https://gsef.slack.com/archives/${channel}/p${ts.replace('.', '')}`;
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  succeeded(method: string): RecordedCall[] {
    return this.callsTo(method).filter((c) => c.status === 200);
  }

  /** What was POSTed to one response URL. */
  responses(id: string): Record<string, unknown>[] {
    return this.calls.filter((c) => c.path === `/response/${id}` && c.status === 200).map((c) => c.body);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', this.baseUrl).pathname;
    const raw = await readBody(request);
    const method = path.startsWith('/api/')
      ? path.slice('/api/'.length)
      : path.startsWith('/response/')
        ? 'response'
        : path.startsWith('/upload/')
          ? 'upload'
          : path;
    const body = parseBody(raw, request.headers['content-type'] ?? '');
    this.arrived.push(method);
    announceChange();
    await this.holds.get(method)?.released;
    const lost = this.lostAnswers.get(method)?.shift();
    if (lost) return this.loseAnswer(method, path, body, response, lost);
    const failure = this.failures.get(method)?.shift();
    const status = failure?.status ?? 200;
    this.calls.push({ method, path, status, body });
    announceChange();
    if (failure?.status === 429) {
      response.writeHead(429, { 'retry-after': String(failure.retryAfter), 'content-type': 'application/json' });
      response.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    if (failure) {
      response.writeHead(failure.status, { 'content-type': 'text/plain' });
      response.end('upstream failure');
      return;
    }
    if (method === 'response' || method === 'upload') {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('ok');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(this.answer(method, body)));
  }

  /** Carries the call out, then loses its answer; recorded with status 0 when none was sent. */
  private loseAnswer(
    method: string,
    path: string,
    body: Record<string, unknown>,
    response: ServerResponse,
    how: LostAnswer,
  ): void {
    this.answer(method, body);
    this.calls.push({ method, path, status: how === 'error' ? 500 : 0, body });
    announceChange();
    if (how === 'error') {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end('upstream failure after the call was carried out');
    } else if (how === 'reset') {
      response.socket?.destroy();
    } // 'silence': the response is left open until the client gives up (or the fake closes)
  }

  private answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    const n = ++this.sequence;
    const refusal = this.refusals.get(method);
    if (refusal) return { ok: false, error: refusal };
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://gsef.slack.com/',
          team: 'GSEF',
          user: 'gsef',
          team_id: 'T0GSEF',
          user_id: 'UBOT',
          bot_id: 'BBOT',
        };
      case 'users.info': {
        const id = String(body.user);
        const name = this.names.get(id) ?? '';
        return {
          ok: true,
          user: {
            id,
            name: id.toLowerCase(),
            real_name: name,
            profile: { display_name: name, real_name: name },
            locale: this.locales.get(id) ?? 'en-US',
            ...(this.zones.has(id) ? { tz: this.zones.get(id) } : {}),
            is_bot: this.bots.has(id),
          },
        };
      }
      case 'chat.postMessage': {
        // Kept in the channel as Slack keeps it, for conversations.history to read back.
        const ts = `1560000000.${String(n).padStart(6, '0')}`;
        const channel = String(body.channel);
        const metadata = body.metadata as StoredMessage['metadata'];
        this.messages.set(channel, [
          ...(this.messages.get(channel) ?? []),
          { type: 'message', ts, bot_id: 'BBOT', text: String(body.text ?? ''), ...(metadata ? { metadata } : {}) },
        ]);
        return { ok: true, channel: body.channel, ts, message: { text: body.text } };
      }
      case 'chat.postEphemeral':
        if (this.closedChannels.has(String(body.channel))) return { ok: false, error: 'not_in_channel' };
        return { ok: true, message_ts: `1560000000.${String(n).padStart(6, '0')}` };
      case 'chat.getPermalink':
        return {
          ok: true,
          channel: body.channel,
          permalink: this.permalink(String(body.channel), String(body.message_ts)),
        };
      case 'conversations.history':
      case 'conversations.replies':
        return this.conversation(method, body);
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(body.users)}` } };
      case 'files.getUploadURLExternal':
        return { ok: true, upload_url: `${this.baseUrl}/upload/F${n}`, file_id: `F${n}` };
      case 'files.completeUploadExternal':
        if (this.closedChannels.has(String(body.channel_id))) return { ok: false, error: 'not_in_channel' };
        return { ok: true, files: body.files };
      case 'views.publish':
        return { ok: true, view: { id: `V${n}` } };
      case 'apps.connections.open':
        return { ok: true, url: this.socketUrl };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  /** conversations.history: a channel's messages (not thread replies) up to `latest`, newest first; conversations.replies: a thread, oldest first. */
  private conversation(method: string, body: Record<string, unknown>): Record<string, unknown> {
    const channel = String(body.channel);
    if (this.closedChannels.has(channel)) return { ok: false, error: 'not_in_channel' };
    const all = this.messages.get(channel) ?? [];
    const inclusive = String(body.inclusive) === 'true';
    const limit = Number(body.limit ?? 100);
    const isReply = (m: StoredMessage) => m.thread_ts !== undefined && m.thread_ts !== m.ts;
    if (method === 'conversations.history') {
      const latest = body.latest === undefined ? Infinity : Number(body.latest);
      const withMetadata = String(body.include_all_metadata) === 'true';
      const messages = all
        .filter((m) => !isReply(m) && (inclusive ? Number(m.ts) <= latest : Number(m.ts) < latest))
        .sort((a, b) => Number(b.ts) - Number(a.ts))
        .map(({ metadata, ...message }) => (withMetadata && metadata ? { ...message, metadata } : message));
      return { ok: true, messages: messages.slice(0, limit), has_more: messages.length > limit };
    }
    const target = all.find((m) => m.ts === String(body.ts));
    if (!target) return { ok: false, error: 'thread_not_found' };
    const parent = target.thread_ts ?? target.ts;
    const oldest = body.oldest === undefined ? -Infinity : Number(body.oldest);
    const thread = all
      .filter((m) => m.ts === parent || m.thread_ts === parent)
      .sort((a, b) => Number(a.ts) - Number(b.ts));
    // Slack puts the parent first whatever the time range.
    const messages = thread.filter(
      (m) => m.ts === parent || (inclusive ? Number(m.ts) >= oldest : Number(m.ts) > oldest),
    );
    return { ok: true, messages: messages.slice(0, limit), has_more: messages.length > limit };
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.startsWith('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    return Object.fromEntries(
      [...new URLSearchParams(raw)].map(([key, value]) => [key, /^[[{]/.test(value) ? JSON.parse(value) : value]),
    );
  }
  return { raw };
}
