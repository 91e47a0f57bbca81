import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { threadLocation } from '@/utils/github/location';
import { onFirstThread, watchPage } from '@/utils/page/observe';
import { loadPage } from '../../support/pages';

/** Lets the MutationObserver run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('watchPage', () => {
  const controller = new AbortController();
  afterEach(() => controller.abort());

  it('looks at nothing added to a page it does not watch, and starts once a navigation reaches one it does', async () => {
    const page = loadPage('<html><body><main></main></body></html>', 'https://github.com/o/r/issues');
    const onElement = vi.fn();
    const root = page.documentElement;
    const querySelectorAll = vi.spyOn(root, 'querySelectorAll');
    watchPage(root, { selector: '.target', onElement, watches: (url) => /\/issues\/\d+$/.test(url.pathname) }, controller.signal);
    page.body.append(Object.assign(page.createElement('div'), { className: 'target' }));
    await settle();
    expect(onElement).not.toHaveBeenCalled();
    expect(querySelectorAll).not.toHaveBeenCalled();

    history.pushState({}, '', 'https://github.com/o/r/issues/1');
    page.body.append(page.createElement('section'));
    await settle();
    expect(onElement).toHaveBeenCalledOnce();
  });
});

describe('onFirstThread', () => {
  const showsThread = (url: URL) => threadLocation(url) !== undefined;
  let controller: AbortController;
  beforeEach(() => {
    controller = new AbortController();
  });
  afterEach(() => controller.abort());

  it('starts at once on a page that shows a thread', () => {
    const page = loadPage('<html><body><main></main></body></html>', 'https://github.com/o/r/pull/7');
    const start = vi.fn();
    onFirstThread(page.documentElement, showsThread, start, controller.signal);
    expect(start).toHaveBeenCalledOnce();
  });

  it('starts nothing on pages with no thread, and starts once at the soft navigation that brings one', async () => {
    const page = loadPage('<html><body><main></main></body></html>', 'https://github.com/o/r');
    const start = vi.fn();
    onFirstThread(page.documentElement, showsThread, start, controller.signal);
    page.body.append(page.createElement('section'));
    history.pushState({}, '', 'https://github.com/o/r/issues');
    page.body.append(page.createElement('section'));
    await settle();
    expect(start).not.toHaveBeenCalled();

    history.pushState({}, '', 'https://github.com/o/r/discussions/3');
    page.body.append(page.createElement('section'));
    await settle();
    history.pushState({}, '', 'https://github.com/o/r/issues/4');
    page.body.append(page.createElement('section'));
    await settle();
    expect(start).toHaveBeenCalledOnce();
  });

  it('starts nothing once its lifetime has ended', async () => {
    const page = loadPage('<html><body><main></main></body></html>', 'https://github.com/o/r');
    const start = vi.fn();
    onFirstThread(page.documentElement, showsThread, start, controller.signal);
    controller.abort();
    history.pushState({}, '', 'https://github.com/o/r/issues/4');
    page.body.append(page.createElement('section'));
    await settle();
    expect(start).not.toHaveBeenCalled();
  });
});
