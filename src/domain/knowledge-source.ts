import type { KnowledgeBase } from './knowledge-base.js';

/**
 * Where the running bot gets its knowledge: the version of the data that is current now. Whoever
 * reads it takes it once per piece of work (an answer, a reminder pass) and keeps it to the end,
 * so that work begun on one version finishes on it, even when a newer one is swapped in meanwhile.
 */
export interface KnowledgeSource {
  current(): KnowledgeBase;
}

/** Knowledge that never changes: one-shot answers, and tests. */
export function fixedKnowledge(kb: KnowledgeBase): KnowledgeSource {
  return { current: () => kb };
}
