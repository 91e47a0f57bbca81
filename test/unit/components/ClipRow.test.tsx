import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ClipRow } from '@/components/popup/ClipRow';
import { clipFrom, seedCapture } from '../../support/clips';

afterEach(cleanup);

describe('a clip in the popup’s list', () => {
  it('shows the question the draft prints, with the thread’s title on hover', () => {
    const asked = seedCapture();
    const clip = clipFrom({ ...asked, question: { ...asked.question, markdown: '> Can the **debug server** survive a hot upgrade?\n\nMore detail.' } });
    render(<ClipRow clip={clip} position={1} onAction={() => {}} />);
    const row = screen.getByRole('link', { name: 'Can the debug server survive a hot upgrade?' });
    expect(row.title).toBe(clip.title);
    expect(row.getAttribute('href')).toBe(clip.url);
  });
});
