import type { Bot } from '../../../src/bot.js';
import type { Asker } from '../../../src/domain/asker.js';
import type { NewsIntake } from '../../../src/news/direct-message-news.js';
import { reply, type Reply } from '../../../src/reply/reply.js';
import { BOT, type LoopbackMessage, type LoopbackSpace } from './loopback-space.js';
import { renderLoopback, type LoopbackContent } from './render-loopback.js';

/**
 * What the loopback platform's people do, handed to the bot as every platform hands it: a command
 * (`bot.answer`), a question to the bot (`bot.answerQuestion`), a direct message and a message
 * marked as news (the core's NewsIntake), a button pressed (its command, run as the presser).
 * Answers to commands and buttons are for the person alone (returned, as an ephemeral message);
 * answers to direct messages are said in the conversation. A failure is logged, and the person
 * gets the short apology in their language.
 */
export class LoopbackPeople {
  private listening = true;

  constructor(
    private readonly bot: Bot,
    private readonly intake: NewsIntake,
    private readonly space: LoopbackSpace,
    private readonly asker: (personId: string) => Promise<Asker>,
  ) {}

  /** `personId` types a command (`next-event`, `/gsef newsletter approve 3`). */
  command(personId: string, text: string): Promise<LoopbackContent> {
    return this.answer(personId, (asker) => this.bot.answer(text, asker));
  }

  /** `personId` asks the bot a question in their own words. */
  question(personId: string, text: string): Promise<LoopbackContent> {
    return this.answer(personId, (asker) => this.bot.answerQuestion(text, asker));
  }

  /** `personId` writes to the bot directly: news, a question, or small talk, as the news intake tells them apart. */
  async directMessage(personId: string, text: string): Promise<LoopbackMessage> {
    this.ensureListening();
    const sent = this.space.sayDirectly(personId, personId, { text, buttons: [] });
    const answer = await this.answer(personId, (asker) =>
      this.intake.directMessage({ text, origin: { channel: `direct:${personId}`, messageId: sent.id } }, asker),
    );
    return this.space.sayDirectly(personId, BOT, answer);
  }

  /** `personId` writes in a channel, for everyone there to read. */
  say(personId: string, channel: string, text: string): LoopbackMessage {
    this.ensureListening();
    return this.space.postIn(channel, personId, { text, buttons: [] });
  }

  /**
   * `personId` marks a person's message in a channel as news: it is queued as its author's, and
   * the answer is for the one who marked it. (Only people's messages can be marked here: the
   * bot's own are not news.)
   */
  async mark(personId: string, channel: string, messageId: string): Promise<LoopbackContent> {
    const message = this.space.channel(channel).find((m) => m.id === messageId && m.from !== BOT);
    if (!message) throw new Error(`no message ${messageId} of a person in ${channel}`);
    return this.answer(personId, async (marker) =>
      this.intake.submit(
        { text: message.text, origin: { channel, messageId } },
        message.from === personId ? marker : await this.asker(message.from),
        marker,
      ),
    );
  }

  /** `personId` presses the button labelled `label` under `message`. */
  async press(personId: string, message: LoopbackContent, label: string): Promise<LoopbackContent> {
    const button = message.buttons.find((b) => b.label === label);
    if (!button) {
      const labels = message.buttons.map((b) => `"${b.label}"`).join(', ') || 'none';
      throw new Error(`no button "${label}" under the message; its buttons: ${labels}`);
    }
    return this.command(personId, button.command);
  }

  /** Nothing people do reaches the bot any more. */
  stopListening(): void {
    this.listening = false;
  }

  private async answer(personId: string, produce: (asker: Asker) => Promise<Reply>): Promise<LoopbackContent> {
    this.ensureListening();
    const asker = await this.asker(personId);
    try {
      return renderLoopback(await produce(asker));
    } catch (error) {
      this.bot.logger.error('loopback: could not answer', { asker, error });
      return renderLoopback(reply('error', this.bot.t(await this.bot.languageOf(asker), 'errors.apology')));
    }
  }

  private ensureListening(): void {
    if (!this.listening) throw new Error('the loopback platform has stopped');
  }
}
