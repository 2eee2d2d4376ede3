// Finds a person by ID number, name or pinyin and picks one; each option shows the masked ID number,
// the age and the village, so two people of the same name can be told apart.
import { Select, Spin } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { errorMessage, isAbort } from '../../lib/api';
import { orDash } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { PersonSummary } from '../../lib/types';
import { searchPersons } from './api';
import { ageOf, sexLabel } from './labels';

const DELAY_MS = 300;

/** Only what the server can look up: letters, Chinese characters, or a whole ID number. */
function searchable(text: string): boolean {
  if (/^[0-9０-９]/.test(text)) return /^[0-9０-９]{15}$|^[0-9０-９]{17}[0-9０-９xXｘＸ]$/.test(text);
  return text.length > 0;
}

export interface PersonPickerProps {
  value?: string;
  onChange?: (personKey: string | undefined, person?: PersonSummary) => void;
  /** The person already chosen (from the page that opened the form), shown before any search. */
  initial?: PersonSummary;
  sex?: 1 | 2;
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
  'data-testid'?: string;
  optionTestId?: string;
}

export function PersonPicker({
  value,
  onChange,
  initial,
  sex,
  placeholder,
  allowClear,
  id,
  ...rest
}: PersonPickerProps) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [results, setResults] = useState<PersonSummary[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();
  const [chosen, setChosen] = useState<PersonSummary | undefined>(initial);
  const query = text.trim();

  useEffect(() => setChosen((c) => c ?? initial), [initial]);

  useEffect(() => {
    if (!searchable(query)) {
      setResults([]);
      setLoading(false);
      return undefined;
    }
    const controller = new AbortController();
    setLoading(true);
    const timer = window.setTimeout(() => {
      searchPersons({ q: query, sex, status: 'resident', page: 1, pageSize: 10 }, controller.signal).then(
        (page) => {
          setResults(page.items);
          setError(undefined);
          setLoading(false);
        },
        (e: unknown) => {
          if (isAbort(e) || controller.signal.aborted) return;
          setResults([]);
          setError(errorMessage(e));
          setLoading(false);
        },
      );
    }, DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query, sex]);

  const label = (p: PersonSummary) =>
    t('form.pickOption', {
      name: p.name,
      sex: sexLabel(t, p.sex),
      age: ageOf(p.birthDate) ?? '—',
      id: orDash(p.idNumberMasked),
      place: orDash(p.residenceName),
    });
  const options = useMemo(() => {
    const list = query && results.length > 0 ? results : chosen ? [chosen] : [];
    return list.map((p) => ({
      value: p.personKey,
      label: <span data-testid={rest.optionTestId}>{label(p)}</span>,
      person: p,
    }));
    // label depends on t only
  }, [query, results, chosen, t]);

  return (
    <Select
      id={id}
      data-testid={rest['data-testid']}
      showSearch
      allowClear={allowClear}
      value={value}
      filterOption={false}
      searchValue={text}
      onSearch={setText}
      onChange={(key: string | undefined, option) => {
        const person = (Array.isArray(option) ? undefined : option)?.person;
        setChosen(person);
        setText('');
        onChange?.(key, person);
      }}
      options={options}
      placeholder={placeholder ?? t('form.findPerson')}
      notFoundContent={loading ? <Spin size="small" /> : query ? (error ?? t('form.noMatch')) : null}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
      listHeight={320}
    />
  );
}
