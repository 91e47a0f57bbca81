/** A catalogue as a locale's `messages.json` holds it. */
export type Catalogue = Record<string, { message: string }>;

/**
 * `browser.i18n.getMessage` over `catalogue`, with Chrome's `$1`…`$9` substitution: WXT's fake
 * browser has no i18n of its own.
 */
export function getMessageFrom(catalogue: Catalogue): (key: string, substitutions?: string | string[]) => string {
  return (key, substitutions) => {
    const message = catalogue[key]?.message ?? '';
    const values = substitutions === undefined ? [] : [substitutions].flat();
    return message.replace(/\$(\d)/g, (_, index: string) => values[Number(index) - 1] ?? '');
  };
}
