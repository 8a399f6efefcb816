import type { CommandContext } from '../commands/command.js';
import { LANGS, REGIONS, type Lang } from '../domain/vocabulary.js';
import type { NewsItem } from './news-item.js';

export interface NewsletterDraft {
  markdown: string;
  html: string;
}

interface Group {
  lang: Lang;
  regions: { region: string; members: { member: string; items: NewsItem[] }[] }[];
}

/**
 * An edition of the newsletter as Markdown and HTML: grouped by the items' language, then by
 * region and member, each item with its author and a link to where it was sent. Headings are in
 * the editor's language; items stay in the language they were written in.
 */
export function newsletterDraft(ctx: CommandContext, edition: string, items: readonly NewsItem[]): NewsletterDraft {
  const groups = groupItems(ctx, items);
  const title = ctx.t('newsletter.draftTitle', { edition });
  const md: string[] = [`# ${title}`, ''];
  const html: string[] = [`<h1>${escapeHtml(title)}</h1>`];
  if (items.length === 0) {
    md.push(ctx.t('newsletter.draftEmpty'));
    html.push(`<p>${escapeHtml(ctx.t('newsletter.draftEmpty'))}</p>`);
  }
  for (const group of groups) {
    const language = ctx.t(`lang.name.${group.lang}`);
    md.push(`## ${language}`, '');
    html.push(`<h2>${escapeHtml(language)}</h2>`);
    for (const { region, members } of group.regions) {
      md.push(`### ${region}`, '');
      html.push(`<h3>${escapeHtml(region)}</h3>`);
      for (const { member, items: memberItems } of members) {
        md.push(`#### ${member}`, '');
        html.push(`<h4>${escapeHtml(member)}</h4>`);
        for (const item of memberItems) {
          const byline = ctx.t('newsletter.byline', { number: item.id, author: item.author.displayName });
          const link = item.source.permalink;
          md.push(`${item.text}`, '', `*${byline}*${link ? ` · [${ctx.t('newsletter.source')}](${link})` : ''}`, '');
          html.push(
            `<article><p>${escapeHtml(item.text).replace(/\n/g, '<br>')}</p><p><em>${escapeHtml(byline)}</em>` +
              `${link ? ` · <a href="${escapeHtml(link)}">${escapeHtml(ctx.t('newsletter.source'))}</a>` : ''}</p></article>`,
          );
        }
      }
    }
  }
  return { markdown: md.join('\n'), html: html.join('\n') };
}

function groupItems(ctx: CommandContext, items: readonly NewsItem[]): Group[] {
  const regionOf = (item: NewsItem) => (item.member ? ctx.kb.memberById(item.member)?.region : undefined);
  const regionName = (item: NewsItem) => {
    const region = regionOf(item);
    return region ? ctx.t(`region.${region}`) : ctx.t('newsletter.regionUnknown');
  };
  const memberName = (item: NewsItem) => (item.member ? (ctx.kb.memberById(item.member)?.member.name[ctx.lang] ?? item.member) : ctx.t('newsletter.individualContributors'));
  const regionRank = (item: NewsItem) => {
    const region = regionOf(item);
    return region ? REGIONS.indexOf(region) : REGIONS.length;
  };
  return LANGS.map((lang) => {
    const inLang = items.filter((i) => i.lang === lang).sort((a, b) => regionRank(a) - regionRank(b) || memberName(a).localeCompare(memberName(b)) || a.id - b.id);
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

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
