import { describe, expect, it } from 'vitest';
import { patched, readCorpus, readInteractions, STACK_TRACE, watchForCrashes } from '../../corpus/corpus.js';
import { sendSlashCommand, SIGNING_SECRET, slackSignature, useTestSlack } from './slack-test-kit.js';

// The real Bolt app over HTTP, its Web API calls going to the fake, fed the malformed-input corpus.

interface BodyCase {
  why: string;
  contentType: string;
  body?: string;
  bodyBase64?: string;
  /** Replaces NEST in the body with an object nested this deep. */
  nest?: number;
  sign?: 'none' | 'wrong-secret' | 'v1' | 'not-hex' | 'timestamp-not-a-number';
  timestampOffset?: number;
  status: number;
}

const bodies = readCorpus<BodyCase[]>('slack-http/bodies.json');
const interactions = readInteractions('slack');

// A payload no listener takes gets Bolt's 404 once nobody acknowledged it: after 200 ms here, not
// Bolt's 3 s; slash commands are acknowledged within 50 ms, well before.
const env = useTestSlack(undefined, undefined, { unhandledRequestTimeoutMs: 200, ackBudgetMs: 50 });
const crashes = watchForCrashes();

function bytesOf(c: BodyCase): Buffer {
  if (c.bodyBase64 !== undefined) return Buffer.from(c.bodyBase64, 'base64');
  const body = c.body ?? '';
  return Buffer.from(
    c.nest === undefined ? body : body.replace('NEST', '{"a":'.repeat(c.nest) + '1' + '}'.repeat(c.nest)),
  );
}

function headersFor(c: BodyCase, body: Buffer): Record<string, string> {
  const timestamp = Math.floor(Date.now() / 1000) + (c.timestampOffset ?? 0);
  const signature = slackSignature(c.sign === 'wrong-secret' ? 'another-secret' : SIGNING_SECRET, timestamp, body);
  const headers: Record<string, string> = { 'content-type': c.contentType };
  if (c.sign === 'none') return headers;
  headers['x-slack-request-timestamp'] = c.sign === 'timestamp-not-a-number' ? 'soon' : String(timestamp);
  headers['x-slack-signature'] =
    c.sign === 'v1' ? signature.replace('v0=', 'v1=') : c.sign === 'not-hex' ? 'v0=' + 'z'.repeat(64) : signature;
  return headers;
}

async function post(body: Buffer, headers: Record<string, string>): Promise<Response> {
  return fetch(`${env.slack.url}/slack/events`, { method: 'POST', headers, body });
}

/** Everything the bot sent anywhere (messages, ephemeral notes, response URLs), as text. */
function everythingSent(): string[] {
  return env.fake.calls
    .filter((c) => c.method !== 'auth.test' && c.method !== 'users.info')
    .map((c) => JSON.stringify(c.body));
}

describe('the Slack HTTP endpoint fed malformed bodies', () => {
  it.each(bodies)('$why: $status', async (c) => {
    const body = bytesOf(c);
    const response = await post(body, headersFor(c, body));
    expect(response.status).toBe(c.status);
    expect(await response.text()).toBe('');
  });

  it('logs each refusal on one line, with the reason and without the body', () => {
    const refusals = env.slack.logs.filter((e) => e.message === 'slack: refused a request');
    expect(refusals.length).toBe(bodies.filter((c) => c.status !== 200).length);
    for (const refusal of refusals) {
      expect(refusal.level).toBe('warn');
      expect(Object.keys(refusal.context).sort()).toEqual(['reason', 'status']);
      expect(String(refusal.context.reason)).not.toContain('event_callback');
    }
  });
});

describe('the Slack HTTP endpoint fed malformed interactivity payloads', () => {
  it.each(interactions.cases)('$why: $outcome', async (c) => {
    const payload = patched(interactions.bases, c, { RESPONSE_URL: env.fake.responseUrl('interaction') });
    const body = Buffer.from(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
    const response = await post(
      body,
      headersFor({ why: c.why, contentType: 'application/x-www-form-urlencoded', status: 0 }, body),
    );
    // Handled: acknowledged (200), or, for a payload no listener takes, Bolt's "nobody acknowledged" 404.
    if (c.outcome === 'refused') expect(response.status).toBe(400);
    else expect([200, 404]).toContain(response.status);
  });
});

describe('after the whole corpus', () => {
  it('answers a valid slash command, having posted no stack trace and raised no uncaught error', async () => {
    const { status, answer } = await sendSlashCommand(env, 'help', 'U1', 'after-corpus');
    expect(status).toBe(200);
    expect(answer.text).toBe('GSEF bot commands');
    expect(everythingSent().filter((text) => STACK_TRACE.test(text))).toEqual([]);
    expect(crashes).toEqual([]);
  });

  it("still answers Slack's checks: url_verification with its challenge, ssl_check signed or not", async () => {
    const verification = Buffer.from(
      JSON.stringify({ token: 'x', challenge: 'the-challenge', type: 'url_verification' }),
    );
    const answered = await post(
      verification,
      headersFor({ why: '', contentType: 'application/json', status: 0 }, verification),
    );
    expect(answered.status).toBe(200);
    expect(await answered.json()).toEqual({ challenge: 'the-challenge' });
    const sslCheck = Buffer.from('token=x&ssl_check=1');
    for (const sign of [undefined, 'none'] as const) {
      const response = await post(
        sslCheck,
        headersFor({ why: '', contentType: 'application/x-www-form-urlencoded', sign, status: 0 }, sslCheck),
      );
      expect(response.status).toBe(200);
    }
  });

  it('still serves /healthz', async () => {
    expect((await fetch(`${env.slack.url}/healthz`)).status).toBe(200);
  });
});
