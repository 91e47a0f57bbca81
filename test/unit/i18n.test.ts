import { describe, expect, it } from 'vitest';
import { ClipperError, LocalizedError, text } from '@/utils/errors';
import { errorText, reasonText } from '@/utils/i18n';

describe('errors in the user’s language', () => {
  it('words a LocalizedError’s message as the user reads it, nested texts included', () => {
    const error = new LocalizedError('errorCouldNotClip', [text('errorEmptyPost', 'dengqian')]);
    expect(error.message).toBe('Could not clip this thread: The post by @dengqian has nothing to clip');
    expect(errorText(error)).toBe(error.message);
  });

  it('says a failure nobody foresaw in a sentence of ours around the browser’s words', () => {
    expect(errorText(new DOMException('Quota exceeded', 'QuotaExceededError'))).toBe('Something went wrong: Quota exceeded');
    expect(errorText(new ClipperError('Worded for the user already'))).toBe('Worded for the user already');
  });

  it('gives a sentence of ours that frames a reason our errors said, and anything else in its own words', () => {
    expect(reasonText(new LocalizedError('draftNothingToPublish'))).toBe('There is nothing to publish yet: the current draft has no clips.');
    expect(reasonText(new RangeError('Maximum call stack size exceeded'))).toBe('Maximum call stack size exceeded');
  });
});
