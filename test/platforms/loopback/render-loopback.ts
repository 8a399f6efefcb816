import { renderText } from '../../../src/reply/render-text.js';
import type { Reply, ReplyAction } from '../../../src/reply/reply.js';

/** What a message shows on the loopback platform: plain text, and buttons under it. */
export interface LoopbackContent {
  text: string;
  /** Each runs its command as whoever presses it. */
  buttons: readonly ReplyAction[];
}

/** The neutral reply as the loopback platform shows it: the console's plain text, its actions as buttons. */
export function renderLoopback(reply: Reply): LoopbackContent {
  return { text: renderText(reply), buttons: reply.actions ?? [] };
}
