/**
 * The loopback Slack (Web API and Socket Mode) and Discord (REST and gateway) that one app under
 * measurement talks to: the test suite's fakes, in the measuring process, never in the app's.
 * Each app gets its own set, so that the load generator knows whose answer an answer is.
 */
import { APPLICATION_ID, FakeDiscord } from '../test/platforms/discord/fake-discord.js';
import { FakeSlackApi } from '../test/platforms/slack/fake-slack-api.js';
import { FakeSocketMode } from '../test/platforms/slack/fake-socket-mode.js';

export interface PlatformFakes {
  slackApi: FakeSlackApi;
  socketMode: FakeSocketMode;
  discord: FakeDiscord;
  /** The settings that point an app (the bot or a bare one) at these fakes, Socket Mode and Discord both. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startPlatformFakes(): Promise<PlatformFakes> {
  const slackApi = await FakeSlackApi.start();
  const socketMode = await FakeSocketMode.start(slackApi);
  const discord = await FakeDiscord.start();
  // The fakes keep every call and frame for tests to read; a benchmark sends hundreds of thousands.
  // (The gateway's own packets, a heartbeat every 41 s, are kept: the driver reads them to see a session start.)
  const forget = setInterval(() => {
    slackApi.calls.length = 0;
    slackApi.arrived.length = 0;
    socketMode.received.length = 0;
    discord.requests.length = 0;
  }, 1000).unref();
  return {
    slackApi,
    socketMode,
    discord,
    env: {
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_APP_TOKEN: 'xapp-bench',
      SLACK_API_URL: slackApi.apiUrl,
      DISCORD_TOKEN: 'bench-token',
      DISCORD_APPLICATION_ID: APPLICATION_ID,
      DISCORD_API_URL: discord.baseUrl,
    },
    async close() {
      clearInterval(forget);
      await Promise.all([socketMode.close(), discord.close()]);
      await slackApi.close();
    },
  };
}
