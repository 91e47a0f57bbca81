import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PRESETS } from '@/utils/draft/presets';
import { SOFASTACK_COMMUNITY } from '@/utils/model';
import { getSetting, setSettings } from '@/utils/settings';
import { openOptionsAt } from './harness';

const sofa = PRESETS.find((preset) => preset.id === 'sofa-weekly')!; // shipped with the extension

const source = () => screen.getByLabelText<HTMLTextAreaElement>('Template source');
const previewMarkdown = () => screen.getByLabelText<HTMLTextAreaElement>('Preview Markdown');
const button = (name: string) => screen.getByRole<HTMLButtonElement>('button', { name });
const type = (field: HTMLElement, value: string) => fireEvent.input(field, { target: { value } });
const community = () => within(screen.getByRole('region', { name: 'Community' }));

describe('options: help with templates', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(cleanup);

  const open = (settings: Parameters<typeof setSettings>[0] = {}) => openOptionsAt('Templates', { settings });

  it('starts a new template as a copy of the one in use', async () => {
    await open({ templateId: 'sofa-weekly' });
    fireEvent.click(button('New template'));
    expect(screen.getByLabelText<HTMLInputElement>('Template name').value).toBe('Copy of SOFA Weekly');
    expect(source().value).toBe(sofa.source);
  });

  it('names a misspelt variable with its line, and says nothing once it is fixed', async () => {
    await open();
    fireEvent.click(button('New template'));
    type(source(), '# {{ draft.title }}\n\n{{ draft.titel }}');
    expect(screen.getByText('Line 3, column 4: unknown variable draft.titel')).toBeTruthy();
    expect(source().getAttribute('aria-describedby')).toBeTruthy();
    type(source(), '# {{ draft.title }}');
    expect(screen.queryByText(/unknown variable/)).toBeNull();
    await waitFor(() => expect(previewMarkdown().value).toBe('# Weekly digest'));
  });

  it("edits the community's fields, which the SOFA Weekly preset prints in its preview", async () => {
    await open({ templateId: 'sofa-weekly' });
    fireEvent.click(button('View SOFA Weekly'));
    await waitFor(() => expect(previewMarkdown().value).toContain('### SOFAStack 社区本周贡献'));
    expect(community().getByLabelText<HTMLInputElement>('Community name').value).toBe('SOFAStack');

    type(community().getByLabelText('Community name'), 'Dubbo');
    type(community().getByLabelText('Standing closing (Markdown)'), '感谢阅读。');
    fireEvent.click(community().getByRole('button', { name: 'Save community' }));
    expect(await community().findByText("Saved the community's fields.")).toBeTruthy();
    expect(await getSetting('community')).toEqual({ ...SOFASTACK_COMMUNITY, name: 'Dubbo', closing: '感谢阅读。' });
    await waitFor(() => expect(previewMarkdown().value).toContain('### Dubbo 社区本周贡献'));
    expect(previewMarkdown().value.endsWith('感谢阅读。\n')).toBe(true);

    fireEvent.click(community().getByRole('button', { name: "Use SOFAStack's text" }));
    fireEvent.click(community().getByRole('button', { name: 'Save community' }));
    await waitFor(async () => expect(await getSetting('community')).toEqual(SOFASTACK_COMMUNITY));
  });
});
