import type { Page } from 'playwright-core';
import { launchExtension } from '../test/e2e/support/extension';

export interface PopupBench {
  clips: number;
  /** From navigation start to the draft's clips and Draft Markdown on screen (median, ms). */
  firstRenderMs: number;
}

const RUNS = 7;
/** Clips placed in the week's draft; the rest wait in the inbox, as after months of use. */
const IN_DRAFT = 20;

/** Fills the extension's database (as the popup page, same origin) with `count` clips. */
async function seed(popup: Page, count: number): Promise<void> {
  await popup.evaluate(
    ([total, inDraft]) =>
      new Promise<void>((done, fail) => {
        const request = indexedDB.open('weekly-clipper');
        request.onerror = () => fail(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction(['clips', 'drafts'], 'readwrite');
          const drafts = tx.objectStore('drafts');
          drafts.getAll().onsuccess = (event) => {
            const current = ((event.target as IDBRequest).result as { id: string; publishedAt?: string; clipIds: string[] }[]).find(
              (draft) => !draft.publishedAt,
            )!;
            const clips = tx.objectStore('clips');
            for (let index = 0; index < total; index++) {
              const id = `bench/repo${index % 50}#${index}`;
              const at = new Date(Date.UTC(2023, 0, 1) + index * 60_000).toISOString();
              const placed = index >= total - inDraft;
              if (placed) current.clipIds.push(id);
              clips.put({
                id,
                repo: `bench/repo${index % 50}`,
                number: index,
                kind: 'issue',
                url: `https://github.com/bench/repo${index % 50}/issues/${index}`,
                title: `Question number ${index} about a thing that happens sometimes`,
                question: { author: `user${index % 97}`, url: '', markdown: `Why does thing ${index} happen?` },
                answer: {
                  author: `maintainer${index % 7}`,
                  url: '',
                  markdown: `Because of **${index}**.\n\n\`\`\`go\nfunc f() int { return ${index} }\n\`\`\``,
                },
                labels: ['question'],
                clippedAt: at,
                updatedAt: at,
                draftId: placed ? current.id : '',
              });
            }
            drafts.put(current);
          };
          tx.oncomplete = () => done();
          tx.onerror = () => fail(tx.error);
        };
      }),
    [count, IN_DRAFT] as const,
  );
}

/** Records, from the first byte of the page, when the draft's Markdown first shows its clips. */
const RECORD_FIRST_RENDER = () => {
  new MutationObserver((_, observer) => {
    const draft = document.querySelector<HTMLTextAreaElement>('textarea.markdown');
    if (draft?.value.includes('**1. @')) {
      (window as { firstRender?: number }).firstRender = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
};

export async function benchPopup(counts: number[]): Promise<PopupBench[]> {
  const results: PopupBench[] = [];
  for (const count of counts) {
    const session = await launchExtension();
    const popup = await session.openPopup();
    await popup.getByLabel('Draft Markdown').waitFor();
    await seed(popup, count);
    await popup.addInitScript(RECORD_FIRST_RENDER);
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await popup.reload();
      await popup.waitForFunction(() => (window as { firstRender?: number }).firstRender !== undefined);
      times.push(await popup.evaluate(() => (window as { firstRender?: number }).firstRender!));
    }
    await session.close();
    times.sort((a, b) => a - b);
    results.push({ clips: count, firstRenderMs: times[Math.floor(times.length / 2)] });
  }
  return results;
}
