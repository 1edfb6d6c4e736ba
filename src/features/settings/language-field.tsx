import { useEffect, useState } from 'react';
import { Trans, useLingui } from '@lingui/react/macro';
import { SelectField } from '../../components/ui/select-field';
import { switchLocale } from '../../i18n/activate';
import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from '../../i18n/locales';

// Each language is named in itself ("English", "简体中文"), whatever the page's language.
const OPTIONS = LOCALES.map((locale) => ({
  value: locale,
  label: LOCALE_NAMES[locale],
  lang: locale,
}));

/** Settings → Language: switches the whole studio at once, without a reload, and remembers it. */
export function LanguageField() {
  const { t, i18n } = useLingui();
  // A language whose words could not be fetched: said here, with a Retry.
  const [failed, setFailed] = useState<Locale | null>(null);
  const choose = (locale: Locale) => {
    setFailed(null);
    switchLocale(locale).catch(() => setFailed(locale));
  };
  useEffect(() => {
    if (!failed) return;
    const again = () => choose(failed);
    window.addEventListener('online', again);
    return () => window.removeEventListener('online', again);
  }, [failed]);
  const part = failed ? LOCALE_NAMES[failed] : '';
  return (
    <>
      <SelectField
        label={t`Language`}
        value={i18n.locale}
        options={OPTIONS}
        onChange={(value) => {
          if (isLocale(value)) choose(value);
        }}
      />
      {failed && (
        <div role="alert" className="part-failed">
          <p>{t`Couldn't load ${part}.`}</p>
          <button type="button" onClick={() => choose(failed)}>
            <Trans>Retry</Trans>
          </button>
        </div>
      )}
    </>
  );
}
