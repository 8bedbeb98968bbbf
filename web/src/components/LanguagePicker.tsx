// SPDX-License-Identifier: EUPL-1.2
import { Field, Label, Select } from '@digdir/designsystemet-react';
import { languages, isLanguage } from '../i18n/catalogue.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function LanguagePicker() {
  const { t, language, setLanguage } = useI18n();
  return (
    <Field className="language-picker" data-size="sm">
      <Label>{t('language.label')}</Label>
      <Select
        value={language}
        width="auto"
        onChange={(event) => {
          if (isLanguage(event.target.value)) setLanguage(event.target.value);
        }}
      >
        {languages.map((code) => (
          <Select.Option key={code} value={code} lang={code}>
            {t(`language.${code}`)}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
