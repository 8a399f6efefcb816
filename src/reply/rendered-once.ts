import { BoundedMap } from '../bounded-map.js';
import type { Reply } from './reply.js';

/**
 * How many renderings of one reply are kept: one per way it was asked for (the text typed, the
 * language), and people type the same question in few ways.
 */
const RENDERINGS_PER_REPLY = 16;

/**
 * Renders a reply for a platform once per `key` for as long as the reply lives, when the reply is
 * frozen: a reply that cannot change renders the same every time (a renderer reads only the reply,
 * the key's inputs, and the fixed words of the locale files), so its rendering is kept with it and
 * goes when the bot's answer cache lets the reply go. A reply that is not frozen (one computed for
 * this asker alone) is rendered each time.
 */
export function renderedOnce<Rendered>(): (reply: Reply, key: string, render: () => Rendered) => Rendered {
  const renderings = new WeakMap<Reply, BoundedMap<string, Rendered>>();
  return (reply, key, render) => {
    if (!Object.isFrozen(reply)) return render();
    let ofReply = renderings.get(reply);
    if (!ofReply) renderings.set(reply, (ofReply = new BoundedMap(RENDERINGS_PER_REPLY)));
    let rendered = ofReply.get(key);
    if (rendered === undefined) ofReply.set(key, (rendered = render()));
    return rendered;
  };
}
