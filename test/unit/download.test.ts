import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadText } from '@/utils/download';

describe('downloadText', () => {
  afterEach(() => vi.restoreAllMocks());

  it('clicks a hidden link to a UTF-8 blob of the text, named as asked, and leaves nothing behind', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:options/1';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });

    downloadText(document, 'weekly-clipper-backup-2023-01-07.json', '{"clips":["问答"]}');

    expect(clicked.map((link) => [link.getAttribute('href'), link.download, link.hidden])).toEqual([
      ['blob:options/1', 'weekly-clipper-backup-2023-01-07.json', true],
    ]);
    expect(blobs[0]?.type).toBe('application/json;charset=utf-8');
    expect(await blobs[0]?.text()).toBe('{"clips":["问答"]}');
    expect(document.querySelector('a[download]')).toBeNull();
    await vi.waitFor(() => expect(revoke).toHaveBeenCalledWith('blob:options/1'));
  });
});
