import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchEnumerations, type EnumerationName } from '../api/enumerations';

/** The labels of the API's enumerations, in the current language. */
export function useEnumLabels() {
  const { i18n } = useTranslation();
  const query = useQuery({ queryKey: ['enumerations'], queryFn: fetchEnumerations, staleTime: Infinity });
  const language = i18n.language === 'en' ? 'en' : 'nl';
  const label = (name: EnumerationName, code: string | undefined | null): string => {
    if (!code) return '';
    const value = query.data?.[name]?.find((entry) => entry.code === code);
    return value?.labels[language] ?? code;
  };
  const options = (name: EnumerationName) =>
    (query.data?.[name] ?? []).map((entry) => ({ value: entry.code, label: entry.labels[language] }));
  return { label, options, ready: query.isSuccess };
}
