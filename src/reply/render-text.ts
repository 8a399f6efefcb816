import { labelled } from '../i18n/typography.js';
import { plainText, type Reply, type ReplyBlock } from './reply.js';

/**
 * Plain text for the console and logs: a title, then each block, separated by blank lines. A
 * reply that carries a file (the .ics calendar, a newsletter draft) is the file itself, so that
 * `gsef calendar > gsef.ics` works. A time is written as its text: in the zone of the person it
 * was written for, with the organiser's alongside.
 */
export function renderText(reply: Reply): string {
  if (reply.attachment) return reply.attachment.content;
  return [reply.title, ...reply.blocks.map(renderBlock)].join('\n\n');
}

function renderBlock(block: ReplyBlock): string {
  switch (block.type) {
    case 'text':
      return block.text;
    case 'note':
      return `(${block.text})`;
    case 'fields':
      return block.fields.map((f) => labelled(block.lang, f.label, plainText(f.value))).join('\n');
    case 'list': {
      const items = block.items.map((item) =>
        [`• ${item.title}`, ...item.details.map((d) => `    ${plainText(d)}`)].join('\n'),
      );
      return block.heading ? [block.heading, ...items].join('\n') : items.join('\n');
    }
  }
}
