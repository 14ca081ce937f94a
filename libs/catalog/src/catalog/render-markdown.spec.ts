import { describe, expect, it } from 'vitest';
import { renderLessonHtml } from './render-markdown.js';

describe('renderLessonHtml', () => {
  it('renders Markdown formatting', () => {
    expect(renderLessonHtml('## Title\n\nSome **bold** text and a [link](/lessons/next).')).toBe(
      '<h2>Title</h2>\n<p>Some <strong>bold</strong> text and a <a href="/lessons/next" rel="noopener noreferrer nofollow">link</a>.</p>\n',
    );
  });

  it('removes scripts, event handlers and javascript: links', () => {
    const html = renderLessonHtml(
      '<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[click](javascript:alert(1)) <a href="x" onclick="y">z</a>',
    );
    expect(html).not.toMatch(/script|onerror|onclick|javascript:|<img/i);
  });
});
