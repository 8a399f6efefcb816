import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { AgendaProposals } from './agenda-proposals.js';
import { AttendanceBook } from './attendance.js';
import { MinutesBook } from './minutes.js';

/** The steering committee's meeting desk, kept in the store: who will attend, what members propose, what was decided. */
export interface MeetingDesk {
  attendance: AttendanceBook;
  proposals: AgendaProposals;
  minutes: MinutesBook;
}

export function meetingDesk(store: Store, logger: Logger): MeetingDesk {
  return {
    attendance: new AttendanceBook(store.values, logger),
    proposals: new AgendaProposals(store.values, store.counters, store.claims),
    minutes: new MinutesBook(store.values, logger),
  };
}
