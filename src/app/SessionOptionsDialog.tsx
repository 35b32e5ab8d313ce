// The session's options (gsyncd config): every option with its description, current and default
// value, allowed values or range and whether it was changed; edit with validation before sending,
// reset one or many; changes applied one by one with a result per option, then re-read.
import {
  Alert,
  Bullseye,
  Button,
  Checkbox,
  Content,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  Label,
  List,
  ListItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  SearchInput,
  Spinner,
  Stack,
  StackItem,
  TextInput,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useIntl } from '../intl/react';
import type { GeoRepConfigOption, GeoRepSession } from '../georep/types';
import { useServices } from './environment';
import { CheckCircleIcon, ExclamationCircleIcon } from './icons';
import { actionMessages } from './messages';
import { dialogMessages } from './dialogMessages';
import { optionsMessages } from './optionsMessages';
import { allowedDescription, optionProblem } from './optionValidation';
import { asApiError, queryKeys } from './queries';
import { sessionName } from './sessionName';
import { isAllowedInState } from './sessionRules';
import { useNotify } from './Toasts';
import { useBatchAction } from './useBatchAction';
import { useRevealWhen } from './useRevealWhen';

export interface SessionOptionsDialogProps {
  clusterId: string;
  session: GeoRepSession;
  /** The user may read the options but not change them (and why). */
  readOnly?: boolean;
  readOnlyReason?: string | null;
  onClose: () => void;
}

/** Options this dialog shows but sets through their own action, never as free text. */
const OWN_ACTION = new Set(['checkpoint']);

/** gsyncd keeps the checkpoint as a Unix time, 0 when none is set. */
function checkpointDate(value: string): Date | null {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? new Date(n * 1000) : null;
}

interface Change {
  kind: 'set' | 'reset';
  name: string;
  value: string;
}

const changeKey = (c: Change): string => c.name;

function choicesOf(option: GeoRepConfigOption): string[] | null {
  const list =
    option.allowed_values && option.allowed_values.length > 0
      ? option.allowed_values
      : option.type === 'boolean'
        ? ['true', 'false']
        : null;
  if (!list) return null;
  return list.includes(option.value) || option.value === '' ? list : [option.value, ...list];
}

/** The checkpoint as a date, set through its own action (never typed as a Unix time). */
function CheckpointValue(p: {
  value: string;
  canSet: boolean;
  busy: boolean;
  error: string | null;
  onSet: () => void;
}) {
  const intl = useIntl();
  const date = checkpointDate(p.value);
  return (
    <div data-testid="checkpoint-option">
      <div>
        {date
          ? intl.formatMessage(optionsMessages.checkpointSet, {
              time: intl.formatDate(date, { dateStyle: 'medium', timeStyle: 'medium' }),
            })
          : intl.formatMessage(optionsMessages.checkpointNone)}
      </div>
      {p.canSet ? (
        <Button
          variant="secondary"
          size="sm"
          isLoading={p.busy}
          isDisabled={p.busy}
          onClick={p.onSet}
        >
          {intl.formatMessage(actionMessages.checkpoint)}
        </Button>
      ) : null}
      {p.error ? (
        <HelperText>
          <HelperTextItem variant="error">{p.error}</HelperTextItem>
        </HelperText>
      ) : null}
    </div>
  );
}

export function SessionOptionsDialog({
  clusterId,
  session,
  readOnly = false,
  readOnlyReason = null,
  onClose,
}: SessionOptionsDialogProps) {
  const intl = useIntl();
  const services = useServices();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const titleId = useId();
  const idBase = useId();
  const name = sessionName(intl, session);

  const config = useQuery({
    queryKey: queryKeys.config(clusterId, session.id),
    queryFn: () => services.getConfig(clusterId, session.id),
  });
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [resets, setResets] = useState<ReadonlySet<string>>(new Set());
  const [filter, setFilter] = useState('');
  const batch = useBatchAction(changeKey);

  const options = useMemo(() => config.data ?? [], [config.data]);
  const visible = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return needle
      ? options.filter(
          (o) =>
            o.name.toLowerCase().includes(needle) || o.description.toLowerCase().includes(needle),
        )
      : options;
  }, [options, filter]);

  const changes: Change[] = useMemo(() => {
    const out: Change[] = [];
    for (const o of options) {
      if (o.read_only || OWN_ACTION.has(o.name)) continue;
      if (resets.has(o.name)) out.push({ kind: 'reset', name: o.name, value: o.default ?? '' });
      else if (edits[o.name] !== undefined && edits[o.name] !== o.value)
        out.push({ kind: 'set', name: o.name, value: edits[o.name]! });
    }
    return out;
  }, [options, edits, resets]);

  const problems = useMemo(() => {
    const out = new Map<string, string>();
    for (const c of changes) {
      if (c.kind !== 'set') continue;
      const option = options.find((o) => o.name === c.name);
      const problem = option ? optionProblem(option, c.value) : null;
      if (problem) out.set(c.name, intl.formatMessage(problem.message, problem.values));
    }
    return out;
  }, [changes, options, intl]);

  const apply = async (): Promise<void> => {
    if (problems.size > 0 || changes.length === 0) return;
    const results = await batch.run(
      changes,
      (c) =>
        c.kind === 'set'
          ? services.setConfigOption(clusterId, session.id, c.name, c.value.trim())
          : services.resetConfigOption(clusterId, session.id, c.name),
      () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: queryKeys.config(clusterId, session.id) }),
          queryClient.invalidateQueries({ queryKey: queryKeys.sessions(clusterId) }),
        ]),
    );
    if (!results) return;
    const succeeded = new Set(results.filter((r) => r.ok).map((r) => r.item.name));
    setEdits((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !succeeded.has(k))));
    setResets((r) => new Set([...r].filter((k) => !succeeded.has(k))));
    const applied = results.filter((r) => r.ok).length;
    if (applied > 0 && results.every((r) => r.ok)) {
      notify('success', intl.formatMessage(optionsMessages.appliedToast, { count: applied, name }));
    }
  };

  const toggleReset = (optionName: string, on: boolean) =>
    setResets((r) => {
      const next = new Set(r);
      if (on) next.add(optionName);
      else next.delete(optionName);
      return next;
    });

  // Closing with unsaved changes asks first (Escape, the X and Close alike).
  const [confirmClose, setConfirmClose] = useState(false);
  const resettable = (o: GeoRepConfigOption) =>
    o.modified && !o.read_only && !OWN_ACTION.has(o.name);
  const close = () => {
    if (batch.running) return;
    if (changes.length > 0 && !readOnly) setConfirmClose(true);
    else onClose();
  };
  const [settingCheckpoint, setSettingCheckpoint] = useState(false);
  const [checkpointError, setCheckpointError] = useState<string | null>(null);
  const checkpointAllowed = isAllowedInState('checkpoint', session.status);
  const setCheckpointNow = async () => {
    setSettingCheckpoint(true);
    setCheckpointError(null);
    try {
      await services.setCheckpoint(clusterId, session.id);
      notify('success', intl.formatMessage(dialogMessages.checkpointDone, { count: 1, name }));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.config(clusterId, session.id) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.sessions(clusterId) }),
      ]);
    } catch (err) {
      const e = asApiError(err);
      setCheckpointError(e.detail || e.reason);
    } finally {
      setSettingCheckpoint(false);
    }
  };
  // After Apply the results are under a long table: brought into view with the focus (each run:
  // the key is null while it runs).
  const resultsShown = batch.results.length > 0 && !batch.running;
  const resultsRef = useRevealWhen<HTMLDivElement>(resultsShown ? 'results' : null);
  const title = intl.formatMessage(optionsMessages.title);
  const loadError = config.error ? asApiError(config.error) : null;

  return (
    <Modal isOpen variant="large" onClose={close} aria-labelledby={titleId}>
      <ModalHeader
        title={title}
        labelId={titleId}
        description={intl.formatMessage(optionsMessages.subtitle, { name })}
      />
      <ModalBody>
        <Stack hasGutter>
          {config.isPending ? (
            <StackItem>
              <Bullseye>
                <Spinner aria-label={intl.formatMessage(optionsMessages.loading)} />
              </Bullseye>
            </StackItem>
          ) : null}
          {loadError ? (
            <StackItem>
              <Alert
                component="h2"
                isInline
                variant="danger"
                title={intl.formatMessage(optionsMessages.loadFailed)}
              >
                {loadError.detail || loadError.reason}
              </Alert>
            </StackItem>
          ) : null}
          {readOnly ? (
            <StackItem>
              <Alert
                component="h2"
                isInline
                isPlain
                variant="info"
                title={intl.formatMessage(optionsMessages.readOnlyTitle)}
              >
                {readOnlyReason}
              </Alert>
            </StackItem>
          ) : null}
          {options.length > 0 ? (
            <>
              <StackItem className="georep-sticky-filter">
                <SearchInput
                  aria-label={intl.formatMessage(optionsMessages.filter)}
                  placeholder={intl.formatMessage(optionsMessages.filter)}
                  value={filter}
                  onChange={(_e, v) => setFilter(v)}
                  onClear={() => setFilter('')}
                />
              </StackItem>
              <StackItem>
                <Button
                  variant="link"
                  isInline
                  isDisabled={readOnly || batch.running || !options.some(resettable)}
                  onClick={() => setResets(new Set(options.filter(resettable).map((o) => o.name)))}
                >
                  {intl.formatMessage(optionsMessages.resetModified)}
                </Button>
              </StackItem>
              <StackItem>
                <Table
                  aria-label={intl.formatMessage(optionsMessages.tableAria)}
                  variant="compact"
                  gridBreakPoint="grid-lg"
                >
                  <Thead>
                    <Tr>
                      <Th width={35}>{intl.formatMessage(optionsMessages.option)}</Th>
                      <Th width={25}>{intl.formatMessage(optionsMessages.value)}</Th>
                      <Th>{intl.formatMessage(optionsMessages.defaultValue)}</Th>
                      <Th>{intl.formatMessage(optionsMessages.allowed)}</Th>
                      <Th>{intl.formatMessage(optionsMessages.reset)}</Th>
                    </Tr>
                  </Thead>
                  <Tbody>
                    {visible.map((o, i) => {
                      const inputId = `${idBase}-value-${i}`;
                      const helpId = `${idBase}-help-${i}`;
                      const resetting = resets.has(o.name);
                      const current = resetting ? (o.default ?? '') : (edits[o.name] ?? o.value);
                      const problem = problems.get(o.name);
                      const choices = choicesOf(o);
                      const valueLabel = intl.formatMessage(optionsMessages.valueAria, {
                        name: o.name,
                      });
                      const disabled = readOnly || o.read_only || resetting || batch.running;
                      const allowed = allowedDescription(o);
                      return (
                        <Tr key={o.name} data-option={o.name}>
                          <Td dataLabel={intl.formatMessage(optionsMessages.option)}>
                            <div>
                              <strong className="georep-name">{o.name}</strong>{' '}
                              {o.modified ? (
                                <Label isCompact color="blue">
                                  {intl.formatMessage(optionsMessages.modified)}
                                </Label>
                              ) : null}{' '}
                              {o.read_only ? (
                                <Label isCompact color="grey">
                                  {intl.formatMessage(optionsMessages.readOnly)}
                                </Label>
                              ) : null}
                            </div>
                            <div className="georep-option-description">{o.description}</div>
                          </Td>
                          <Td dataLabel={intl.formatMessage(optionsMessages.value)}>
                            {o.name === 'checkpoint' ? (
                              <CheckpointValue
                                value={o.value}
                                canSet={!readOnly && checkpointAllowed}
                                busy={settingCheckpoint}
                                error={checkpointError}
                                onSet={() => void setCheckpointNow()}
                              />
                            ) : o.read_only ? (
                              <span className="georep-name">{o.value}</span>
                            ) : choices ? (
                              <FormSelect
                                id={inputId}
                                aria-label={valueLabel}
                                value={current}
                                isDisabled={disabled}
                                onChange={(_e, v) => setEdits((e) => ({ ...e, [o.name]: v }))}
                              >
                                {current === '' ? (
                                  <FormSelectOption value="" label="" isPlaceholder />
                                ) : null}
                                {choices.map((c) => (
                                  <FormSelectOption key={c} value={c} label={c} />
                                ))}
                              </FormSelect>
                            ) : (
                              <TextInput
                                id={inputId}
                                aria-label={valueLabel}
                                value={current}
                                isDisabled={disabled}
                                validated={problem ? 'error' : 'default'}
                                aria-invalid={problem ? true : undefined}
                                aria-describedby={problem ? helpId : undefined}
                                onChange={(_e, v) => setEdits((e) => ({ ...e, [o.name]: v }))}
                              />
                            )}
                            {problem ? (
                              <FormHelperText>
                                <HelperText id={helpId}>
                                  <HelperTextItem variant="error">{problem}</HelperTextItem>
                                </HelperText>
                              </FormHelperText>
                            ) : null}
                          </Td>
                          <Td dataLabel={intl.formatMessage(optionsMessages.defaultValue)}>
                            <span className="georep-name">
                              {o.read_only && !o.default
                                ? intl.formatMessage(optionsMessages.managedByGluster)
                                : o.name === 'checkpoint'
                                  ? intl.formatMessage(optionsMessages.checkpointNone)
                                  : (o.default ?? intl.formatMessage(optionsMessages.noDefault))}
                            </span>
                          </Td>
                          <Td dataLabel={intl.formatMessage(optionsMessages.allowed)}>
                            {intl.formatMessage(allowed.message, allowed.values)}
                          </Td>
                          <Td dataLabel={intl.formatMessage(optionsMessages.reset)}>
                            <Checkbox
                              id={`${idBase}-reset-${i}`}
                              aria-label={intl.formatMessage(optionsMessages.resetAria, {
                                name: o.name,
                              })}
                              isChecked={resetting}
                              isDisabled={
                                readOnly ||
                                o.read_only ||
                                OWN_ACTION.has(o.name) ||
                                !o.modified ||
                                batch.running
                              }
                              onChange={(_e, on) => toggleReset(o.name, on)}
                            />
                          </Td>
                        </Tr>
                      );
                    })}
                  </Tbody>
                </Table>
              </StackItem>
            </>
          ) : null}
          {batch.running ? (
            <StackItem>
              <Content component="p" role="status">
                {intl.formatMessage(dialogMessages.working, {
                  done: batch.done,
                  total: batch.total,
                })}
              </Content>
            </StackItem>
          ) : null}
          {batch.results.length > 0 && !batch.running ? (
            <StackItem>
              <div ref={resultsRef} tabIndex={-1} data-testid="options-results">
                <Alert
                  component="h2"
                  isInline
                  variant={batch.results.every((r) => r.ok) ? 'success' : 'danger'}
                  title={intl.formatMessage(dialogMessages.resultsTitle)}
                >
                  <Content component="p">
                    {intl.formatMessage(optionsMessages.resultsIntro)}
                  </Content>
                  <List isPlain aria-label={intl.formatMessage(dialogMessages.resultsTitle)}>
                    {batch.results.map(({ item, ok, error }) => {
                      const what =
                        item.kind === 'set'
                          ? intl.formatMessage(optionsMessages.resultSet, {
                              name: item.name,
                              value: item.value,
                            })
                          : intl.formatMessage(optionsMessages.resultReset, { name: item.name });
                      return (
                        <ListItem
                          key={item.name}
                          icon={
                            ok ? (
                              <CheckCircleIcon color="var(--pf-t--global--icon--color--status--success--default)" />
                            ) : (
                              <ExclamationCircleIcon color="var(--pf-t--global--icon--color--status--danger--default)" />
                            )
                          }
                        >
                          <span className="georep-name">{what}</span>
                          {': '}
                          {ok
                            ? intl.formatMessage(dialogMessages.resultOk)
                            : intl.formatMessage(dialogMessages.resultFailed, {
                                message: error?.detail || error?.reason || '',
                              })}
                        </ListItem>
                      );
                    })}
                  </List>
                </Alert>
              </div>
            </StackItem>
          ) : null}
        </Stack>
      </ModalBody>
      {confirmClose ? (
        <ModalFooter>
          <Alert
            isInline
            variant="warning"
            component="h2"
            title={intl.formatMessage(optionsMessages.unsavedTitle, { count: changes.length })}
            actionLinks={
              <>
                <Button
                  variant="danger"
                  onClick={onClose}
                  ref={(el: HTMLButtonElement | null) => {
                    el?.focus();
                  }}
                >
                  {intl.formatMessage(optionsMessages.discardAndClose)}
                </Button>{' '}
                <Button variant="link" onClick={() => setConfirmClose(false)}>
                  {intl.formatMessage(optionsMessages.keepEditing)}
                </Button>
              </>
            }
          />
        </ModalFooter>
      ) : readOnly ? (
        <ModalFooter>
          <Button variant="primary" onClick={onClose}>
            {intl.formatMessage(dialogMessages.close)}
          </Button>
        </ModalFooter>
      ) : (
        <ModalFooter>
          <Button
            variant="primary"
            isLoading={batch.running}
            isDisabled={batch.running || changes.length === 0 || problems.size > 0}
            onClick={() => void apply()}
          >
            {intl.formatMessage(optionsMessages.apply)}
          </Button>
          <Button variant="link" onClick={close} isDisabled={batch.running}>
            {intl.formatMessage(dialogMessages.close)}
          </Button>
          <Content component="small" aria-live="polite">
            {problems.size > 0
              ? intl.formatMessage(optionsMessages.fixErrors)
              : intl.formatMessage(optionsMessages.pendingChanges, { count: changes.length })}
          </Content>
        </ModalFooter>
      )}
    </Modal>
  );
}
