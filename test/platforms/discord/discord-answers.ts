import type { APIActionRowComponent, APIButtonComponentWithCustomId, APIEmbed } from 'discord.js';
import { APPLICATION_ID, type FakeDiscord, type RecordedRequest } from './fake-discord.js';
import { waitFor } from '../../support/wait-for.js';

/** What the bot sent the fake Discord in answer to an interaction or a message. */

export interface MessageBody {
  content?: string;
  embeds?: APIEmbed[];
  flags?: number;
  components?: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  allowed_mentions?: { parse?: string[]; replied_user?: boolean };
  message_reference?: { message_id: string };
}

export interface Answer {
  /** How it was sent: 4 a direct reply, 5 deferred then edited. */
  via: 4 | 5;
  data: MessageBody;
  /** Seen only by the person who asked: flags 64 on the answer, or on the deferral it edits. */
  ephemeral: boolean;
  request: RecordedRequest;
}

/** The answer to an interaction: its type 4 callback, or the edit that followed a deferral. */
export async function answerTo(fake: FakeDiscord, interaction: { id: string; token: string }): Promise<Answer> {
  return waitFor(() => {
    const callback = fake
      .requestsTo('POST', new RegExp(`/interactions/${interaction.id}/`))
      .find((r) => r.status === 204 || r.status === 200);
    const body = callback?.body as { type: number; data?: MessageBody } | undefined;
    const ephemeral = ((body?.data?.flags ?? 0) & 64) === 64;
    if (callback && body?.type === 4) return { via: 4 as const, data: body.data ?? {}, ephemeral, request: callback };
    const edit = fake.requestsTo(
      'PATCH',
      new RegExp(`/webhooks/${APPLICATION_ID}/${interaction.token}/messages/@original$`),
    )[0];
    if (edit) return { via: 5 as const, data: edit.body as MessageBody, ephemeral, request: edit };
    return undefined;
  }, `the answer to interaction ${interaction.id}`);
}

/** The bot's reply to a message: a post in `channel` that references it. */
export async function replyTo(
  fake: FakeDiscord,
  channel: string,
  messageId: string,
): Promise<RecordedRequest & { body: MessageBody }> {
  return waitFor(
    () =>
      fake
        .requestsTo('POST', new RegExp(`/channels/${channel}/messages$`))
        .find((r) => (r.body as MessageBody).message_reference?.message_id === messageId) as
        (RecordedRequest & { body: MessageBody }) | undefined,
    `the reply to message ${messageId}`,
  );
}
