/**
 * The render worker: `renderDraft` off the page's thread, so the page can stop a template that runs
 * too long without freezing (renderer.ts).
 */
import { renderDraft } from './render-draft';
import type { RenderMessage, RenderReply } from './renderer';

addEventListener('message', ({ data: { id, request } }: MessageEvent<RenderMessage>) => {
  const reply: RenderReply = { id, rendered: renderDraft(request.draft, request.clips, request.settings) };
  postMessage(reply);
});
