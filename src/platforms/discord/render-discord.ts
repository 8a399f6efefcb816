import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import type { Reply, ReplyAction, ReplyBlock, ReplyText, ReplyTime } from '../../reply/reply.js';
import { truncate as cut } from '../../reply/truncate.js';

/** Discord's message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const DISCORD_MAX_EMBEDS = 10;
export const DISCORD_MAX_FIELDS = 25;
export const DISCORD_MAX_TITLE = 256;
export const DISCORD_MAX_DESCRIPTION = 4096;
export const DISCORD_MAX_FIELD_NAME = 256;
export const DISCORD_MAX_FIELD_VALUE = 1024;
export const DISCORD_MAX_FOOTER = 2048;
/** Titles, descriptions, field names and values and footers of all the embeds of one message together. */
export const DISCORD_MAX_EMBED_CHARACTERS = 6000;
export const DISCORD_MAX_CONTENT = 2000;
/** Message components (https://discord.com/developers/docs/components/reference#button). */
export const DISCORD_MAX_ROWS = 5;
export const DISCORD_MAX_BUTTONS_PER_ROW = 5;
export const DISCORD_MAX_BUTTON_LABEL = 80;
export const DISCORD_MAX_CUSTOM_ID = 100;

/**
 * What starts the custom_id of every button the bot puts under a message: the rest is the command
 * the button runs (`gsef:newsletter approve 12`). Buttons of other apps, or of an older bot, are
 * told apart by it.
 */
export const ACTION_ID_PREFIX = 'gsef:';

const STATUS_COLORS: Record<Reply['status'], number> = {
  ok: 0x2a9d8f,
  empty: 0x8d99ae,
  invalid: 0xe9a23b,
  error: 0xd62839,
};
/** A field needs a value; this one shows nothing. */
const BLANK = '\u200b';

export interface DiscordMessage {
  /** Plain text beside the embeds: set for public posts, where notifications and clients that hide embeds need a line. */
  content?: string;
  embeds: APIEmbed[];
  files: { name: string; contentType: string; data: string }[];
  /** The reply's actions as rows of buttons; empty when it has none. */
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
}

/**
 * A reply as Discord embeds: the title and text first, each list in an embed of its own (titled
 * by its heading, one field per item), within every Discord limit. What does not fit is left out
 * and counted, and `moreHint(count)` (in the asker's language) says so in the last footer.
 */
export function renderDiscord(reply: Reply, moreHint: (hidden: number) => string): DiscordMessage {
  const pieces = piecesOf(reply.blocks);
  const hint = moreHint(countShowable(pieces));
  const builder = new EmbedBuilder(
    STATUS_COLORS[reply.status],
    DISCORD_MAX_EMBED_CHARACTERS - Math.min(hint.length, DISCORD_MAX_FOOTER),
  );
  builder.title(cut(escapeMarkdown(reply.title), DISCORD_MAX_TITLE));
  let shown = 0;
  for (const piece of pieces) {
    if (!builder.add(piece)) break;
    shown += 1;
  }
  const hidden = countShowable(pieces.slice(shown));
  const embeds = builder.finish(hidden > 0 ? cut(moreHint(hidden), DISCORD_MAX_FOOTER) : undefined);
  return {
    // The content is read as Markdown as much as an embed is (a masked link in an author's name would work there).
    ...(reply.visibility === 'public' ? { content: cut(escapeMarkdown(reply.title), DISCORD_MAX_CONTENT) } : {}),
    embeds,
    files: reply.attachment
      ? [{ name: reply.attachment.filename, contentType: reply.attachment.mediaType, data: reply.attachment.content }]
      : [],
    components: buttonRows(reply.actions ?? []),
  };
}

const BUTTON_STYLES: Record<
  NonNullable<ReplyAction['style']> | 'default',
  ButtonStyle.Primary | ButtonStyle.Danger | ButtonStyle.Secondary
> = {
  primary: ButtonStyle.Primary,
  danger: ButtonStyle.Danger,
  default: ButtonStyle.Secondary,
};

/**
 * Actions as buttons, five to a row and five rows at most. A button's custom_id is the command it
 * runs behind `ACTION_ID_PREFIX`: an action whose command does not fit in Discord's 100
 * characters, or repeats one already shown (Discord wants custom_ids unique in a message), is left
 * out rather than cut, since a cut command would run something else.
 */
function buttonRows(actions: readonly ReplyAction[]): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  const seen = new Set<string>();
  const buttons: APIButtonComponentWithCustomId[] = [];
  for (const action of actions) {
    const customId = customIdOf(action.command);
    if (customId === undefined || seen.has(customId)) continue;
    seen.add(customId);
    buttons.push({
      type: ComponentType.Button,
      style: BUTTON_STYLES[action.style ?? 'default'],
      label: cut(action.label, DISCORD_MAX_BUTTON_LABEL) || BLANK,
      custom_id: customId,
    });
  }
  const rows: APIActionRowComponent<APIButtonComponentWithCustomId>[] = [];
  for (let i = 0; i < buttons.length && rows.length < DISCORD_MAX_ROWS; i += DISCORD_MAX_BUTTONS_PER_ROW) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + DISCORD_MAX_BUTTONS_PER_ROW) });
  }
  return rows;
}

/** The custom_id of a button that runs `command`, or undefined when it would be over Discord's limit. */
export function customIdOf(command: string): string | undefined {
  const id = `${ACTION_ID_PREFIX}${command}`;
  return id.length <= DISCORD_MAX_CUSTOM_ID ? id : undefined;
}

/** The command a button's custom_id runs, or undefined when it is not one of the bot's (another prefix, or too long). */
export function commandOfCustomId(customId: string): string | undefined {
  if (customId.length > DISCORD_MAX_CUSTOM_ID || !customId.startsWith(ACTION_ID_PREFIX)) return undefined;
  const command = customId.slice(ACTION_ID_PREFIX.length).trim();
  return command === '' ? undefined : command;
}

/** One unit of a reply that is shown whole or not at all. */
type Piece =
  | { kind: 'paragraph'; text: string; bullet?: true }
  | { kind: 'heading'; text: string }
  | { kind: 'field'; field: APIEmbedField };

function piecesOf(blocks: readonly ReplyBlock[]): Piece[] {
  return blocks.flatMap((block): Piece[] => {
    switch (block.type) {
      case 'text':
        return [{ kind: 'paragraph', text: escapeMarkdown(block.text) }];
      case 'note':
        return [{ kind: 'paragraph', text: `*${escapeMarkdown(block.text)}*` }];
      case 'fields':
        return block.fields.map((f) => ({ kind: 'field', field: field(f.label, discordText(f.value), true) }));
      case 'list': {
        const heading: Piece[] = block.heading ? [{ kind: 'heading', text: escapeMarkdown(block.heading) }] : [];
        // Items without details read better as bullets than as fields with empty values.
        if (block.items.every((item) => item.details.length === 0)) {
          return [
            ...heading,
            ...block.items.map((item): Piece => ({
              kind: 'paragraph',
              text: `• ${escapeMarkdown(item.title)}`,
              bullet: true,
            })),
          ];
        }
        return [
          ...heading,
          ...block.items.map((item): Piece => ({
            kind: 'field',
            field: field(item.title, item.details.map(discordText).join('\n'), false),
          })),
        ];
      }
    }
  });
}

/** Headings are not counted as left out: the items under them are. */
function countShowable(pieces: readonly Piece[]): number {
  return pieces.filter((p) => p.kind !== 'heading').length;
}

/** `value` is already Markdown (see discordText); the name is plain text. */
function field(name: string, value: string, inline: boolean): APIEmbedField {
  return {
    name: cut(escapeMarkdown(name), DISCORD_MAX_FIELD_NAME) || BLANK,
    value: cut(value, DISCORD_MAX_FIELD_VALUE) || BLANK,
    inline,
  };
}

/** Plain text escaped, or a time as Discord's timestamps. */
function discordText(text: ReplyText): string {
  return typeof text === 'string' ? escapeMarkdown(text) : discordTime(text);
}

/**
 * A time as Discord's timestamps (discord.com/developers/docs/reference#message-formatting:
 * `<t:unix seconds:F>` the full date and time, `t` the time alone, `R` how long from now), which
 * each reader's client writes in their own zone and language; then the organiser's time alongside.
 */
export function discordTime(time: ReplyTime): string {
  const stamp = (ms: number, style: string) => `<t:${Math.floor(ms / 1000)}:${style}>`;
  const end = time.end === undefined ? '' : `–${stamp(time.end, 't')}`;
  return `${stamp(time.start, 'F')}${end} (${stamp(time.start, 'R')}) · ${escapeMarkdown(time.organiser)}`;
}

/** Fills embeds in order, opening a new one when the order of description and fields requires it or a limit is reached. */
class EmbedBuilder {
  private readonly embeds: APIEmbed[] = [{}];
  private characters = 0;
  /** Bullets follow each other on single lines; paragraphs are separated by a blank line. */
  private lastWasBullet = false;

  constructor(
    private readonly color: number,
    private readonly budget: number,
  ) {}

  private get current(): APIEmbed {
    return this.embeds[this.embeds.length - 1]!;
  }

  title(text: string): void {
    this.current.title = text;
    this.characters += text.length;
  }

  /** Adds a piece, or returns false when it does not fit in what is left. */
  add(piece: Piece): boolean {
    switch (piece.kind) {
      case 'heading': {
        const text = cut(piece.text, DISCORD_MAX_TITLE);
        if (!this.fits(text.length) || !this.open()) return false;
        this.title(text);
        return true;
      }
      case 'paragraph': {
        if (this.current.fields?.length && !this.open()) return false;
        let before = this.current.description;
        let separator = before === undefined ? '' : piece.bullet && this.lastWasBullet ? '\n' : '\n\n';
        if ((before?.length ?? 0) + separator.length + piece.text.length > DISCORD_MAX_DESCRIPTION) {
          // Too long for this description: go on in a new embed, where only a paragraph over the limit on its own is cut.
          if (!this.open(true)) return false;
          before = undefined;
          separator = '';
        }
        const text = cut(piece.text, DISCORD_MAX_DESCRIPTION);
        if (!this.fits(separator.length + text.length)) return false;
        this.current.description = `${before ?? ''}${separator}${text}`;
        this.characters += separator.length + text.length;
        this.lastWasBullet = piece.bullet === true;
        return true;
      }
      case 'field': {
        const size = piece.field.name.length + piece.field.value.length;
        if (!this.fits(size)) return false;
        if ((this.current.fields?.length ?? 0) >= DISCORD_MAX_FIELDS && !this.open()) return false;
        (this.current.fields ??= []).push(piece.field);
        this.characters += size;
        return true;
      }
    }
  }

  /** The embeds, coloured, the empty ones dropped, with `footer` under the last. */
  finish(footer: string | undefined): APIEmbed[] {
    const embeds = this.embeds.filter((e) => e.title !== undefined || e.description !== undefined || e.fields?.length);
    // A heading whose first item did not fit would stand alone at the end: the footer says what is missing.
    const last = embeds[embeds.length - 1];
    if (embeds.length > 1 && last && last.description === undefined && !last.fields?.length) embeds.pop();
    if (embeds.length === 0) embeds.push({ description: BLANK });
    if (footer !== undefined) embeds[embeds.length - 1]!.footer = { text: footer };
    return embeds.map((e) => ({ ...e, color: this.color }));
  }

  private fits(characters: number): boolean {
    return this.characters + characters <= this.budget;
  }

  /**
   * Starts a new embed, or reuses the current one if it is still empty (or, with `keepTitle`, holds
   * only a title); false when no more embeds are allowed.
   */
  private open(keepTitle = false): boolean {
    const e = this.current;
    if ((keepTitle || e.title === undefined) && e.description === undefined && !e.fields?.length) return true;
    if (this.embeds.length >= DISCORD_MAX_EMBEDS) return false;
    this.embeds.push({});
    this.lastWasBullet = false;
    return true;
  }
}

/**
 * Replies are plain text; Discord reads Markdown. Characters that would turn into emphasis,
 * strike-through, spoilers, quotes, headings, subtext or a masked link (`[label](url)`, which
 * would show a member's words in place of the address it opens) are escaped. Backticks are kept
 * on purpose: the locale files quote commands in them, as code in Discord and as-is in the
 * console; in a code span nothing else is read.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\*_~|[\]]/g, '\\$&').replace(/^(\s*)([>#]|-#|-\s)/gm, '$1\\$2');
}
