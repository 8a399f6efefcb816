import MarkdownIt from 'markdown-it';
import { marked } from 'marked';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';

/**
 * A draft as a reader meets it: the Markdown through the two renderers people use (both pass raw
 * HTML through: marked by default, markdown-it with `html: true`), or the HTML as it is, read by
 * parse5 as a browser would, and what a reader could be exposed to in it.
 */

type Node = DefaultTreeAdapterMap['node'];

const markdownIt = new MarkdownIt({ html: true });

export const MARKDOWN_RENDERERS: Record<string, (markdown: string) => string> = {
  marked: (markdown) => marked.parse(markdown, { async: false }),
  'markdown-it': (markdown) => markdownIt.render(markdown),
};

/** All a draft may contain: the bot's structure, words, emphasis, line breaks and links. */
const ALLOWED_ELEMENTS = new Set(['h1', 'h2', 'h3', 'h4', 'p', 'em', 'strong', 'a', 'br', 'article', 'code']);
const BLOCKS = new Set(['h1', 'h2', 'h3', 'h4', 'p', 'article', 'br']);

export interface ReadDraft {
  /** Anything a reader could be exposed to: an element or attribute outside the allow-list, a comment, a link that is not http(s) or hides its address. */
  problems: string[];
  /** The words a reader sees, one block (heading, paragraph, line) a line. */
  text: string;
  /** The text of each element, by tag name, in order. */
  elements: Map<string, string[]>;
  links: string[];
}

export function readHtml(html: string): ReadDraft {
  const read: ReadDraft = { problems: [], text: '', elements: new Map(), links: [] };
  for (const node of parseFragment(html).childNodes) visit(node, read);
  return read;
}

function visit(node: Node, read: ReadDraft): void {
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
  if (!ALLOWED_ELEMENTS.has(tag)) read.problems.push(`a <${tag}> element`);
  for (const attribute of node.attrs) {
    if (tag !== 'a' || attribute.name !== 'href')
      read.problems.push(`a ${attribute.name}="${attribute.value}" attribute on <${tag}>`);
  }
  const before = read.text.length;
  if (BLOCKS.has(tag)) read.text += '\n';
  for (const child of 'content' in node ? node.content.childNodes : node.childNodes) visit(child, read);
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
