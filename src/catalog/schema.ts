/**
 * The format of the YAML files under `data/`, as zod schemas. This file is the documentation of
 * the data: every field a data file may hold is declared here, with what it means.
 *
 * Cross-references (a city id, a member id, an event id) are checked after parsing, in
 * `check-references.ts`, because they span files.
 */
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { platformName } from '../domain/asker.js';
import { EVENT_DATE_FORMS, parseEventDate, type EventDate } from '../domain/event-date.js';
import {
  CATEGORIES,
  LANGS,
  MEMBER_KINDS,
  MEETING_FORMATS,
  PERSON_ROLES,
  REGIONS,
  ROLES,
  ROLES_FOR_A_MEMBER,
} from '../domain/vocabulary.js';

/*
 * Every text has a length cap: generous for the data (its longest paragraph is under 400
 * characters), tight enough that a runaway value is refused at once, at its line, instead of
 * reaching the code that checks or shows it. A cap is checked first and stops the other checks.
 */
export const capped = (max: number) => z.string().max(max, { error: `must be at most ${max} characters`, abort: true });

/** A name, an alias, a source note: one line of text. */
export const label = capped(200).min(1);

/** A paragraph of prose. */
export const paragraph = capped(2000).min(1);

/** A Slack or Discord id (channel, user, role), or a console name. */
export const platformId = capped(100).min(1);

/** A lowercase identifier made of letters, digits and dashes: `asia-policy-dialogue-2019`. */
export const slug = capped(80).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase letters, digits and dashes');

/** An ISO 3166-1 alpha-2 country code: `KR`, `FR`. */
export const countryCode = capped(2).regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as KR');

/** A text in the three working languages. `fr` is the seed's own wording. */
export const localizedText = z.strictObject({
  en: paragraph,
  fr: paragraph,
  es: paragraph,
});

/** A date in one of the seed's precisions; see `EventDate`. */
export const eventDate = capped(40)
  .transform((text, ctx): EventDate => {
    const parsed = parseEventDate(text);
    if ('error' in parsed) {
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }
    return parsed;
  })
  .describe(EVENT_DATE_FORMS);

/** An IANA time zone name, checked against the zones the runtime knows. */
export const timeZone = capped(64).refine((zone) => IANAZone.isValidZone(zone), {
  message: 'must be an IANA time zone such as Asia/Seoul',
});

/** A local time of day, 24-hour clock: `09:00`, `14:30`. */
export const timeOfDay = capped(5).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as 14:00');

/** Where something takes place: a city, a whole country (`Corée`), or online. Exactly one. */
export const place = z
  .strictObject({
    city: slug.optional(),
    country: countryCode.optional(),
    online: z.literal(true).optional(),
  })
  .refine((p) => [p.city, p.country, p.online].filter((v) => v !== undefined).length === 1, {
    message: 'give exactly one of city, country or online',
  });

/** A partner organisation: a proper name, or a name that differs by language (OCDE / OECD). */
export const partner = z.union([label, localizedText]);

/**
 * Another version of the same fact, where the seed contradicts itself. The main calendar's
 * version is the primary one; this records the other and where it comes from, so answers can
 * show both.
 */
export const otherVersion = z.strictObject({
  /** Where in the seed this version stands, e.g. "networking list (section 3)". */
  source: localizedText,
  when: eventDate.optional(),
  title: localizedText.optional(),
  place: place.optional(),
  format: z.enum(MEETING_FORMATS).optional(),
  note: localizedText.optional(),
});

// ---------------------------------------------------------------- data/places.yaml

export const country = z.strictObject({
  name: localizedText,
  region: z.enum(REGIONS),
  /** Other names people type: `Corée du Sud`, `Korea`. */
  aliases: z.array(label).default([]),
});

export const city = z.strictObject({
  name: localizedText,
  country: countryCode,
  /** Spellings found in the seed or typed by users: `Medelline`, `ville de Mexico`. */
  aliases: z.array(label).default([]),
});

export const placesFile = z.strictObject({
  countries: z.record(countryCode, country),
  cities: z.record(slug, city),
});

// ---------------------------------------------------------------- data/events.yaml

export const event = z.strictObject({
  id: slug,
  when: eventDate,
  title: localizedText,
  /**
   * Names people use for the event that its titles do not hold (the French or Spanish name of a
   * title the seed leaves in English): searched like the title, never shown.
   */
  aliases: z.array(label).default([]),
  /** Absent where the seed gives no place (the research contract's signature): "to be confirmed". */
  place: place.optional(),
  category: z.enum(CATEGORIES),
  partners: z.array(partner).default([]),
  /** Members (ids from members.yaml) that take part, host or co-organise. */
  involves: z.array(slug).default([]),
  /** The programme (id from programmes.yaml) this event belongs to. */
  programme: slug.optional(),
  /** The seed marks most dates and places "à confirmer": every event is tentative unless this is true. */
  confirmed: z.boolean().default(false),
  /**
   * How many times the event's date, place or title were corrected since the calendar was first
   * published: raise it by one with each correction. It is the .ics SEQUENCE, which tells calendar
   * applications that imported the event to replace it (see presenters/ics.ts).
   */
  revision: z.number().int().min(0).default(0),
  /** Where in the seed the row stands, e.g. "calendar row 12". */
  source: label,
  otherVersions: z.array(otherVersion).default([]),
});

/** A note on one year's facts, shown with every answer that holds an event of that year, and with no other. */
export const caveat = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  text: localizedText,
});

export const eventsFile = z.strictObject({
  /** The seed's own caveats ("most dates of the 2019 programme are to be confirmed"), each for its year. */
  caveats: z.array(caveat).default([]),
  events: z.array(event).min(1),
});

// ---------------------------------------------------------------- data/members.yaml

export const role = z.strictObject({
  role: z.enum(ROLES),
  /** The year the role was given, where the seed says it (advisors "named in 2018"). */
  since: z.number().int().min(2000).max(2100).optional(),
});

export const member = z.strictObject({
  id: slug,
  name: localizedText,
  kind: z.enum(MEMBER_KINDS),
  /** City or country where the seed places the member; absent means "to be confirmed". */
  city: slug.optional(),
  country: countryCode.optional(),
  /** For members with no city or country: the region they serve (`global` for international networks). */
  region: z.enum(REGIONS).optional(),
  roles: z.array(role).min(1),
  aliases: z.array(label).default([]),
  note: localizedText.optional(),
  source: label,
  /** Where the seed gives the member another role elsewhere (Seoul in strategic orientation 4): shown with the table's. */
  otherVersions: z.array(otherVersion).default([]),
});

/** A number the seed gives as a range ("2/3" advisors to be named): `min` to `max`. */
export const countRange = z
  .strictObject({ min: z.number().int().min(0), max: z.number().int().positive() })
  .refine((r) => r.min <= r.max, { message: 'min must not exceed max' });

export const vacancy = z.strictObject({
  role: z.enum(ROLES),
  /** How many places are still to be filled. */
  count: countRange,
  /** The year they are to be filled in. */
  year: z.number().int(),
  /** How many there will be in all once they are (the seed's "Total"). */
  total: countRange,
  note: localizedText,
});

export const membersFile = z.strictObject({
  /** Member count in the seed ("de 49 à 100"): the directory lists only the members the seed names. */
  memberCount: z.strictObject({ current: z.number().int().positive(), target: z.number().int().positive(), by: label }),
  members: z.array(member).min(1),
  /** Places announced but not yet filled, such as the 2 or 3 advisors to be named in 2019. */
  vacancies: z.array(vacancy).default([]),
});

// ---------------------------------------------------------------- data/meetings.yaml

/** The seed's week of a month: `last`, or 1 to 4 (week n is days 7n-6 to 7n). */
export const weekOfMonth = z.union([z.literal('last'), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type WeekOfMonth = z.infer<typeof weekOfMonth>;

export const quarterRule = z.strictObject({
  quarter: z.number().int().min(1).max(4),
  month: z.number().int().min(1).max(12),
  week: weekOfMonth,
  format: z.enum(MEETING_FORMATS),
});

/**
 * What a meeting may add once it is settled: `confirmed` (on its own day only), the time it starts
 * in its zone (the settings' zone by default) and for how long, and the address to join it online.
 */
const meetingSchedule = {
  /** True only when the secretariat has confirmed the day (and time, if given). */
  confirmed: z.boolean().default(false),
  /** Local start time, 24-hour clock: `14:00`. Only for a meeting on one given day. */
  time: timeOfDay.optional(),
  /** The zone of `time`; data/settings.yaml's `timeZone` when absent. */
  timeZone: timeZone.optional(),
  /** How long it lasts, as an ISO 8601 duration: `PT2H`, `PT1H30M`. Only with `time`. */
  duration: capped(20)
    .regex(/^PT(?=\d)(\d{1,2}H)?(\d{1,3}M)?$/, 'must be a duration in hours and minutes such as PT2H or PT1H30M')
    .optional(),
  /**
   * Raise by one with each correction of the date, time or place once the meeting is dated: with
   * the meeting's dating and confirming, it makes the .ics SEQUENCE (see presenters/ics.ts).
   */
  revision: z.number().int().min(0).default(0),
  /** Where to join online: an https address. */
  link: capped(2048)
    .refine(isJoinLink, {
      message: 'must be an https address such as https://meet.example.org/gsef, without a user name or password',
    })
    .optional(),
};

/** An https address with a host and no credentials (which would hide the real host): what a "Join" link may be. */
function isJoinLink(text: string): boolean {
  if (/\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** The checks of a meeting's schedule against its date: what a meeting of several days or of no known day cannot carry. */
function checkSchedule(
  meeting: { when: EventDate; year: number; confirmed: boolean; time?: string; timeZone?: string; duration?: string },
  ctx: z.RefinementCtx,
): void {
  const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (meeting.when.start.slice(0, 4) !== String(meeting.year) || meeting.when.end.slice(0, 4) !== String(meeting.year))
    problem('when', `must fall in ${meeting.year}, the meeting's year`);
  if (meeting.confirmed && meeting.when.precision !== 'day')
    problem('confirmed', 'only a meeting with its own day (YYYY-MM-DD or a range) can be confirmed');
  const oneDay = meeting.when.precision === 'day' && meeting.when.start === meeting.when.end;
  if (meeting.time !== undefined && !oneDay) problem('time', 'a start time needs a single day (YYYY-MM-DD) in `when`');
  if (meeting.timeZone !== undefined && meeting.time === undefined) problem('timeZone', 'a time zone needs a `time`');
  if (meeting.duration !== undefined && meeting.time === undefined) problem('duration', 'a duration needs a `time`');
}

/** The months of quarter n: 3n-2 to 3n. */
function quarterOfMonth(isoDay: string): number {
  return Math.ceil(Number(isoDay.slice(5, 7)) / 3);
}

export const meetingOccurrence = z
  .strictObject({
    /** `sc-YYYY-qN`: the year and quarter below. */
    id: slug,
    year: z.number().int().min(2000).max(2100),
    quarter: z.number().int().min(1).max(4),
    when: eventDate,
    format: z.enum(MEETING_FORMATS),
    place: place,
    /** The calendar row (id in events.yaml) that dates this occurrence. */
    event: slug.optional(),
    otherVersions: z.array(otherVersion).default([]),
    ...meetingSchedule,
  })
  .superRefine((occurrence, ctx) => {
    const id = `sc-${occurrence.year}-q${occurrence.quarter}`;
    if (occurrence.id !== id)
      ctx.addIssue({ code: 'custom', path: ['id'], message: `must be ${id}, from its year and quarter` });
    if (
      quarterOfMonth(occurrence.when.start) !== occurrence.quarter ||
      quarterOfMonth(occurrence.when.end) !== occurrence.quarter
    )
      ctx.addIssue({
        code: 'custom',
        path: ['when'],
        message: `must fall in quarter ${occurrence.quarter} (months ${3 * occurrence.quarter - 2} to ${3 * occurrence.quarter})`,
      });
    checkSchedule(occurrence, ctx);
  });

export const advisorsMeeting = z
  .strictObject({
    id: slug,
    year: z.number().int().min(2000).max(2100),
    when: eventDate,
    place: place,
    /** The calendar row (id in events.yaml) that dates this meeting. */
    event: slug.optional(),
    otherVersions: z.array(otherVersion).default([]),
    ...meetingSchedule,
  })
  .superRefine(checkSchedule);

/**
 * One item of an agenda. `collects: suggestions` marks the item where members bring their
 * suggestions and news: reminders ask them to prepare it, by its number and words.
 */
export const agendaItem = z.strictObject({
  en: paragraph,
  fr: paragraph,
  es: paragraph,
  collects: z.literal('suggestions').optional(),
});

/**
 * The agenda of a year's steering-committee meetings, or, with `meeting`, of one meeting: a dated
 * occurrence's id, a rule meeting's `sc-YYYY-qN`, or an advisors' meeting's id.
 */
export const agenda = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  meeting: slug.optional(),
  items: z.array(agendaItem).min(1),
});

/**
 * The categories of the steering-committee participants table (1.A.ii), which are also the
 * directory's groups: only `steering-committee` are GSEF members; the others attend in their role.
 */
export const PARTICIPANT_GROUPS = ['steering-committee', 'advisors', 'observers', 'secretariat'] as const;
export type ParticipantGroupId = (typeof PARTICIPANT_GROUPS)[number];

export const participantGroup = z.strictObject({
  id: z.enum(PARTICIPANT_GROUPS),
  group: localizedText,
  details: localizedText,
  /** A number, or the seed's wording ("Suivant les demandes" / as needed). */
  count: z.union([z.number().int().positive(), localizedText]),
  members: z.array(slug).default([]),
});

export const meetingsFile = z.strictObject({
  steeringCommittee: z.strictObject({
    name: localizedText,
    purpose: z.array(localizedText).default([]),
    rule: z.array(quarterRule).length(4),
    occurrences: z.array(meetingOccurrence).default([]),
    agendas: z.array(agenda).default([]),
    participants: z
      .array(participantGroup)
      .min(1)
      .refine((groups) => new Set(groups.map((g) => g.id)).size === groups.length, {
        message: 'each participant group id must appear once',
      })
      .refine((groups) => groups.some((g) => g.id === 'steering-committee'), {
        message: 'the steering-committee group is missing',
      }),
  }),
  advisors: z.strictObject({
    name: localizedText,
    frequency: localizedText,
    meetings: z.array(advisorsMeeting),
    agendaSuggestions: z.array(localizedText).min(1),
  }),
});

// ---------------------------------------------------------------- data/programmes.yaml

/**
 * How sure the seed is of a programme's partners: `stated` as fact, `potential` ("Partenaires
 * potentiels"), `envisaged` ("envisagés"), `to-be-confirmed` ("à confirmer").
 */
export const PARTNER_STATUSES = ['stated', 'potential', 'envisaged', 'to-be-confirmed'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

/**
 * What the seed calls a programme's audience: "Public ciblé", "Participants attendus", or
 * "Partenaires et participants envisagés" (people who are envisaged as partners and participants).
 */
export const AUDIENCE_KINDS = [
  'target-audience',
  'expected-participants',
  'envisaged-partners-and-participants',
] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];

export const pastEdition = z.strictObject({
  edition: z.number().int().positive(),
  date: eventDate,
  place: place,
  theme: localizedText,
  participants: z.number().int().positive(),
});

export const programmePhase = z.strictObject({
  name: localizedText,
  when: eventDate,
  actions: localizedText,
});

export const programme = z.strictObject({
  id: slug,
  category: z.enum(CATEGORIES),
  title: localizedText,
  /** Which edition 2019's is (6th Asia Policy Dialogue). */
  edition: z.number().int().positive().optional(),
  objectives: z.array(localizedText).default([]),
  /** The date and place the programme's own section gives (often differs from the calendar). */
  when: eventDate.optional(),
  place: place.optional(),
  /** The seed calls this date and place provisional ("Date et lieu provisoires"). */
  provisional: z.boolean().default(false),
  /** Calendar rows (ids in events.yaml) that carry this programme out. */
  events: z.array(slug).default([]),
  partners: z.array(partner).default([]),
  /** How sure the seed is of the partners: see PARTNER_STATUSES. */
  partnersStatus: z.enum(PARTNER_STATUSES).default('stated'),
  targetCountries: z.array(countryCode).default([]),
  audience: localizedText.optional(),
  /** What the seed calls the audience: see AUDIENCE_KINDS. */
  audienceKind: z.enum(AUDIENCE_KINDS).default('expected-participants'),
  content: localizedText.optional(),
  expectedParticipants: z.number().int().positive().optional(),
  phases: z.array(programmePhase).default([]),
  pastEditions: z.array(pastEdition).default([]),
  /** Facts of the programme that fit no field above: frequency, research period, languages. */
  facts: z.array(z.strictObject({ label: localizedText, value: localizedText })).default([]),
  /** Where the seed is unsure or contradicts itself about this programme. */
  notes: z.array(localizedText).default([]),
  /** What another part of the seed says instead (section 5.C's title, the calendar's target region). */
  otherVersions: z.array(otherVersion).default([]),
  source: label,
});

/** Something sections 1-8 name that has no row in the calendar (the UN General Assembly). */
export const mention = z.strictObject({
  id: slug,
  name: localizedText,
  /**
   * Other names people type. A question names the mention when it holds every distinctive word of
   * its name in one language or of one alias (common words such as "of" are not distinctive;
   * acronyms written in capitals, such as UN, always are).
   */
  aliases: z.array(label).default([]),
  /** The programme (id in programmes.yaml) whose section mentions it. */
  programme: slug,
  /** Where the seed mentions it: "the networking list (section 3), main orientation 4". */
  section: localizedText,
  /** What the seed says about it. */
  says: localizedText,
});

export const programmesFile = z.strictObject({
  orientations: z.array(z.strictObject({ title: localizedText, actions: z.array(localizedText).min(1) })).min(1),
  programmes: z.array(programme).min(1),
  mentions: z.array(mention).default([]),
});

// ---------------------------------------------------------------- data/settings.yaml

/** A channel of a platform the bot posts to on its own, in one language or several (all in one message). */
export const channelTarget = z.strictObject({
  platform: platformName,
  /** A Slack channel id (C0123ABCD), a Discord channel id (a number as text), or a name for the console. */
  channel: platformId,
  languages: z.array(z.enum(LANGS)).min(1).default(['en']),
});

/** Where reminders go. */
export const reminderTarget = channelTarget.extend({
  /** The zone whose 09:00 the channel's reminders are posted at; the secretariat's by default. */
  timeZone: timeZone.optional(),
});

export const reminderSettings = z.strictObject({
  /** How long before a meeting each reminder goes out, as ISO 8601 durations: P14D, P3D, P1D. */
  offsets: z
    .array(z.string().regex(/^P\d{1,3}D$/, 'must be a whole number of days such as P14D'))
    .min(1)
    .default(['P14D', 'P3D', 'P1D']),
  /** The local time of day reminders are posted at, HH:mm. */
  time: timeOfDay.default('09:00'),
  targets: z.array(reminderTarget).default([]),
});

/**
 * The monthly newsletter: who edits it (the communication working group), where its notices go,
 * which channels are news channels, and which authors speak for which member.
 */
export const newsletterSettings = z.strictObject({
  /** Approvals after this day of the month go to the next month's edition. */
  cutoffDay: z.number().int().min(1).max(31).default(25),
  /** How many items one person may send in a day. */
  dailyLimit: z.number().int().positive().default(20),
  editors: z
    .strictObject({
      console: z.array(platformId).default(['secretariat']),
      slackUsers: z.array(platformId).default([]),
      discordRoles: z.array(platformId).default([]),
    })
    .default({ console: ['secretariat'], slackUsers: [], discordRoles: [] }),
  /** Where each new item is announced to the editors, with Approve / Reject buttons: a channel per platform. */
  editorialChannels: z.record(platformName, platformId).default({}),
  /** Channels whose every message is news, by platform. */
  newsChannels: z.record(platformName, z.array(platformId)).default({}),
  /** Authors who speak for a member organisation (member ids from members.yaml). */
  authors: z.array(z.strictObject({ platform: platformName, user: platformId, member: slug })).default([]),
});

/** Members' proposals for a steering-committee meeting's agenda (src/meeting-desk/). */
export const agendaProposalSettings = z.strictObject({
  /** Items are proposed until this many days before a meeting's first day (that day included). */
  cutoffDays: z.number().int().min(0).max(90).default(7),
});

/** Where changes to the calendar are announced (an event added, removed, moved, confirmed…). */
export const announcementSettings = z.strictObject({
  targets: z.array(channelTarget).default([]),
});

/**
 * A person and the roles the settings file gives them (the secretariat grants more from chat):
 * `{ platform: slack, user: U0123ABCD, member: city-of-seoul, roles: [representative] }`.
 */
export const personSettings = z
  .strictObject({
    platform: platformName,
    user: platformId,
    /** The member organisation the person speaks for (members.yaml id). */
    member: slug.optional(),
    roles: z.array(z.enum(PERSON_ROLES)).min(1).max(PERSON_ROLES.length),
  })
  .refine((person) => person.member !== undefined || !person.roles.some((r) => ROLES_FOR_A_MEMBER.includes(r)), {
    message: `${ROLES_FOR_A_MEMBER.join(' and ')} speak for a member: give its id in \`member\``,
    path: ['member'],
  });

export const settingsFile = z.strictObject({
  /** The secretariat's time zone: calendar days and reminder times are reckoned in it. */
  timeZone: timeZone,
  defaultLanguage: z.enum(LANGS),
  /** Reminders of the steering committee's meetings (see src/reminders/). */
  reminders: reminderSettings.default({ offsets: ['P14D', 'P3D', 'P1D'], time: '09:00', targets: [] }),
  newsletter: newsletterSettings.default({
    cutoffDay: 25,
    dailyLimit: 20,
    editors: { console: ['secretariat'], slackUsers: [], discordRoles: [] },
    editorialChannels: {},
    newsChannels: {},
    authors: [],
  }),
  /**
   * Where the secretariat is told that changed data files have problems (the bot keeps the last
   * good data meanwhile), and that they are fixed: a channel per platform, in the default
   * language. The newsletter's editorial channels when absent. Proposals for a meeting's agenda
   * are posted there too, with Accept / Decline buttons (not to the editors: they do not decide them).
   */
  admin: z.record(platformName, platformId).optional(),
  announcements: announcementSettings.default({ targets: [] }),
  /** The people the bot knows by role from the start; by default the console's `secretariat` runs the secretariat. */
  people: z.array(personSettings).default([{ platform: 'console', user: 'secretariat', roles: ['secretariat'] }]),
  agendaProposals: agendaProposalSettings.default({ cutoffDays: 7 }),
});

export type LocalizedText = z.infer<typeof localizedText>;
export type Place = z.infer<typeof place>;
export type Partner = z.infer<typeof partner>;
export type OtherVersion = z.infer<typeof otherVersion>;
export type Country = z.infer<typeof country>;
export type City = z.infer<typeof city>;
export type CalendarEvent = z.infer<typeof event>;
export type Member = z.infer<typeof member>;
export type MembersFile = z.infer<typeof membersFile>;
export type MeetingsFile = z.infer<typeof meetingsFile>;
export type ParticipantGroup = z.infer<typeof participantGroup>;
export type CountRange = z.infer<typeof countRange>;
export type Vacancy = z.infer<typeof vacancy>;
export type QuarterRule = z.infer<typeof quarterRule>;
export type MeetingOccurrence = z.infer<typeof meetingOccurrence>;
export type AdvisorsMeeting = z.infer<typeof advisorsMeeting>;
export type Agenda = z.infer<typeof agenda>;
export type AgendaItem = z.infer<typeof agendaItem>;
export type Caveat = z.infer<typeof caveat>;
export type Programme = z.infer<typeof programme>;
export type ProgrammesFile = z.infer<typeof programmesFile>;
export type Orientation = ProgrammesFile['orientations'][number];
export type Mention = z.infer<typeof mention>;
export type PlacesFile = z.infer<typeof placesFile>;
export type EventsFile = z.infer<typeof eventsFile>;
export type Settings = z.infer<typeof settingsFile>;
export type ReminderSettings = z.infer<typeof reminderSettings>;
export type NewsletterSettings = z.infer<typeof newsletterSettings>;
export type PersonSettings = z.infer<typeof personSettings>;
export type ReminderTarget = z.infer<typeof reminderTarget>;
export type ChannelTarget = z.infer<typeof channelTarget>;
