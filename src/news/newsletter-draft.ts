import type { PresenterContext } from '../presenters/presenter-context.js';
import { LANGS, REGIONS, type Lang } from '../domain/vocabulary.js';
import { capitalized } from '../i18n/typography.js';
import { draftEntry, type DraftEntry } from './draft-entry.js';
import { HtmlDraft } from './html-draft.js';
import { escapeCommonMark, markdownLink, markdownParagraphs } from './markdown-text.js';
import type { NewsItem } from './news-item.js';
import { inertText as inert } from './sanitize.js';
import { oneLine } from './text-layout.js';

export interface NewsletterDraft {
  markdown: string;
  html: string;
}

interface Group {
  lang: Lang;
  regions: { region: string; members: { member: string; items: NewsItem[] }[] }[];
}

/**
 * An edition of the newsletter as Markdown and as a complete HTML document: grouped by the items'
 * language, then by region and member, each item with its author and a link to where it was sent.
 * Headings are in the editor's language; items stay in the language they were written in.
 *
 * Whatever the items hold, a draft is only words, paragraphs, headings the bot wrote and http(s)
 * links that show their own address: every text (news, author names, and the data's region and
 * member names too) is escaped for the format it goes into, and made inert again (an item stored
 * by an older version, or a forged one, may not have been), and a source link of any other kind
 * is left out.
 */
export function newsletterDraft(ctx: PresenterContext, edition: string, items: readonly NewsItem[]): NewsletterDraft {
  const title = ctx.t('newsletter.draftTitle', { edition });
  const markdown = new MarkdownDraft();
  const html = new HtmlDraft(ctx.lang, title);
  const heading = (level: 2 | 3 | 4, text: string) => {
    markdown.heading(level, text);
    html.heading(level, text);
  };
  markdown.heading(1, title);
  if (items.length === 0) {
    markdown.paragraph(ctx.t('newsletter.draftEmpty'));
    html.paragraph(ctx.t('newsletter.draftEmpty'));
  }
  for (const group of groupItems(ctx, items)) {
    html.startSection(group.lang);
    // The name of a language is lower-case in a French or Spanish sentence, but starts a heading.
    heading(2, capitalized(ctx.lang, ctx.t(`lang.name.${group.lang}`)));
    for (const { region, members } of group.regions) {
      heading(3, region);
      for (const { member, items: memberItems } of members) {
        heading(4, member);
        for (const item of memberItems) {
          const entry = draftEntry(ctx, item);
          markdown.item(entry);
          html.item(entry);
        }
      }
    }
  }
  return { markdown: markdown.toString(), html: html.toString() };
}

class MarkdownDraft {
  private readonly lines: string[] = [];

  heading(level: number, text: string): void {
    this.lines.push(`${'#'.repeat(level)} ${escapeCommonMark(oneLine(inert(text)))}`, '');
  }

  paragraph(text: string): void {
    this.lines.push(escapeCommonMark(oneLine(text)), '');
  }

  item(entry: DraftEntry): void {
    for (const paragraph of markdownParagraphs(entry.text)) this.lines.push(paragraph, '');
    const source = entry.source ? ` · ${escapeCommonMark(entry.sourceLabel)}${markdownLink(entry.source)}` : '';
    this.lines.push(`*${escapeCommonMark(oneLine(entry.byline))}*${source}`, '');
  }

  toString(): string {
    return this.lines.join('\n');
  }
}

function groupItems(ctx: PresenterContext, items: readonly NewsItem[]): Group[] {
  const regionOf = (item: NewsItem) => (item.member ? ctx.kb.memberById(item.member)?.region : undefined);
  const regionName = (item: NewsItem) => {
    const region = regionOf(item);
    return region ? ctx.t(`region.${region}`) : ctx.t('newsletter.regionUnknown');
  };
  const memberName = (item: NewsItem) =>
    item.member
      ? (ctx.kb.memberById(item.member)?.member.name[ctx.lang] ?? item.member)
      : ctx.t('newsletter.individualContributors');
  const regionRank = (item: NewsItem) => {
    const region = regionOf(item);
    return region ? REGIONS.indexOf(region) : REGIONS.length;
  };
  return LANGS.map((lang) => {
    const inLang = items
      .filter((i) => i.lang === lang)
      .sort((a, b) => regionRank(a) - regionRank(b) || memberName(a).localeCompare(memberName(b)) || a.id - b.id);
    const regions: Group['regions'] = [];
    for (const item of inLang) {
      const region = regionName(item);
      let regionGroup = regions.find((r) => r.region === region);
      if (!regionGroup) regions.push((regionGroup = { region, members: [] }));
      const member = memberName(item);
      let memberGroup = regionGroup.members.find((m) => m.member === member);
      if (!memberGroup) regionGroup.members.push((memberGroup = { member, items: [] }));
      memberGroup.items.push(item);
    }
    return { lang, regions };
  }).filter((g) => g.regions.length > 0);
}
