/**
 * The loopback stand-ins for Slack and Discord that the benchmark's bot talks to, in a process of
 * their own so that they take no CPU from the apps measured. Prints their addresses as one JSON
 * line, then serves until killed. (They are the test suite's fakes.)
 */
import { FakeDiscord } from '../test/platforms/discord/fake-discord.js';
import { FakeSlackApi } from '../test/platforms/slack/fake-slack-api.js';

const slack = await FakeSlackApi.start();
const discord = await FakeDiscord.start();
// The fakes keep every call for tests to read; a benchmark sends hundreds of thousands.
setInterval(() => {
  slack.calls.length = 0;
  discord.requests.length = 0;
}, 1000).unref();
process.stdout.write(
  `${JSON.stringify({ slackApiUrl: slack.apiUrl, slackBaseUrl: slack.baseUrl, discordBaseUrl: discord.baseUrl })}\n`,
);
