import type { webApi } from '@slack/bolt';
import type { Reply } from '../../reply/reply.js';

type Attachment = NonNullable<Reply['attachment']>;

/** Uploads a reply's file (the .ics calendar) to a channel or DM, in a thread when given. Rejects with Slack's error. */
export async function uploadAttachment(
  client: webApi.WebClient,
  channel: string,
  attachment: Attachment,
  threadTs?: string,
): Promise<void> {
  const file = {
    file: Buffer.from(attachment.content, 'utf8'),
    filename: attachment.filename,
    title: attachment.filename,
  };
  await (threadTs
    ? client.filesUploadV2({ channel_id: channel, thread_ts: threadTs, ...file })
    : client.filesUploadV2({ channel_id: channel, ...file }));
}

/** The id of the bot's direct-message channel with a user (needs the im:write scope). */
export async function directMessageChannel(client: webApi.WebClient, userId: string): Promise<string> {
  const opened = await client.conversations.open({ users: userId });
  const id = opened.channel?.id;
  if (!id) throw new Error(`conversations.open gave no channel for ${userId}`);
  return id;
}
