import type { ChannelPoster } from '../running-platform.js';
import { renderText } from '../../reply/render-text.js';

/** Reminders for a console target are printed, for the secretariat's terminal and the logs. */
export function consolePoster(write: (text: string) => void = (text) => process.stdout.write(text)): ChannelPoster {
  return {
    async post(channel, reply) {
      write(`\n[${channel}] ${renderText(reply)}\n\n`);
    },
  };
}
