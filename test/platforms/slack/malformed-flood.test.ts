import { request as httpRequest, type ClientRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HTTPReceiver } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { watchForCrashes } from '../../corpus/corpus.js';
import { silentLogger } from '../../../src/logger.js';
import { boltLogger } from '../../../src/platforms/slack/bolt-logger.js';
import {
  guardSlackRequests,
  SLACK_BODY_DEADLINE_MS,
  SLACK_BODY_LIMIT_BYTES,
} from '../../../src/platforms/slack/guard-slack-requests.js';
import { announceChange, waitFor } from '../../support/wait-for.js';
import { sendSlashCommand, useTestSlack } from './slack-test-kit.js';

// Unsigned bodies sent to the real Bolt app over HTTP: they are refused before they cost anything,
// and a signed slash command is answered meanwhile.

const env = useTestSlack();
const crashes = watchForCrashes();

const FOUR_MB = 4_000_000;

/** Headers that look like Slack's (a fresh timestamp, a well-formed signature) but sign nothing. */
function forgedHeaders(): Record<string, string> {
  return {
    'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)),
    'x-slack-signature': `v0=${'0'.repeat(64)}`,
  };
}

interface Upload {
  request: ClientRequest;
  /** The status answered, or the connection error when it was cut first. */
  outcome: Promise<number | string>;
  written: () => number;
}

/** POSTs to /slack/events (of the test app, or of `url`); `send` writes the body (or part of it) while the answer is awaited. */
function upload(headers: Record<string, string>, send: (request: ClientRequest) => void, url = env.slack.url): Upload {
  const request = httpRequest(`${url}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  });
  const outcome = new Promise<number | string>((resolve) => {
    request.on('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
  send(request);
  return { request, outcome, written: () => request.socket?.bytesWritten ?? 0 };
}

/** Writes `chunk`, announcing to waitFor once it has gone out (and counts in `written()`). */
function writeAnnounced(request: ClientRequest, chunk: Buffer | string): boolean {
  return request.write(chunk, () => announceChange());
}

/** Writes `total` bytes as fast as the connection takes them, then ends; stops once the connection is gone. */
function writeFast(total: number): (request: ClientRequest) => void {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  return (request) => {
    let sent = 0;
    const pump = () => {
      while (sent < total && !request.destroyed) {
        sent += chunk.length;
        if (!writeAnnounced(request, sent <= total ? chunk : chunk.subarray(0, total - (sent - chunk.length))))
          return void request.once('drain', pump);
      }
      if (!request.destroyed) request.end();
    };
    pump();
  };
}

/** Writes a byte every 50 ms, never ending: a slow-trickle sender. */
function trickle(request: ClientRequest): void {
  const timer = setInterval(() => (request.destroyed ? clearInterval(timer) : writeAnnounced(request, 'a')), 50);
  request.on('close', () => clearInterval(timer));
}

describe('unsigned requests to the Slack endpoint', () => {
  it('are refused on their headers alone, before any of the body is sent: no signature (401), a stale timestamp (401), a declared length over the limit (413)', async () => {
    const headersOnly = (headers: Record<string, string>) =>
      upload({ ...headers, 'content-length': String(FOUR_MB) }, (request) => request.flushHeaders());
    const stale = { ...forgedHeaders(), 'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000) - 600) };
    const uploads = [headersOnly({}), headersOnly(stale), headersOnly(forgedHeaders())];
    expect(await Promise.all(uploads.map((u) => u.outcome))).toEqual([401, 401, 413]);
    for (const u of uploads) u.request.destroy();
  });

  it(`answers a signed /gsef while 8 clients send 4 MB bodies and 4 trickle, refusing each after at most ${SLACK_BODY_LIMIT_BYTES} bytes (413) or ${SLACK_BODY_DEADLINE_MS} ms (408)`, async () => {
    // Chunked, with no declared length: the guard must count what it reads.
    const floods = Array.from({ length: 8 }, () =>
      upload({ ...forgedHeaders(), 'transfer-encoding': 'chunked' }, writeFast(FOUR_MB)),
    );
    const trickles = Array.from({ length: 4 }, () =>
      upload({ ...forgedHeaders(), 'transfer-encoding': 'chunked' }, trickle),
    );
    await waitFor(() => floods.every((f) => f.written() > 256 * 1024), 'the floods under way');

    const { status, answer } = await sendSlashCommand(env, 'help', 'U1', 'during-flood');
    expect(status).toBe(200);
    expect(answer.text).toBe('GSEF bot commands');

    // Refused for their size, not read to the end and then refused for their signature (401).
    for (const outcome of await Promise.all(floods.map((f) => f.outcome)))
      expect([413, 'ECONNRESET', 'EPIPE']).toContain(outcome);
    expect(await Promise.all(floods.map((f) => f.outcome))).toContain(413);
    expect(await Promise.all(trickles.map((t) => t.outcome))).toEqual([408, 408, 408, 408]);

    expect((await fetch(`${env.slack.url}/healthz`)).status).toBe(200);
    expect(crashes).toEqual([]);
  });

  it('refuses at once (503) a body beyond the budget shared by the unverified bodies being read, and takes bodies again once it is freed', async () => {
    const receiver = new HTTPReceiver({ signingSecret: 'secret', logger: boltLogger(silentLogger) });
    guardSlackRequests(receiver, 'secret', silentLogger, {
      bodyLimitBytes: 1024,
      unverifiedBytesBudget: 2048,
      bodyDeadlineMs: 10_000,
    });
    const server = (await receiver.start({ port: 0, host: '127.0.0.1' })) as Server;
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const holding = [upload(forgedHeaders(), trickle, url), upload(forgedHeaders(), trickle, url)];
      // A few body bytes after the headers: the server has seen the headers and reserved the budget by then.
      const headers = await waitFor(
        () => holding.every((h) => h.written() > 0) && holding.map((h) => h.written()),
        'the two slow requests sent',
      );
      await waitFor(() => holding.every((h, i) => h.written() >= headers[i]! + 3), 'the two slow bodies under way');
      expect(await upload(forgedHeaders(), (request) => request.end('a=1'), url).outcome).toBe(503);
      for (const h of holding) h.request.destroy();
      await Promise.all(holding.map((h) => h.outcome));
      // Read, then refused for its (forged) signature: the budget was given back.
      expect(await upload(forgedHeaders(), (request) => request.end('a=1'), url).outcome).toBe(401);
    } finally {
      await receiver.stop();
    }
  });
});
