import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ClipCapture } from './model';
import type { SavedClip } from './store/clips';

export interface ClipperProtocol {
  /** Content script -> background, which owns the store. */
  saveClip(capture: ClipCapture): SavedClip;
  /** Background -> a tab's content script: the shortcut or the context menu asks it to clip. */
  clipSelection(): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ClipperProtocol>();
