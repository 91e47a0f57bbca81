import { useEffect, useState } from 'preact/hooks';
import type { TokenCheck } from '@/utils/github/api';
import type { LocalizedText } from '@/utils/errors';
import { errorText, sayText, t } from '@/utils/i18n';
import { Feedback } from '../Feedback';
import { TextField } from './TextField';

/** The GitHub token, as the options page may handle it: never read back whole, only masked. */
export interface ConnectionApi {
  /** The token in use, masked (`ghp_…a1b2`), or undefined when none is set. */
  maskedToken(): Promise<string | undefined>;
  /** Calls `onChange` when the token is set or removed in any page; returns the unwatch function. */
  watchToken(onChange: () => void): () => void;
  setToken(token: string): Promise<void>;
  removeToken(): Promise<void>;
  /** Asks GitHub whose the token is. */
  checkToken(): Promise<TokenCheck>;
  /** What the token lacks in the repositories the options name, by reading them (none when it may read all). */
  checkAccess?: () => Promise<LocalizedText[]>;
}

/**
 * "GitHub connection": an optional token, for discussions' own Markdown, private repositories and a
 * higher rate limit. The field is a password field and never shows the saved token; the section says
 * which one is in use by its last characters.
 */
export function ConnectionSection({ connection }: { connection: ConnectionApi }) {
  const [masked, setMasked] = useState<string>();
  const [value, setValue] = useState('');
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');

  useEffect(() => {
    const read = () => void connection.maskedToken().then(setMasked, (error) => setFailure(errorText(error)));
    read();
    return connection.watchToken(read);
  }, [connection]);

  const run = async (action: () => Promise<string>) => {
    setStatus('');
    setFailure('');
    try {
      setStatus(await action());
      setMasked(await connection.maskedToken());
    } catch (error) {
      setFailure(errorText(error));
    }
  };

  return (
    <section class="panel" aria-labelledby="connection-heading">
      <h2 id="connection-heading">{t('optionsConnectionHeading')}</h2>
      <p class="hint">{t('optionsConnectionHelp')}</p>
      <p>{masked ? t('optionsTokenInUse', masked) : t('optionsTokenNone')}</p>
      <form
        class="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void run(async () => {
            await connection.setToken(value);
            setValue('');
            return t('optionsTokenSaved');
          });
        }}
      >
        <TextField label={t('optionsTokenLabel')} type="password" value={value} onInput={setValue} placeholder="github_pat_…" />
        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={!value.trim()}>
            {t('optionsTokenSave')}
          </button>
          <button
            type="button"
            class="btn"
            disabled={!masked}
            onClick={() =>
              void run(async () => {
                const checked = await connection.checkToken();
                if (!('login' in checked)) return t('optionsTokenRefused', t(`errorSource_${checked.failed}`));
                const problems = (await connection.checkAccess?.()) ?? [];
                return [t('optionsTokenValid', checked.login), ...problems.map(sayText)].join(' ');
              })
            }
          >
            {t('optionsTokenCheck')}
          </button>
          <button
            type="button"
            class="btn"
            disabled={!masked}
            onClick={() =>
              void run(async () => {
                await connection.removeToken();
                return t('optionsTokenRemoved');
              })
            }
          >
            {t('optionsTokenRemove')}
          </button>
        </div>
      </form>
      <Feedback failure={failure} status={status} />
    </section>
  );
}
