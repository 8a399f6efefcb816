/**
 * The closed vocabularies of the GSEF data. Data files must use these values (the schema checks
 * it); the locale files give each one a name in every language.
 */

/** The secretariat's three working languages. */
export const LANGS = ['en', 'fr', 'es'] as const;
export type Lang = (typeof LANGS)[number];

/** World regions as GSEF organises its regional work; `global` is for online and international bodies. */
export const REGIONS = ['africa', 'asia', 'europe', 'latin-america', 'north-america', 'global'] as const;
export type Region = (typeof REGIONS)[number];

/** The kinds of activity in the 2019 programme. */
export const CATEGORIES = [
  'statutory-meeting',
  'research',
  'networking',
  'policy-dialogue',
  'capacity-building',
  'training',
  'youth',
  'communication',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const MEMBER_KINDS = ['local-government', 'network', 'person'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];

/**
 * What a person may do through the bot beyond asking (src/people/roles.ts): speak for a member
 * organisation on the steering committee, advise it, run the secretariat, edit the newsletter, or
 * send news for a member. Not GSEF's governance roles (ROLES), which the seed gives members.
 */
export const PERSON_ROLES = ['secretariat', 'representative', 'advisor', 'editor', 'author'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** Person roles held on behalf of a member organisation: granting one names the member (`members.yaml` id). */
export const ROLES_FOR_A_MEMBER: readonly PersonRole[] = ['representative', 'author'];

/** What a person answers when asked whether they will attend a meeting (`rsvp yes|no|maybe`). */
export const ATTENDANCE_ANSWERS = ['yes', 'no', 'maybe'] as const;
export type AttendanceAnswer = (typeof ATTENDANCE_ANSWERS)[number];

/** Roles in GSEF's governance, as the seed names them. */
export const ROLES = [
  'president',
  'co-president',
  'vice-president',
  'international-network',
  'regional-network',
  'advisor',
  'observer',
  'secretary-general',
] as const;
export type Role = (typeof ROLES)[number];

export const MEETING_FORMATS = ['online', 'face-to-face'] as const;
export type MeetingFormat = (typeof MEETING_FORMATS)[number];

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}
