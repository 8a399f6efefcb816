import { once } from 'node:events';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { announceChange } from '../../support/wait-for.js';

/**
 * A loopback stand-in for Discord, enough for the real discord.js: the REST API under `/api/v10`
 * (every request recorded, and any route made to fail on demand) and the gateway over WebSocket
 * (the URL `GET /gateway/bot` hands out), where a test dispatches events and drops connections.
 * Every request, answer, gateway packet and connection is announced to waitFor.
 */

export interface RecordedRequest {
  method: string;
  /** Without the query, e.g. `/api/v10/channels/1/messages`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The JSON body, or for a multipart request its `payload_json`. */
  body: unknown;
  files: { filename: string; contentType: string; content: string }[];
  /** The status the fake answered with. */
  status: number;
}

interface Failure {
  method: string;
  path: RegExp;
  status: FailureStatus;
  remaining: number;
  retryAfterSeconds: number;
}

type Json = Record<string, unknown>;
/** How the answer to a request Discord carried out (a message created) is lost: a 500, or the connection reset. */
export type LostAnswer = 'error' | 'reset';
/** 401 a bad token, 403 "Cannot send messages to this user" (DMs closed), 429 a rate limit, 500 a server error. */
type FailureStatus = 401 | 403 | 429 | 500;

export const APPLICATION_ID = '100000000000000001';
export const BOT_USER = {
  id: '200000000000000002',
  username: 'gsef',
  discriminator: '0',
  global_name: 'GSEF bot',
  avatar: null,
  bot: true,
};
export const GUILD_ID = '300000000000000003';
export const CHANNEL_ID = '300000000000000004';
/** A channel settings may list as a news channel, and one as the editorial committee's. */
export const NEWS_CHANNEL_ID = '300000000000000005';
export const EDITORIAL_CHANNEL_ID = '300000000000000006';
/** A role of the server, for the editors. */
export const EDITOR_ROLE_ID = '300000000000000007';

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  /** Registered commands by scope: `global` or a guild id. */
  readonly commands = new Map<string, Json[]>();
  readonly gatewayOps: { op: number; d: unknown }[] = [];
  /** Messages `GET /channels/{c}/messages/{m}` serves: those a test stores and those the bot posts. */
  readonly messages = new Map<string, Json>();
  /** Messages created with enforce_nonce, by `channel/nonce`. */
  private readonly nonces = new Map<string, Json>();
  /** The DM channel the fake opened for each user (`POST /users/@me/channels`). */
  readonly dmChannels = new Map<string, string>();
  /** Intents IDENTIFY may not ask for, as Discord refuses privileged intents not enabled in the Developer Portal (close 4014). */
  refusedIntents = 0;
  private readonly failures: Failure[] = [];
  private readonly lostAnswers: { method: string; path: RegExp; how: LostAnswer }[] = [];
  private readonly requestListeners: ((request: RecordedRequest) => void)[] = [];
  private socket: WebSocket | undefined;
  private sequence = 0;
  private nextId = 900000000000000000n;

  private constructor(
    private readonly server: Server,
    private readonly gateway: WebSocketServer,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<FakeDiscord> {
    const server = createServer();
    const gateway = new WebSocketServer({ server });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const fake = new FakeDiscord(server, gateway, `http://127.0.0.1:${port}`);
    server.on('request', (req, res) => void fake.handle(req, res));
    gateway.on('connection', (socket) => fake.connect(socket));
    return fake;
  }

  get gatewayUrl(): string {
    return this.baseUrl.replace(/^http/, 'ws');
  }

  /** The next `times` requests matching method and path get `status` (429 with Discord's rate-limit headers and body). */
  failNext(method: string, path: RegExp, status: FailureStatus, times = 1, retryAfterSeconds = 0.05): void {
    this.failures.push({ method, path, status, remaining: times, retryAfterSeconds });
  }

  /** The next request matching method and path is carried out, but its answer is lost this way. */
  loseAnswerOfNext(method: string, path: RegExp, how: LostAnswer): void {
    this.lostAnswers.push({ method, path, how });
  }

  /** Calls `listener` with each REST request as it arrives from now on: the benchmark times interaction callbacks by it. */
  onRequest(listener: (request: RecordedRequest) => void): void {
    this.requestListeners.push(listener);
  }

  requestsTo(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  /** Makes a message readable through the REST API (as Discord keeps every message). */
  storeMessage(message: Json): void {
    this.messages.set(`${String(message.channel_id)}/${String(message.id)}`, message);
  }

  newId(): string {
    this.nextId += 1n;
    return String(this.nextId);
  }

  /** Sends a gateway event to the connected client. A message created is kept, as Discord keeps it. */
  dispatch(type: string, data: unknown): void {
    if (!this.socket) throw new Error('no gateway connection to dispatch on');
    if (type === 'MESSAGE_CREATE' && data && typeof data === 'object' && 'id' in data && 'channel_id' in data)
      this.storeMessage(data as Json);
    this.sequence += 1;
    this.socket.send(JSON.stringify({ op: 0, t: type, s: this.sequence, d: data }));
  }

  /** Sends a text frame exactly as given (malformed ones included) to the connected client. */
  sendRaw(text: string): void {
    if (!this.socket) throw new Error('no gateway connection to send on');
    this.socket.send(text);
  }

  /** Closes the gateway connection as Discord does when it goes away (4000: unknown error, resumable). */
  dropConnection(code = 4000): void {
    this.socket?.close(code, 'fake Discord dropped the connection');
    this.socket = undefined;
  }

  get connected(): boolean {
    return this.socket !== undefined;
  }

  async close(): Promise<void> {
    for (const client of this.gateway.clients) client.terminate();
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private connect(socket: WebSocket): void {
    this.socket = socket;
    announceChange();
    // Text, not binary: discord.js takes a binary frame for compressed data.
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 } }));
    socket.on('message', (raw) => {
      const payload = JSON.parse(String(raw)) as { op: number; d: Json };
      this.gatewayOps.push(payload);
      announceChange();
      if (this.socket !== socket) return;
      if (payload.op === 1) socket.send(JSON.stringify({ op: 11 }));
      if (payload.op === 2 && (Number(payload.d.intents) & this.refusedIntents) !== 0) {
        socket.close(4014, 'Disallowed intent(s).');
        return;
      }
      if (payload.op === 2) this.ready();
      if (payload.op === 6) this.dispatch('RESUMED', {});
    });
    socket.on('close', () => {
      if (this.socket === socket) this.socket = undefined;
      announceChange();
    });
  }

  private ready(): void {
    this.sequence = 0;
    this.dispatch('READY', {
      v: 10,
      user: { ...BOT_USER, verified: true, mfa_enabled: false, flags: 0 },
      guilds: [{ id: GUILD_ID, unavailable: true }],
      session_id: `session-${this.newId()}`,
      resume_gateway_url: this.gatewayUrl,
      shard: [0, 1],
      application: { id: APPLICATION_ID, flags: 0 },
    });
    this.dispatch('GUILD_CREATE', {
      id: GUILD_ID,
      name: 'GSEF',
      icon: null,
      owner_id: '400000000000000001',
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [
        {
          id: GUILD_ID,
          name: '@everyone',
          permissions: '0',
          position: 0,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
          flags: 0,
        },
        {
          id: EDITOR_ROLE_ID,
          name: 'Editorial committee',
          permissions: '0',
          position: 1,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      preferred_locale: 'en-US',
      premium_tier: 0,
      nsfw_level: 0,
      joined_at: '2019-01-01T00:00:00.000Z',
      large: false,
      unavailable: false,
      member_count: 2,
      voice_states: [],
      members: [],
      channels: [
        { id: CHANNEL_ID, type: 0, name: 'general', guild_id: GUILD_ID, position: 0, permission_overwrites: [] },
        { id: NEWS_CHANNEL_ID, type: 0, name: 'news', guild_id: GUILD_ID, position: 1, permission_overwrites: [] },
        {
          id: EDITORIAL_CHANNEL_ID,
          type: 0,
          name: 'newsletter-editors',
          guild_id: GUILD_ID,
          position: 2,
          permission_overwrites: [],
        },
      ],
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      query: url.searchParams,
      headers: req.headers,
      body: undefined,
      files: [],
      status: 0,
    };
    await parseBody(request, raw);
    this.requests.push(request);
    for (const listener of this.requestListeners) listener(request);
    announceChange();
    res.on('finish', () => {
      request.status = res.statusCode;
      announceChange();
    });

    const lost = this.lostAnswers.findIndex((l) => l.method === request.method && l.path.test(request.path));
    if (lost >= 0) {
      const { how } = this.lostAnswers.splice(lost, 1)[0]!;
      this.route(request, DISCARDED_RESPONSE);
      if (how === 'error') send(res, 500, { message: '500: Internal Server Error', code: 0 });
      else req.socket.destroy();
      return;
    }
    const failure = this.failures.find(
      (f) => f.remaining > 0 && f.method === request.method && f.path.test(request.path),
    );
    if (failure) {
      failure.remaining -= 1;
      if (failure.status === 429) {
        const after = String(failure.retryAfterSeconds);
        res.writeHead(429, {
          'content-type': 'application/json',
          'retry-after': after,
          'x-ratelimit-limit': '5',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset-after': after,
          'x-ratelimit-bucket': 'fake-bucket',
          'x-ratelimit-scope': 'user',
        });
        res.end(
          JSON.stringify({
            message: 'You are being rate limited.',
            retry_after: failure.retryAfterSeconds,
            global: false,
          }),
        );
      } else if (failure.status === 403) {
        send(res, 403, { message: 'Cannot send messages to this user', code: 50007 });
      } else {
        send(res, failure.status, {
          message: failure.status === 401 ? '401: Unauthorized' : '500: Internal Server Error',
          code: 0,
        });
      }
      return;
    }
    this.route(request, res);
  }

  private route(request: RecordedRequest, res: ServerResponse): void {
    const { method, path } = request;
    const body = (request.body ?? {}) as Json;
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/api/v10/gateway/bot') {
      return send(res, 200, {
        url: this.gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
      });
    }
    if (method === 'GET' && path === '/api/v10/users/@me') return send(res, 200, BOT_USER);
    if (method === 'POST' && /^\/api\/v10\/interactions\/\d+\/[^/]+\/callback$/.test(path)) {
      if (request.query.get('with_response') !== 'true') return send(res, 204);
      return send(res, 200, {
        interaction: { id: path.split('/')[4], type: 2 },
        resource: { type: (body as { type?: number }).type },
      });
    }
    if ((m = /^\/api\/v10\/webhooks\/(\d+)\/[^/]+\/messages\/@original$/.exec(path)) && method === 'PATCH') {
      return send(res, 200, this.message(CHANNEL_ID, body));
    }
    if ((m = /^\/api\/v10\/webhooks\/(\d+)\/[^/]+$/.exec(path)) && method === 'POST')
      return send(res, 200, this.message(CHANNEL_ID, body));
    if ((m = /^\/api\/v10\/channels\/(\d+)\/messages$/.exec(path)) && method === 'POST') {
      // With enforce_nonce, the same nonce again returns the message it made instead of a new one.
      const nonce = body.enforce_nonce === true && typeof body.nonce === 'string' ? `${m[1]}/${body.nonce}` : undefined;
      const earlier = nonce === undefined ? undefined : this.nonces.get(nonce);
      if (earlier) return send(res, 200, earlier);
      const message = this.message(m[1]!, body);
      this.storeMessage(message);
      if (nonce !== undefined) this.nonces.set(nonce, message);
      return send(res, 200, message);
    }
    if ((m = /^\/api\/v10\/channels\/(\d+)\/messages$/.exec(path)) && method === 'GET') {
      const limit = Number(request.query.get('limit') ?? 50);
      const inChannel = [...this.messages.entries()]
        .filter(([key]) => key.startsWith(`${m![1]}/`))
        .map(([, message]) => message);
      inChannel.sort((a, b) => (BigInt(String(b.id)) > BigInt(String(a.id)) ? 1 : -1)); // newest first, as Discord lists them
      return send(res, 200, inChannel.slice(0, limit));
    }
    if ((m = /^\/api\/v10\/channels\/(\d+)\/messages\/(\d+)$/.exec(path)) && method === 'GET') {
      const message = this.messages.get(`${m[1]}/${m[2]}`);
      return message ? send(res, 200, message) : send(res, 404, { message: 'Unknown Message', code: 10008 });
    }
    if (method === 'POST' && path === '/api/v10/users/@me/channels') {
      const recipient = String(body.recipient_id);
      if (!this.dmChannels.has(recipient)) this.dmChannels.set(recipient, this.newId());
      const user = {
        id: recipient,
        username: `user-${recipient}`,
        discriminator: '0',
        global_name: null,
        avatar: null,
      };
      return send(res, 200, { id: this.dmChannels.get(recipient), type: 1, last_message_id: null, recipients: [user] });
    }
    if ((m = /^\/api\/v10\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path))) {
      const scope = m[2] ?? 'global';
      if (method === 'GET') return send(res, 200, this.commands.get(scope) ?? []);
      if (method === 'PUT') {
        const registered = (request.body as Json[]).map((c) => ({
          ...c,
          id: this.newId(),
          application_id: m![1],
          version: this.newId(),
          ...(m![2] ? { guild_id: m![2] } : {}),
        }));
        this.commands.set(scope, registered);
        return send(res, 200, registered);
      }
    }
    send(res, 404, { message: 'Unknown route', code: 0 });
  }

  private message(channelId: string, body: Json): Json {
    return {
      id: this.newId(),
      channel_id: channelId,
      author: BOT_USER,
      content: body.content ?? '',
      embeds: body.embeds ?? [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: body.flags ?? 0,
      type: 0,
      components: body.components ?? [],
      ...(body.nonce === undefined ? {} : { nonce: body.nonce }),
      ...(body.message_reference ? { message_reference: body.message_reference } : {}),
    };
  }
}

/** Where the answer to a request whose answer is lost goes: nowhere. */
const DISCARDED_RESPONSE = {
  writeHead: () => DISCARDED_RESPONSE,
  end: () => DISCARDED_RESPONSE,
} as unknown as ServerResponse;

async function parseBody(request: RecordedRequest, raw: Buffer): Promise<void> {
  const type = String(request.headers['content-type'] ?? '');
  if (type.startsWith('application/json') && raw.length > 0) {
    request.body = JSON.parse(raw.toString('utf8'));
  } else if (type.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    for (const [name, value] of form.entries()) {
      if (name === 'payload_json') request.body = JSON.parse(String(value));
      else if (typeof value !== 'string')
        request.files.push({ filename: value.name, contentType: value.type, content: await value.text() });
    }
  }
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
