import { describe, expect, it } from 'vitest';
import { reply } from '../../src/reply/reply.js';
import { renderedOnce } from '../../src/reply/rendered-once.js';

describe('renderedOnce', () => {
  it('renders a frozen reply once per key, and a reply that may change every time', () => {
    const rendered = renderedOnce<string>();
    let renders = 0;
    const render = () => `rendering ${++renders}`;
    const kept = Object.freeze(reply('ok', 'Kept'));
    expect([rendered(kept, 'en', render), rendered(kept, 'en', render), rendered(kept, 'fr', render)]).toEqual([
      'rendering 1',
      'rendering 1',
      'rendering 2',
    ]);
    const mutable = reply('ok', 'Fresh');
    expect([rendered(mutable, 'en', render), rendered(mutable, 'en', render)]).toEqual(['rendering 3', 'rendering 4']);
  });
});
