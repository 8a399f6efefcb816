import { describe, expect, it } from 'vitest';
import { slackSignatureCheck } from '../../../src/platforms/slack/slack-signature.js';
import { slackSignature } from './slack-test-kit.js';

// Slack's worked example from "Verifying requests from Slack" (docs.slack.dev/authentication/verifying-requests-from-slack).
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const TIMESTAMP = '1531420618';
const BODY = Buffer.from(
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar' +
    '&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com' +
    '%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
);
const SIGNATURE = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';

describe('Slack request signatures', () => {
  const check = slackSignatureCheck(SECRET);

  it("accepts Slack's published example", () => {
    expect(check(TIMESTAMP, BODY, SIGNATURE)).toBe(true);
  });

  it('refuses the example with one byte of the body, the timestamp or the signature changed, or another secret', () => {
    const body = Buffer.from(BODY);
    body.writeUInt8(body.readUInt8(body.length - 1) ^ 1, body.length - 1);
    expect(check(TIMESTAMP, body, SIGNATURE)).toBe(false);
    expect(check('1531420619', BODY, SIGNATURE)).toBe(false);
    expect(check(TIMESTAMP, BODY, `${SIGNATURE.slice(0, -1)}a`)).toBe(false);
    expect(slackSignatureCheck(`${SECRET}x`)(TIMESTAMP, BODY, SIGNATURE)).toBe(false);
  });

  it('refuses a signature of another length without comparing it (no exception)', () => {
    expect(check(TIMESTAMP, BODY, SIGNATURE.slice(0, -2))).toBe(false);
    expect(check(TIMESTAMP, BODY, `${SIGNATURE}00`)).toBe(false);
    expect(check(TIMESTAMP, BODY, '')).toBe(false);
  });

  it("checks the body's bytes as sent, also when they are not valid UTF-8", () => {
    const body = Buffer.concat([Buffer.from('text='), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('&x=é')]);
    expect(check(TIMESTAMP, body, slackSignature(SECRET, TIMESTAMP, body))).toBe(true);
    // The bytes decoded and encoded again (each bad byte becomes U+FFFD) are another body.
    expect(check(TIMESTAMP, Buffer.from(body.toString('utf8')), slackSignature(SECRET, TIMESTAMP, body))).toBe(false);
  });

  it('checks the timestamp as sent: a number written otherwise is another timestamp', () => {
    expect(check(`0${TIMESTAMP}`, BODY, slackSignature(SECRET, `0${TIMESTAMP}`, BODY))).toBe(true);
    expect(check(`0${TIMESTAMP}`, BODY, SIGNATURE)).toBe(false);
  });
});
