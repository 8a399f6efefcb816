import { caveatsFor } from '../domain/caveats.js';
import type { IndexedEvent } from '../domain/indexed-event.js';
import type { ReplyBlock } from '../reply/reply.js';
import type { PresenterContext } from './presenter-context.js';

/** The caveats of the years the events shown belong to, as notes: the 2019 note only under 2019 events. */
export function caveatNotes(ctx: PresenterContext, events: readonly IndexedEvent[]): ReplyBlock[] {
  return caveatsFor(
    ctx.kb,
    events.map((e) => e.event.when),
  ).map((caveat) => ({ type: 'note', text: caveat.text[ctx.lang] }));
}
