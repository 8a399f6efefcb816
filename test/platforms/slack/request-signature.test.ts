import { describe, expect, it } from 'vitest';
import { sendSlashCommand, slackSignature, useTestSlack } from './slack-test-kit.js';

// Slack's worked example from "Verifying requests from Slack" (docs.slack.dev/authentication/verifying-requests-from-slack).
const EXAMPLE = {
  secret: '8f742231b10e8888abcd99yyyzzz85a5',
  timestamp: 1531420618,
  body:
    'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar' +
    '&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com' +
    '%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
  signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
};

const env = useTestSlack();

describe('request signatures', () => {
  it("gives exactly the signature of Slack's published example", () => {
    expect(slackSignature(EXAMPLE.secret, EXAMPLE.timestamp, EXAMPLE.body)).toBe(EXAMPLE.signature);
  });

  it('signs requests the way the real app verifies them', async () => {
    const { status, answer } = await sendSlashCommand(env, 'help', 'U1', 'signed');
    expect(status).toBe(200);
    expect(answer.text).toBe('GSEF bot commands');
  });
});
