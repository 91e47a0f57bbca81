/** A render worker that renders nothing by itself: a test answers, or lets time run out. */
import type { RenderedDraft } from '@/utils/draft/render-draft';
import type { RenderMessage, RenderReply, RenderWorker } from '@/utils/draft/renderer';

export class FakeWorker implements RenderWorker {
  readonly received: RenderMessage[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<RenderReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;

  postMessage(message: RenderMessage): void {
    this.received.push(message);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** The latest request this worker got. */
  get request(): RenderMessage['request'] {
    const last = this.received.at(-1);
    if (!last) throw new Error('the worker got no request');
    return last.request;
  }

  /** Answers the latest request (a real worker answers in order, one request at a time). */
  reply(rendered: RenderedDraft, id = this.received.at(-1)?.id ?? 0): void {
    this.onmessage?.(new MessageEvent('message', { data: { id, rendered } }));
  }

  crash(message: string): void {
    this.onerror?.(new ErrorEvent('error', { message }));
  }
}

/** A worker factory that keeps every worker it made, newest last. */
export function fakeWorkers() {
  const made: FakeWorker[] = [];
  const create = () => {
    const worker = new FakeWorker();
    made.push(worker);
    return worker;
  };
  return {
    create,
    made,
    get current(): FakeWorker {
      const worker = made.at(-1);
      if (!worker) throw new Error('no worker was started');
      return worker;
    },
  };
}
