import { useLingui } from '@lingui/react/macro';
import { SelectField } from '../../components/ui/select-field';
import { switchLocale } from '../../i18n/activate';
import { isLocale, LOCALE_NAMES, LOCALES } from '../../i18n/locales';

// Each language is named in itself ("English", "简体中文"), whatever the page's language.
const OPTIONS = LOCALES.map((locale) => ({
  value: locale,
  label: LOCALE_NAMES[locale],
  lang: locale,
}));

/** Settings → Language: switches the whole studio at once, without a reload, and remembers it. */
export function LanguageField() {
  const { t, i18n } = useLingui();
  return (
    <SelectField
      label={t`Language`}
      value={i18n.locale}
      options={OPTIONS}
      onChange={(value) => {
        if (isLocale(value)) void switchLocale(value);
      }}
    />
  );
}
