// /register/new/:type — one form per event type, its fields named as the events.csv columns.
// Opened from a person page (?person=KEY, for a birth ?mother=KEY, for a void also &target=EVENT) or
// from the menu, where the person is searched in the form itself. Another page may hand over values
// to prefill in the navigation state ({ prefill }: the 核对 page's missing birth, death or correction).
import { Alert, Button, Card, Form, Result } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { useI18n } from '../../lib/i18n';
import { useIsMobile } from '../../lib/responsive';
import { useRequest } from '../../lib/useRequest';
import { getPerson } from './api';
import { ARRIVAL_FIELDS, ArrivalFields, SubjectModeSwitch, type SubjectMode } from './ArrivalFields';
import { BirthFields, motherDefaults } from './BirthFields';
import { DateField, EventFields } from './EventFields';
import { isEventFormType, type EventFormType } from './labels';
import { PersonPicker } from './PersonPicker';
import { useEventSubmit } from './useEventSubmit';

/** Prefilled values as the form holds them: the event date as a dayjs. */
function prefillValues(prefill: Record<string, string> | undefined): Record<string, string | dayjs.Dayjs> {
  if (!prefill) return {};
  return { ...prefill, ...(prefill.date ? { date: dayjs(prefill.date) } : {}) };
}

function EventForm({ type, personKey, target }: { type: EventFormType; personKey: string; target: string }) {
  const { t } = useI18n();
  const location = useLocation();
  const prefill = (location.state as { prefill?: Record<string, string> } | null)?.prefill;
  const mobile = useIsMobile();
  const [form] = Form.useForm<Record<string, unknown>>();
  const { busy, failed, problems, submit } = useEventSubmit(type, form);
  const anchor = useRequest(
    (signal) => (personKey ? getPerson(personKey, signal) : Promise.resolve(null)),
    personKey,
  );
  const person = anchor.data?.person;
  // A move or hukou form opened without a person may be a newcomer's: the 核对 page hands over a name.
  const [mode, setMode] = useState<SubjectMode>(
    (type === 'move' || type === 'hukou') && !personKey && prefill?.name ? 'arrival' : 'known',
  );
  const arriving = mode === 'arrival';
  const changeMode = (next: SubjectMode) => {
    if (next === 'arrival') form.setFieldValue('person_id', undefined);
    else form.resetFields([...ARRIVAL_FIELDS]);
    setMode(next);
  };

  useEffect(() => {
    const today = type === 'correction' || type === 'void' ? { date: dayjs() } : {};
    if (!person) {
      form.setFieldsValue({ ...today, ...prefillValues(prefill) });
      return;
    }
    const from = type === 'move' ? person.residenceCode : type === 'hukou' ? person.hukouCode : undefined;
    form.setFieldsValue(
      type === 'birth'
        ? motherDefaults(person)
        : {
            ...today,
            person_id: person.personKey,
            ...(from ? { from_code: from } : {}),
            ...(target ? { target_event_id: target } : {}),
          },
    );
    form.setFieldsValue(prefillValues(prefill));
  }, [person, type, target, form, prefill]);

  if (anchor.loading) return <PageLoading />;
  const title = t(`form.${type}`);
  return (
    <>
      <PageHeader
        title={title}
        extra={
          person && (
            <Link to={`/persons/${encodeURIComponent(person.personKey)}`}>
              <Button>{t('common.back')}</Button>
            </Link>
          )
        }
      />
      {anchor.error && <Alert type="error" showIcon message={anchor.error} style={{ marginBottom: 12 }} />}
      <Card size="small" style={{ maxWidth: 720 }}>
        {failed && (
          <Alert
            type="error"
            showIcon
            data-testid="event-problems"
            style={{ marginBottom: 16 }}
            message={t('form.failed')}
            description={problems.length > 0 ? problems.map((p) => <div key={p}>{p}</div>) : undefined}
          />
        )}
        <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} scrollToFirstError>
          {type === 'birth' ? (
            <BirthFields form={form} mother={person} />
          ) : (
            <>
              {(type === 'move' || type === 'hukou') && !person && (
                <SubjectModeSwitch value={mode} onChange={changeMode} />
              )}
              {arriving ? (
                <ArrivalFields />
              ) : (
                <Form.Item
                  name="person_id"
                  label={t('form.subject')}
                  rules={[{ required: true, message: t('form.required') }]}
                >
                  <PersonPicker
                    initial={person}
                    data-testid="event-person"
                    onChange={(_key, p) => {
                      if (p && type === 'move') form.setFieldValue('from_code', p.residenceCode);
                      if (p && type === 'hukou') form.setFieldValue('from_code', p.hukouCode);
                    }}
                  />
                </Form.Item>
              )}
              <DateField type={type} />
              <EventFields type={type} timeline={anchor.data?.timeline ?? []} arriving={arriving} />
            </>
          )}
          <Button
            type="primary"
            htmlType="submit"
            loading={busy}
            block={mobile}
            size="large"
            data-testid={type === 'birth' ? 'birth-submit' : 'event-submit'}
          >
            {t('form.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}

export function EventFormPage() {
  const { t } = useI18n();
  const { type } = useParams();
  const [params] = useSearchParams();
  if (!isEventFormType(type)) {
    return <Result status="404" title="404" subTitle={t('form.unknownType')} />;
  }
  const personKey = params.get(type === 'birth' ? 'mother' : 'person') ?? '';
  const target = params.get('target') ?? '';
  // A new form (and a new event_id) for every type and person.
  return (
    <EventForm key={`${type}|${personKey}|${target}`} type={type} personKey={personKey} target={target} />
  );
}
