/**
 * Every chat command, in the order `help` lists them. Adding a command = adding its module here
 * and its help under `commands.<name>` in data/locales/*.yaml (a command without it does not compile).
 */
import type { HelpedCommand } from '../src/dispatch/command-help.js';
import type { CommandDefinition } from '../src/dispatch/command.js';
import agenda from './agenda.js';
import attendance from './attendance.js';
import calendar from './calendar.js';
import event from './event.js';
import events from './events.js';
import help from './help.js';
import lang from './lang.js';
import meetings from './meetings.js';
import minutes from './minutes.js';
import news from './news.js';
import newsletter from './newsletter.js';
import member from './member.js';
import members from './members.js';
import nextEvent from './next-event.js';
import programme from './programme.js';
import role from './role.js';
import roles from './roles.js';
import rsvp from './rsvp.js';
import tz from './tz.js';

export const COMMANDS: readonly CommandDefinition<HelpedCommand>[] = [
  nextEvent,
  events,
  event,
  members,
  member,
  agenda,
  rsvp,
  attendance,
  minutes,
  meetings,
  programme,
  calendar,
  news,
  newsletter,
  roles,
  role,
  lang,
  tz,
  help,
];
