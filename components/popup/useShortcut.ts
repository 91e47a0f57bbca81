import { useLayoutEffect, useState } from 'preact/hooks';

/** The keyboard shortcut for Clip to Weekly, once the browser says it; none when it cannot. */
export function useShortcut(api: { shortcut(): Promise<string | undefined> }): string | undefined {
  const [shortcut, setShortcut] = useState<string>();
  useLayoutEffect(() => {
    api.shortcut().then(setShortcut, () => undefined);
  }, [api]);
  return shortcut;
}
