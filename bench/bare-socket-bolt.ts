/**
 * The baseline of the Socket Mode path: a bare Bolt app in Socket Mode, same Bolt version as the
 * bot, that acknowledges `/gsef` with a constant string. Connects through SLACK_API_URL's
 * apps.connections.open, as the bot does.
 */
import { App } from '@slack/bolt';

const clientOptions = { slackApiUrl: process.env.SLACK_API_URL, retryConfig: { retries: 0 } };
const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  appToken: process.env.SLACK_APP_TOKEN,
  socketMode: true,
  clientOptions,
  installerOptions: { clientOptions },
});
app.command('/gsef', async ({ ack }) => {
  await ack('ok');
});
await app.start();
