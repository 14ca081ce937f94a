import type { Block, Footer, ListItem } from './blocks.js';
import { checkLinkUrl } from './link-url.js';

function renderItem(item: ListItem, indent: string): string {
  const label = item.detail === undefined ? item.label : `${item.label} (${item.detail})`;
  const lines = [`${indent}- ${label}`];
  if (item.url !== undefined) lines.push(`${indent}  ${checkLinkUrl(item.url)}`);
  for (const child of item.children ?? []) lines.push(renderItem(child, `${indent}  `));
  return lines.join('\n');
}

function renderBlock(block: Block, colon: string): string {
  switch (block.type) {
    case 'paragraph':
      return block.text;
    case 'heading':
      return `${block.text}\n${'-'.repeat(block.text.length)}`;
    case 'action':
      return `${block.label}${colon} ${checkLinkUrl(block.url)}`;
    case 'list':
      return block.items.map((item) => renderItem(item, '')).join('\n');
    case 'lines':
      return block.lines.join('\n');
  }
}

/**
 * The plain-text email body: blocks separated by blank lines, the footer (if any) last. `colon`
 * separates a label from its link, as typography differs per language.
 */
export function renderPlainText(
  blocks: readonly Block[],
  footer: Footer | undefined,
  colon: string,
): string {
  const parts = blocks.map((block) => renderBlock(block, colon));
  if (footer !== undefined) {
    parts.push(`${footer.text}\n${footer.linkLabel}${colon} ${checkLinkUrl(footer.url)}`);
  }
  return `${parts.join('\n\n')}\n`;
}
