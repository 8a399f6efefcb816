import type { Lang } from '../domain/vocabulary.js';
import type { DraftEntry } from './draft-entry.js';
import { EMAIL_STYLES } from './email-styles.js';
import { escapeHtml, htmlLink, htmlParagraphs } from './html-text.js';
import { inertText as inert } from './sanitize.js';
import { oneLine } from './text-layout.js';

type HeadingLevel = 2 | 3 | 4;

/**
 * The newsletter draft as a complete HTML document an editor can open, or paste into an email:
 * doctype, character set, title, the editor's language on the document and each group's language
 * on its section, and inline styles only (see EMAIL_STYLES). What the bot writes inside a section
 * (headings, bylines) is in the editor's language, so it says so where that differs from the
 * section's: a screen reader then reads each part in its own language.
 */
export class HtmlDraft {
  private readonly lines: string[] = [];
  private section: Lang | undefined;

  constructor(
    private readonly lang: Lang,
    private readonly title: string,
  ) {
    this.lines.push(`<h1 style="${EMAIL_STYLES.h1}">${escapeHtml(oneLine(inert(title)))}</h1>`);
  }

  /** Starts the section of the items written in `lang`, ending the one before. */
  startSection(lang: Lang): void {
    this.endSection();
    this.section = lang;
    this.lines.push(`<section lang="${lang}">`);
  }

  heading(level: HeadingLevel, text: string): void {
    this.lines.push(
      `<h${level}${this.ownLang()} style="${EMAIL_STYLES[`h${level}`]}">${escapeHtml(oneLine(inert(text)))}</h${level}>`,
    );
  }

  paragraph(text: string): void {
    this.lines.push(`<p${this.ownLang()} style="${EMAIL_STYLES.p}">${escapeHtml(text)}</p>`);
  }

  item(entry: DraftEntry): void {
    const source = entry.source ? ` · ${escapeHtml(entry.sourceLabel)}${htmlLink(entry.source)}` : '';
    this.lines.push(
      `<article style="${EMAIL_STYLES.article}">${htmlParagraphs(entry.text).join('')}` +
        `<p${this.ownLang()} style="${EMAIL_STYLES.byline}"><em>${escapeHtml(oneLine(entry.byline))}</em>${source}</p></article>`,
    );
  }

  toString(): string {
    return [
      '<!DOCTYPE html>',
      `<html lang="${this.lang}">`,
      '<head>',
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      `<title>${escapeHtml(oneLine(inert(this.title)))}</title>`,
      '</head>',
      `<body style="${EMAIL_STYLES.body}">`,
      `<div style="${EMAIL_STYLES.column}">`,
      ...this.lines,
      ...(this.section === undefined ? [] : ['</section>']),
      '</div>',
      '</body>',
      '</html>',
      '',
    ].join('\n');
  }

  /** The editor's language on what the bot writes, where the section around it is in another. */
  private ownLang(): string {
    return this.section === undefined || this.section === this.lang ? '' : ` lang="${this.lang}"`;
  }

  private endSection(): void {
    if (this.section === undefined) return;
    this.lines.push('</section>');
    this.section = undefined;
  }
}
