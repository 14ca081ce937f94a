import type { Block, Footer, ListItem } from './blocks.js';
import { checkLinkUrl } from './link-url.js';

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

// Mail clients strip <style> and external stylesheets, so every style is inline.
const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const STYLE = {
  body: 'margin:0;padding:24px 12px;background-color:#f3f4f6;',
  card: `max-width:600px;margin:0 auto;padding:32px;background-color:#ffffff;border-radius:8px;${FONT}font-size:16px;line-height:1.5;color:#1f2937;`,
  paragraph: 'margin:0 0 16px;',
  heading: 'margin:24px 0 8px;font-size:18px;line-height:1.3;color:#111827;',
  list: 'margin:0 0 16px;padding-left:20px;',
  nestedList: 'margin:4px 0 0;padding-left:20px;',
  item: 'margin:0 0 6px;',
  detail: 'color:#4b5563;',
  link: 'color:#1d4ed8;',
  button:
    'display:inline-block;padding:12px 20px;background-color:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:bold;',
  fallback: 'margin:0 0 16px;font-size:13px;color:#4b5563;word-break:break-all;',
  footer: `max-width:600px;margin:16px auto 0;${FONT}font-size:12px;line-height:1.5;color:#6b7280;text-align:center;`,
} as const;

function link(url: string, label: string, style: string = STYLE.link): string {
  return `<a href="${escapeHtml(checkLinkUrl(url))}" style="${style}">${escapeHtml(label)}</a>`;
}

function renderItem(item: ListItem): string {
  const label = item.url === undefined ? escapeHtml(item.label) : link(item.url, item.label);
  const detail =
    item.detail === undefined
      ? ''
      : ` <span style="${STYLE.detail}">(${escapeHtml(item.detail)})</span>`;
  const children =
    item.children === undefined || item.children.length === 0
      ? ''
      : `<ul style="${STYLE.nestedList}">${item.children.map(renderItem).join('')}</ul>`;
  return `<li style="${STYLE.item}">${label}${detail}${children}</li>`;
}

function renderBlock(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return `<p style="${STYLE.paragraph}">${escapeHtml(block.text)}</p>`;
    case 'heading':
      return `<h2 style="${STYLE.heading}">${escapeHtml(block.text)}</h2>`;
    case 'action':
      return [
        `<p style="margin:24px 0;">${link(block.url, block.label, STYLE.button)}</p>`,
        `<p style="${STYLE.fallback}">${escapeHtml(block.fallback)}<br>${link(block.url, block.url)}</p>`,
      ].join('\n');
    case 'list':
      return `<ul style="${STYLE.list}">${block.items.map(renderItem).join('')}</ul>`;
    case 'lines':
      return `<p style="${STYLE.paragraph}">${block.lines.map(escapeHtml).join('<br>')}</p>`;
  }
}

export interface HtmlDocument {
  lang: string;
  title: string;
  blocks: readonly Block[];
  footer: Footer | undefined;
}

/** A complete, self-contained HTML email: no scripts, no external resources. */
export function renderHtmlDocument({ lang, title, blocks, footer }: HtmlDocument): string {
  const footerHtml =
    footer === undefined
      ? []
      : [
          `<p style="${STYLE.footer}">${escapeHtml(footer.text)} ${link(footer.url, footer.linkLabel)}</p>`,
        ];
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    '</head>',
    `<body style="${STYLE.body}">`,
    `<div style="${STYLE.card}">`,
    ...blocks.map(renderBlock),
    '</div>',
    ...footerHtml,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
