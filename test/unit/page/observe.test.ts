import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchPage } from '@/utils/page/observe';
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
