import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BackupSection } from '@/components/options/BackupSection';
import { DraftFields } from '@/components/popup/DraftFields';
import { createStore } from '@/utils/store';
import english from '../../../public/_locales/en/messages.json';
import chinese from '../../../public/_locales/zh_CN/messages.json';
import { getMessageFrom } from '../../support/catalogue';
import { freshDatabase, seedCapture } from '../../support/clips';
import { popupApi, renderPopup } from './popup-harness';

/** The Chinese UI, word for word as a Chinese browser shows it. */
beforeEach(() => {
  fakeBrowser.i18n.getMessage = getMessageFrom(chinese);
});

afterEach(() => {
  cleanup();
  fakeBrowser.i18n.getMessage = getMessageFrom(english);
});

describe('the popup in Chinese', () => {
  it('explains each control named in English in a Chinese tooltip', async () => {
    const store = createStore(freshDatabase());
    await store.clips.save(seedCapture(), { addToCurrentDraft: true });
    renderPopup(popupApi(store));
    const named = [
      await screen.findByLabelText('Draft Markdown'),
      screen.getByLabelText('Template'),
      screen.getByRole('button', { name: 'Copy Markdown' }),
      screen.getByRole('button', { name: 'Download .md' }),
      screen.getByRole('button', { name: 'Open as GitHub issue' }),
    ];
    for (const control of named)
      expect([control.getAttribute('aria-label') ?? control.textContent, control.title]).toEqual([
        expect.any(String),
        expect.stringMatching(/[\u4e00-\u9fff]/),
      ]);
  });

  it('explains the intro’s SOFA Weekly markers in its placeholder', () => {
    render(<DraftFields draft={{ id: 'd', title: '', date: '2023-01-06', clipIds: [], intro: '' }} onChange={() => {}} onDone={() => {}} />);
    const intro = screen.getByLabelText<HTMLTextAreaElement>('引言');
    for (const marker of ['<!-- cover -->', '<!-- contributions -->', '<!-- reading -->']) expect(intro.placeholder).toContain(marker);
    expect(intro.placeholder).toMatch(/封面/);
  });
});

describe('the options page in Chinese', () => {
  it('words the backup file picker in Chinese, not in the browser’s own words', async () => {
    // Never settles: only the picker is under test here, not the import.
    const onImport = vi.fn<(text: string) => Promise<never>>(() => new Promise(() => {}));
    render(<BackupSection onExport={async () => 'backup.json'} onImport={onImport} />);
    const input = screen.getByLabelText<HTMLInputElement>('导入备份');
    expect(input.type).toBe('file');
    const field = input.closest('label')!;
    expect(field.textContent).toContain('选择备份文件');
    expect(field.textContent).toContain('未选择文件');
    expect(field.textContent).not.toMatch(/Choose|No file/);

    fireEvent.change(input, { target: { files: [new File(['{}'], 'weekly-backup.json', { type: 'application/json' })] } });
    expect(field.textContent).toContain('weekly-backup.json');
    await waitFor(() => expect(onImport).toHaveBeenCalledWith('{}'));
  });
});
