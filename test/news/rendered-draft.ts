import MarkdownIt from 'markdown-it';
import { marked } from 'marked';
import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { LANGS } from '../../src/domain/vocabulary.js';
import { EMAIL_STYLES } from '../../src/news/email-styles.js';
import type { NewsItem } from '../../src/news/news-item.js';

/**
 * A draft as a reader meets it: the Markdown through the two renderers people use (both pass raw
 * HTML through: marked by default, markdown-it with `html: true`), or the HTML document as it is,
 * read by parse5 as a browser would, and what a reader could be exposed to in it.
 */

type Node = DefaultTreeAdapterMap['node'];

const markdownIt = new MarkdownIt({ html: true });

export const MARKDOWN_RENDERERS: Record<string, (markdown: string) => string> = {
  marked: (markdown) => marked.parse(markdown, { async: false }),
  'markdown-it': (markdown) => markdownIt.render(markdown),
};

/** All a draft may contain: the bot's structure, words, emphasis, line breaks and links. */
const CONTENT_ELEMENTS = ['h1', 'h2', 'h3', 'h4', 'p', 'em', 'strong', 'a', 'br', 'article', 'code'];
const BLOCKS = new Set(['h1', 'h2', 'h3', 'h4', 'p', 'article', 'br', 'title', 'section', 'div']);

/** What a draft may hold: its elements, and which attribute with which value each may carry (beside a link's href). */
interface Allowed {
  elements: ReadonlySet<string>;
  attribute(tag: string, name: string, value: string): boolean;
}

/** A Markdown draft rendered: content, and no attribute. */
const IN_FRAGMENT: Allowed = { elements: new Set(CONTENT_ELEMENTS), attribute: () => false };

const STYLES = new Set<string>(Object.values(EMAIL_STYLES));
const LANG_CARRIERS = new Set(['html', 'section', 'h2', 'h3', 'h4', 'p']);
const META = new Set(['charset=utf-8', 'name=viewport', 'content=width=device-width, initial-scale=1']);

/** The HTML document: the content inside the bot's own frame, with the bot's own styles and languages only. */
const IN_DOCUMENT: Allowed = {
  elements: new Set([...CONTENT_ELEMENTS, 'html', 'head', 'meta', 'title', 'body', 'div', 'section']),
  attribute: (tag, name, value) =>
    (name === 'style' && STYLES.has(value)) ||
    (name === 'lang' && LANG_CARRIERS.has(tag) && (LANGS as readonly string[]).includes(value)) ||
    (tag === 'meta' && META.has(`${name}=${value}`)),
};

export interface ReadDraft {
  /** Anything a reader could be exposed to: an element or attribute outside the allow-list, a comment, a link that is not http(s) or hides its address. */
  problems: string[];
  /** The words a reader sees, one block (heading, paragraph, line) a line. */
  text: string;
  /** The text of each element, by tag name, in order. */
  elements: Map<string, string[]>;
  links: string[];
  /** The attributes that frame a document (all but style and href), as `tag name=value`, in order. */
  attributes: string[];
}

/** A rendered Markdown draft, as a fragment. */
export function readHtml(html: string): ReadDraft {
  const read = emptyRead();
  for (const node of parseFragment(html).childNodes) visit(node, read, IN_FRAGMENT);
  return read;
}

/** The HTML draft, a whole document: `<!DOCTYPE html>` first, then the bot's frame around the content. */
export function readHtmlDocument(html: string): ReadDraft {
  const read = emptyRead();
  const [doctype, ...rest] = parse(html).childNodes;
  if (doctype?.nodeName !== '#documentType' || !('name' in doctype) || doctype.name !== 'html')
    read.problems.push('no <!DOCTYPE html> first');
  for (const node of rest) visit(node, read, IN_DOCUMENT);
  return read;
}

function emptyRead(): ReadDraft {
  return { problems: [], text: '', elements: new Map(), links: [], attributes: [] };
}

function visit(node: Node, read: ReadDraft, allowed: Allowed): void {
  if (node.nodeName === '#text' && 'value' in node) {
    read.text += node.value;
    return;
  }
  if (node.nodeName === '#comment') {
    read.problems.push(`a comment: <!--${'data' in node ? node.data : ''}-->`);
    return;
  }
  if (!('tagName' in node)) {
    read.problems.push(`a node of kind ${node.nodeName}`);
    return;
  }
  const tag = node.tagName;
  if (!allowed.elements.has(tag)) read.problems.push(`a <${tag}> element`);
  for (const { name, value } of node.attrs) {
    if (tag === 'a' && name === 'href') continue;
    if (!allowed.attribute(tag, name, value)) read.problems.push(`a ${name}="${value}" attribute on <${tag}>`);
    else if (name !== 'style') read.attributes.push(`${tag} ${name}=${value}`);
  }
  const before = read.text.length;
  if (BLOCKS.has(tag)) read.text += '\n';
  for (const child of 'content' in node ? node.content.childNodes : node.childNodes) visit(child, read, allowed);
  // Renderers differ only in the line breaks they put between tags, which a browser does not show.
  const own = read.text
    .slice(before)
    .trim()
    .replace(/\s*\n\s*/g, '\n');
  read.elements.set(tag, [...(read.elements.get(tag) ?? []), own]);
  if (tag === 'a') {
    const href = node.attrs.find((a) => a.name === 'href')?.value ?? '';
    read.links.push(href);
    if (!/^https?:\/\//i.test(href)) read.problems.push(`a link to ${href}`);
    if (own !== href) read.problems.push(`a link to ${href} that reads "${own}"`);
  }
  if (BLOCKS.has(tag)) read.text += '\n';
}

/** An approved item as the store gives it back: raw, as an older version or a forged write may have left it. */
export function approvedItem(id: number, text: string, overrides: Partial<NewsItem> = {}): NewsItem {
  return {
    id,
    text,
    links: [],
    attachments: [],
    author: { platform: 'slack', userId: `U${id}`, displayName: `Author ${id}` },
    lang: 'en',
    source: {
      platform: 'slack',
      channel: 'C1',
      messageId: `${id}.0`,
      permalink: `https://gsef.slack.com/archives/C1/p${id}`,
    },
    receivedAt: '2026-11-10T00:00:00.000Z',
    status: 'approved',
    edition: '2026-11',
    history: [],
    ...overrides,
  };
}
