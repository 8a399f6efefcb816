import { steeringMeetingsOfYear, type SteeringMeeting } from '../domain/meetings.js';
import type { KnowledgeBase } from '../domain/knowledge-base.js';

/**
 * The steering-committee meeting a proposal names by id (`sc-2027-q1`), as the data dates it now;
 * undefined when the data no longer has a meeting of that id (a dated occurrence given another id).
 */
export function steeringMeetingById(kb: KnowledgeBase, id: string): SteeringMeeting | undefined {
  const year = Number(/^sc-(\d{4})-/.exec(id)?.[1]);
  const candidates = Number.isInteger(year) ? steeringMeetingsOfYear(kb, year) : [];
  return (
    candidates.find((m) => m.id === id) ??
    kb.catalog.meetings.steeringCommittee.occurrences
      .filter((o) => o.id === id)
      .flatMap((o) => steeringMeetingsOfYear(kb, o.year).filter((m) => m.id === id))[0]
  );
}
