import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Feedback } from '@/components/Feedback';

afterEach(cleanup);

describe('Feedback', () => {
  it('shows a failure as an alert, with the id a field points to', () => {
    render(<Feedback failure="The template is broken" failureId="source-error" />);
    const alert = screen.getByRole('alert');
    expect([alert.textContent, alert.id]).toEqual(['The template is broken', 'source-error']);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('keeps an empty status region in the page before it speaks, and nothing else', () => {
    render(<Feedback status="" />);
    expect(screen.getByRole('status').textContent).toBe('');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('marks a status that tells of a failure, and offers an action beside it', () => {
    render(<Feedback status="Removed mosn/mosn#2203." statusFailed={false} action={<button type="button">Undo</button>} />);
    expect(screen.getByRole('status').classList.contains('failed')).toBe(false);
    expect(screen.getByRole('button', { name: 'Undo' })).toBeTruthy();
    cleanup();
    render(<Feedback status="Choose the repository first." statusFailed />);
    expect(screen.getByRole('status').classList.contains('failed')).toBe(true);
  });
});
