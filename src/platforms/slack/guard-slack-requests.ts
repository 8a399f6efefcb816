import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BufferedIncomingMessage, HTTPReceiver } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import { parseHTTPRequestBody } from './bolt.js';
import { slackPayloadProblem } from './check-slack-payload.js';
import { slackSignatureCheck } from './slack-signature.js';

/**
 * The largest body read from anyone before its signature is checked. Slack's largest payloads
 * carry one message twice (its text and its rich-text blocks): a message is at most 40,000
 * characters (Slack truncates longer ones), so about 100 KB for text in the forum's languages
 * (mostly ASCII, 2-byte accents) even form-encoded, and interactivity payloads from the bot's own
 * messages (blocks and buttons) are tens of KB. 512 KiB fits them all with room; only a maximal
 * message written entirely in a non-Latin script could exceed it (and news over 4,000 characters
 * is refused anyway).
 */
export const SLACK_BODY_LIMIT_BYTES = 512 * 1024;

/**
 * Bodies being read and not yet verified may hold this much memory together (64 maximal bodies);
 * a request beyond it is refused with 503 at once (Slack retries an event it could not deliver).
 */
export const UNVERIFIED_BYTES_BUDGET = 64 * SLACK_BODY_LIMIT_BYTES;

/** A body still arriving after this is refused (408): Slack sends its requests at once, and gives up on an answer after 3 s. */
export const SLACK_BODY_DEADLINE_MS = 5_000;

/** Slack accepts a request only within five minutes of its timestamp, either way; so does the guard. */
const TIMESTAMP_WINDOW_SECONDS = 5 * 60;

/** An unsigned request may only be Slack's `ssl_check=1` probe (a token and that flag): this is room enough for it. */
const SSL_CHECK_LIMIT_BYTES = 1024;

const SIGNATURE = /^v0=[0-9a-f]{64}$/;

export interface SlackRequestLimits {
  bodyLimitBytes: number;
  unverifiedBytesBudget: number;
  bodyDeadlineMs: number;
}

const DEFAULT_LIMITS: SlackRequestLimits = {
  bodyLimitBytes: SLACK_BODY_LIMIT_BYTES,
  unverifiedBytesBudget: UNVERIFIED_BYTES_BUDGET,
  bodyDeadlineMs: SLACK_BODY_DEADLINE_MS,
};

class Refusal {
  constructor(
    readonly status: 400 | 401 | 408 | 413 | 503,
    readonly reason: string,
  ) {}
}

/**
 * Puts a guard in front of Bolt's HTTPReceiver for POSTs to its events endpoint; other routes
 * (`/healthz`) go straight through. Bolt reads a whole body (up to 4 MB), form-parses it and only
 * then checks the signature, and a signed body that parses to `null` makes it throw outside any
 * handler, which ends the process. The guard instead refuses, before reading a byte, a request
 * without well-formed signature headers (401) or with a timestamp outside Slack's five-minute
 * window (401) or a declared length over the limit (413); reads at most the limit within a
 * deadline (413, 408), within a budget shared by all unverified bodies (503); checks the
 * signature on the raw bytes (401; slack-signature.ts); parses with Bolt's own parser and
 * checks the payload's shape (400). Only then is the request handed to Bolt, its body already
 * read (Bolt reuses `rawBody`); the receiver is built without its own signature check, which would
 * only repeat this one (start-slack.ts), so nothing reaches the endpoint that the guard did not verify.
 * Replacing the receiver's `requestListener` (a public property its server calls per request)
 * keeps Bolt's receiver whole: routing, acknowledgement, ssl_check and url_verification answers.
 */
export function guardSlackRequests(
  receiver: HTTPReceiver,
  signingSecret: string,
  logger: Logger,
  limits: SlackRequestLimits = DEFAULT_LIMITS,
  endpoint = '/slack/events',
): void {
  const boltListener = receiver.requestListener;
  const signatureMatches = slackSignatureCheck(signingSecret);
  let unverifiedBytes = 0;

  const admit = async (request: IncomingMessage): Promise<BufferedIncomingMessage> => {
    const signed = signatureHeaders(request);
    const declared = Number(request.headers['content-length'] ?? 0);
    const limit = signed ? limits.bodyLimitBytes : SSL_CHECK_LIMIT_BYTES;
    if (!signed) {
      if (!isForm(request) || declared > limit) throw new Refusal(401, 'no valid signature headers');
    } else if (Math.abs(Date.now() / 1000 - Number(signed.timestamp)) > TIMESTAMP_WINDOW_SECONDS) {
      throw new Refusal(401, 'timestamp outside the five-minute window');
    }
    if (declared > limit) throw new Refusal(413, `declared body over ${limit} bytes`);
    if (unverifiedBytes + limit > limits.unverifiedBytesBudget)
      throw new Refusal(503, 'too many unverified bodies at once');
    unverifiedBytes += limit;
    let buffered: BufferedIncomingMessage;
    try {
      // Bolt reads `rawBody` instead of the stream when it is there.
      buffered = Object.assign(request, { rawBody: await readBody(request, limit, limits.bodyDeadlineMs) });
    } finally {
      unverifiedBytes -= limit;
    }
    // Bolt answers an unsigned `ssl_check=1` itself; anything else unsigned is refused. What else the
    // body holds is dropped, so that no unsigned payload travels with it (Bolt's own check did this).
    if (!signed) {
      if (new URLSearchParams(buffered.rawBody.toString('utf8')).get('ssl_check') !== '1')
        throw new Refusal(401, 'no valid signature headers');
      buffered.rawBody = Buffer.from('ssl_check=1');
      return buffered;
    }
    if (!signatureMatches(signed.timestamp, buffered.rawBody, signed.signature))
      throw new Refusal(401, 'signature mismatch');
    const problem = payloadProblem(buffered);
    if (problem) throw new Refusal(400, problem);
    return buffered;
  };

  receiver.requestListener = (request, response) => {
    if (request.method !== 'POST' || new URL(request.url ?? '/', 'http://localhost').pathname !== endpoint) {
      boltListener(request, response);
      return;
    }
    admit(request).then(
      (buffered) => boltListener(buffered, response),
      (error: unknown) => {
        const refusal =
          error instanceof Refusal ? error : new Refusal(400, `unreadable request (${(error as Error).message})`);
        logger.warn('slack: refused a request', { status: refusal.status, reason: refusal.reason });
        refuse(response, refusal.status);
      },
    );
  };
}

/** The signature headers when well-formed; the timestamp as sent, which is what Slack signs. */
function signatureHeaders(request: IncomingMessage): { signature: string; timestamp: string } | undefined {
  const signature = request.headers['x-slack-signature'];
  const timestamp = request.headers['x-slack-request-timestamp'];
  if (
    typeof signature !== 'string' ||
    !SIGNATURE.test(signature) ||
    typeof timestamp !== 'string' ||
    !/^\d{1,12}$/.test(timestamp)
  )
    return undefined;
  return { signature, timestamp };
}

function isForm(request: IncomingMessage): boolean {
  return request.headers['content-type'] === 'application/x-www-form-urlencoded';
}

/** Parses as Bolt will (form fields, or JSON, or the JSON of a form's `payload` field) and checks the shape. */
function payloadProblem(request: BufferedIncomingMessage): string | undefined {
  let payload: unknown;
  try {
    payload = parseHTTPRequestBody(request);
  } catch {
    return 'the body is not valid JSON';
  }
  // Bolt answers these two before looking any further.
  if ((payload as { ssl_check?: unknown } | null)?.ssl_check === '1') return undefined;
  return slackPayloadProblem(payload);
}

/** Reads the body: at most `limit` bytes, within `deadlineMs`. */
function readBody(request: IncomingMessage, limit: number, deadlineMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const finish = (error?: Refusal | Error) => {
      clearTimeout(timer);
      request.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      if (error) {
        // What is left of the body is not read: the connection closes with the answer.
        request.pause();
        reject(error);
      } else resolve(Buffer.concat(chunks, length));
    };
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length > limit) finish(new Refusal(413, `body over ${limit} bytes`));
      else chunks.push(chunk);
    };
    const onEnd = () => finish();
    const onError = (error: Error) => finish(error);
    // Before 'end', a close means the client went away mid-body.
    const onClose = () => finish(new Error('the client went away'));
    const timer = setTimeout(() => finish(new Refusal(408, `body not received within ${deadlineMs} ms`)), deadlineMs);
    request.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

/** An empty answer that closes the connection, so that the rest of a refused body is never read. */
function refuse(response: ServerResponse, status: number): void {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(status, { connection: 'close', 'content-length': '0' });
  response.end();
}
