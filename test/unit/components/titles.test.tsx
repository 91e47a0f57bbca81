import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MarkdownPreview } from '@/components/MarkdownPreview';
import { ClipEditor } from '@/components/popup/ClipEditor';
import { ClipRow } from '@/components/popup/ClipRow';
import { PRESETS } from '@/utils/draft/presets';
import { compileTemplate } from '@/utils/draft/template';
import { clipFrom, seedCapture } from '../../support/clips';

const TITLE = '*not emphasis* [link](http://x) <img src=x onerror=alert(1)> <figure> # heading';
const clip = clipFrom(seedCapture({ title: TITLE, question: { ...seedCapture().question, markdown: TITLE } }));

afterEach(cleanup);

describe('a thread title in the popup', () => {
  it('shows in the list as the text GitHub showed', () => {
    render(<ClipRow clip={clip} position={1} onAction={() => {}} />);
    const link = screen.getByRole('link');
    expect(link.textContent).toBe(TITLE);
    expect(link.children.length).toBe(0);
  });

  it("shows in the draft's preview as the text GitHub showed", () => {
    const digest = compileTemplate(PRESETS.find((preset) => preset.name === 'Weekly digest')!.source);
    const markdown = digest.render({ id: 'd', title: TITLE, date: '2023-01-06', clipIds: [clip.id], intro: '' }, [clip]);
    render(<MarkdownPreview markdown={markdown} label="Preview" />);
    const preview = screen.getByRole('region', { name: 'Preview' });
    // Only the quote: under happy-dom, DOMPurify drops the document's first element (the heading,
    // whatever its text); test/unit/draft/titles.test.ts checks the heading with the same renderer.
    const quote = preview.querySelector('blockquote > p');
    expect(quote?.textContent).toBe(TITLE);
    expect(quote?.children.length).toBe(0);
    expect(preview.querySelector('img, figure, a[href="http://x"]')).toBeNull();
  });

  it('opens as escaped Markdown in the question editor, so an edit keeps it text', () => {
    const onSave = vi.fn();
    render(<ClipEditor clip={clip} onSave={onSave} onCancel={() => {}} />);
    const question = screen.getByLabelText<HTMLTextAreaElement>('Question Markdown');
    expect(question.value).toBe('\\*not emphasis\\* \\[link\\]\\(http\\://x) &lt;img src=x onerror=alert(1)> &lt;figure> # heading');
    const edited = `${question.value} (solved)`;
    fireEvent.input(question, { target: { value: edited } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledWith({ question: edited, answer: '', note: '' });
  });

  it('is not saved again when the editor is left without a change', () => {
    const onSave = vi.fn();
    render(<ClipEditor clip={clip} onSave={onSave} onCancel={() => {}} />);
    dispatchEvent(new Event('pagehide'));
    expect(onSave).not.toHaveBeenCalled();
  });
});
