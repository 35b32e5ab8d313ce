// Set up, change or remove the scheduled sync of a storage domain (oVirt's "Setup Remote Data
// Sync": the session, daily or weekly on chosen days at hour:minute) with what this product adds:
// the time zone, stop or pause afterwards, and the longest wait for the checkpoint. Checked with
// the same rules as the service (src/georep/dr.ts validateSchedule) before it is sent.
import {
  Alert,
  Button,
  Checkbox,
  Form,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  TextInput,
} from '@patternfly/react-core';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useIntl } from '../../intl/react';
import {
  DR_DAYS,
  describeSchedule,
  validateSchedule,
  type DrDay,
  type DrDomainView,
  type DrSchedule,
} from '../../georep/dr';
import { useServices } from '../environment';
import { asApiError } from '../queries';
import { useNotify } from '../Toasts';
import { drMessages as m } from './messages';

type Freq = 'daily' | 'weekly' | 'none';

function browserZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function ScheduleDialog(props: {
  clusterId: string;
  domain: DrDomainView;
  onClose: () => void;
}) {
  const { clusterId, domain, onClose } = props;
  const intl = useIntl();
  const dr = useServices().dr!;
  const qc = useQueryClient();
  const notify = useNotify();
  const titleId = useId();
  const old = domain.setup?.schedule;
  const [sessionId, setSessionId] = useState(domain.session_id ?? domain.sessions[0]?.id ?? '');
  const [freq, setFreq] = useState<Freq>(old?.frequency ?? 'daily');
  const [days, setDays] = useState<DrDay[]>(old?.days ?? []);
  const [time, setTime] = useState(
    old ? `${String(old.hour).padStart(2, '0')}:${String(old.minute).padStart(2, '0')}` : '02:00',
  );
  const [zone, setZone] = useState(old?.time_zone ?? browserZone());
  const [after, setAfter] = useState<'stop' | 'pause'>(old?.after ?? 'stop');
  const [maxWait, setMaxWait] = useState(String(old?.max_wait_minutes ?? 60));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const tm = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(time.trim());
  const schedule: DrSchedule | null =
    freq === 'none'
      ? null
      : {
          frequency: freq,
          days: freq === 'weekly' ? DR_DAYS.filter((d) => days.includes(d)) : [],
          hour: tm ? Number(tm[1]) : -1,
          minute: tm ? Number(tm[2]) : -1,
          time_zone: zone.trim(),
          after,
          max_wait_minutes: /^\d+$/.test(maxWait.trim()) ? Number(maxWait.trim()) : NaN,
        };
  const problem = !schedule
    ? null
    : !tm
      ? intl.formatMessage(m.badTime)
      : validateSchedule(schedule);

  const save = async () => {
    if (problem) return;
    setBusy(true);
    setError(null);
    try {
      await dr.setSchedule(clusterId, domain.primary_volume, {
        storage_domain_id: domain.storage_domain_id,
        session_id: schedule ? sessionId : null,
        schedule,
      });
      await qc.invalidateQueries({ queryKey: ['georep', 'dr', clusterId] });
      notify(
        'success',
        schedule
          ? intl.formatMessage(m.saved, {
              name: domain.storage_domain_name,
              what: describeSchedule(schedule),
            })
          : intl.formatMessage(m.removed, { name: domain.storage_domain_name }),
      );
      onClose();
    } catch (err) {
      const e = asApiError(err);
      setError(e.detail || e.reason);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal isOpen variant="medium" onClose={onClose} aria-labelledby={titleId}>
      <ModalHeader
        title={intl.formatMessage(m.scheduleTitle, { name: domain.storage_domain_name })}
        labelId={titleId}
      />
      <ModalBody>
        <Form
          id="georep-dr-schedule"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <FormGroup label={intl.formatMessage(m.session)} fieldId="dr-session">
            <FormSelect
              id="dr-session"
              value={sessionId}
              onChange={(_e, v) => setSessionId(v)}
              isDisabled={freq === 'none'}
            >
              {domain.sessions.map((s) => (
                <FormSelectOption
                  key={s.id}
                  value={s.id}
                  label={`${domain.primary_volume} → ${s.secondary} (${s.status})`}
                />
              ))}
            </FormSelect>
          </FormGroup>
          <FormGroup label={intl.formatMessage(m.frequency)} fieldId="dr-frequency">
            <FormSelect id="dr-frequency" value={freq} onChange={(_e, v) => setFreq(v as Freq)}>
              <FormSelectOption value="daily" label={intl.formatMessage(m.daily)} />
              <FormSelectOption value="weekly" label={intl.formatMessage(m.weekly)} />
              <FormSelectOption value="none" label={intl.formatMessage(m.noneFreq)} />
            </FormSelect>
          </FormGroup>
          {freq === 'weekly' ? (
            <FormGroup label={intl.formatMessage(m.days)} role="group" isInline fieldId="dr-days">
              {DR_DAYS.map((d) => (
                <Checkbox
                  key={d}
                  id={`dr-day-${d}`}
                  label={d[0]!.toUpperCase() + d.slice(1)}
                  isChecked={days.includes(d)}
                  onChange={(_e, on) => setDays(on ? [...days, d] : days.filter((x) => x !== d))}
                />
              ))}
            </FormGroup>
          ) : null}
          {freq !== 'none' ? (
            <>
              <FormGroup label={intl.formatMessage(m.time)} fieldId="dr-time">
                <TextInput id="dr-time" value={time} onChange={(_e, v) => setTime(v)} />
              </FormGroup>
              <FormGroup label={intl.formatMessage(m.timeZone)} fieldId="dr-zone">
                <TextInput id="dr-zone" value={zone} onChange={(_e, v) => setZone(v)} />
              </FormGroup>
              <FormGroup label={intl.formatMessage(m.after)} fieldId="dr-after">
                <FormSelect
                  id="dr-after"
                  value={after}
                  onChange={(_e, v) => setAfter(v as 'stop' | 'pause')}
                >
                  <FormSelectOption value="stop" label={intl.formatMessage(m.afterStop)} />
                  <FormSelectOption value="pause" label={intl.formatMessage(m.afterPause)} />
                </FormSelect>
              </FormGroup>
              <FormGroup label={intl.formatMessage(m.maxWait)} fieldId="dr-wait">
                <TextInput id="dr-wait" value={maxWait} onChange={(_e, v) => setMaxWait(v)} />
              </FormGroup>
            </>
          ) : null}
          <FormHelperText>
            <HelperText>
              <HelperTextItem variant={problem ? 'error' : 'default'}>
                {problem ??
                  (schedule ? describeSchedule(schedule) : intl.formatMessage(m.noneFreq))}
              </HelperTextItem>
            </HelperText>
          </FormHelperText>
          {error ? (
            <Alert
              isInline
              variant="danger"
              title={intl.formatMessage(m.saveFailed, { detail: error })}
            />
          ) : null}
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button
          variant="primary"
          type="submit"
          form="georep-dr-schedule"
          isLoading={busy}
          isDisabled={busy || !!problem || (schedule !== null && !sessionId)}
        >
          {intl.formatMessage(m.save)}
        </Button>
        <Button variant="link" onClick={onClose}>
          {intl.formatMessage(m.cancel)}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
