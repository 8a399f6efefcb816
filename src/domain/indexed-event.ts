import type { CalendarEvent, Place } from '../catalog/schema.js';
import type { EventDate } from './event-date.js';
import type { StatutoryMeeting } from './meetings.js';
import type { PlaceKey } from './search/criterion.js';
import type { Region } from './vocabulary.js';

/** Where and when a version of an event puts it, for filtering. */
export interface EventFacets {
  region: Region | undefined;
  placeKeys: ReadonlySet<PlaceKey>;
  online: boolean;
  /** `YYYY-MM` of every month the version touches. */
  monthKeys: ReadonlySet<string>;
}

/** How a place is placed: what the knowledge base knows of its cities and countries. */
export interface PlaceLookup {
  regionOf(place: Place | undefined): Region | undefined;
  placeKeysOf(place: Place | undefined): Set<PlaceKey>;
}

/**
 * A calendar event with what queries need: the main version's facets, and each other version's.
 * The facets are worked out when first read (a filter on places or periods, or the facet index
 * a server builds in steps after it starts), not when the data loads: at a hundred times the
 * seed, working them out for every event was 70–80 ms of a one-second start.
 */
export class IndexedEvent {
  /** The row's `confirmed`, or its meeting's: a row dating a meeting is confirmed with it. */
  readonly confirmed: boolean;
  /**
   * True when `when` gives the event's own days; false for a month or half-year, and for a rule
   * meeting, whose `when` is the rule's week.
   */
  readonly exactDays: boolean;
  /**
   * The last day it can start on: its first day when its days are known, its week's last day for
   * a rule meeting; undefined when only the month or half-year is known.
   */
  readonly startsBy: string | undefined;
  private facets: { main: EventFacets; others: readonly EventFacets[] } | undefined;

  constructor(
    readonly event: CalendarEvent,
    /** The statutory meeting the event is: a calendar row that dates one, or a meeting with no row. */
    readonly meeting: StatutoryMeeting | undefined,
    /** False for a meeting with no row in events.yaml: it is not one of the calendar's rows. */
    readonly calendarRow: boolean,
    /** Its place in the data's listing: the calendar's rows in events.yaml's order, then the meetings without one. */
    readonly listed: number,
    private readonly places: PlaceLookup,
  ) {
    this.confirmed = event.confirmed || meeting?.meeting.schedule.confirmed === true;
    const ruleWeek = meeting?.body === 'steering-committee' && !meeting.meeting.dated;
    this.exactDays = event.when.precision === 'day' && !ruleWeek;
    this.startsBy = this.exactDays ? event.when.start : ruleWeek ? event.when.end : undefined;
  }

  /** Where and when the main version puts the event. */
  get main(): EventFacets {
    return this.workedOutFacets().main;
  }

  /** One per other version of the seed that moves it, its missing fields taken from the main version. */
  get others(): readonly EventFacets[] {
    return this.workedOutFacets().others;
  }

  private workedOutFacets(): { main: EventFacets; others: readonly EventFacets[] } {
    const { event } = this;
    this.facets ??= {
      main: this.facetsOf(event.when, event.place),
      others: event.otherVersions
        .filter((v) => v.when || v.place)
        .map((v) => this.facetsOf(v.when ?? event.when, v.place ?? event.place)),
    };
    return this.facets;
  }

  private facetsOf(when: EventDate, place: Place | undefined): EventFacets {
    return {
      region: this.places.regionOf(place),
      placeKeys: this.places.placeKeysOf(place),
      online: place?.online === true,
      monthKeys: monthKeysOf(when),
    };
  }
}

function monthKeysOf(date: EventDate): Set<string> {
  const keys = new Set<string>();
  let [year, month] = date.start.split('-').map(Number) as [number, number];
  const last = date.end.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    keys.add(key);
    if (key >= last) return keys;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}
