// The Start dialog's checks section: the preflight checks and their results, Auto-start and Force
// (with what Force would bypass and what it never does).
import { Alert, Checkbox, Content, FormSection, Spinner } from '@patternfly/react-core';
import { useIntl } from '../../intl/react';
import type { SectionProps } from './fieldKit';
import { startMessages as m } from './messages';
import { PreflightResults } from './PreflightResults';
import { assessPreflight, type FlowState } from './useStartFlow';

export interface ChecksSectionProps extends SectionProps {
  state: FlowState;
  /** The results shown were for other input than the form's now. */
  stale: boolean;
  /** Auto-start is no input of the checks: it does not take Force back. */
  setAutoStart: (on: boolean) => void;
}

export function ChecksSection({
  kit,
  form,
  locked,
  update,
  state,
  stale,
  setAutoStart,
}: ChecksSectionProps) {
  const intl = useIntl();
  const { ids, fieldId } = kit;
  const assessment = state.preflight ? assessPreflight(state.preflight) : null;
  const titlesOf = (cs: { title: string }[]) => cs.map((c) => c.title).join('; ');
  const forceDescription = !assessment
    ? intl.formatMessage(m.forceBeforeCheck)
    : [
        assessment.forceable.length > 0
          ? intl.formatMessage(m.forceBypasses, { titles: titlesOf(assessment.forceable) })
          : intl.formatMessage(m.forceNoneFailed, {
              titles: titlesOf(assessment.forceableAll) || '—',
            }),
        assessment.blockers.length > 0
          ? intl.formatMessage(m.forceNever, { titles: titlesOf(assessment.blockers) })
          : '',
      ]
        .filter(Boolean)
        .join(' ');
  return (
    <FormSection title={intl.formatMessage(m.checksSection)} titleElement="h2">
      <Content component="p">{intl.formatMessage(m.checkHelp)}</Content>
      {state.checking ? (
        <Content component="p" role="status">
          <Spinner size="sm" aria-hidden /> {intl.formatMessage(m.checking)}
        </Content>
      ) : null}
      {state.preflightError && !state.running ? (
        <Alert
          component="h3"
          isInline
          variant="danger"
          title={intl.formatMessage(m.checkFailed, { reason: state.preflightError })}
        />
      ) : null}
      {state.preflight ? (
        <PreflightResults result={state.preflight} stale={stale} useDefault={form.useDefault} />
      ) : null}
      <Checkbox
        id={`${ids}-autostart`}
        label={intl.formatMessage(m.autoStart)}
        description={intl.formatMessage(m.autoStartHelp)}
        isChecked={form.autoStart}
        isDisabled={locked}
        onChange={(_e, on) => setAutoStart(on)}
      />
      <Checkbox
        id={fieldId('force')}
        label={intl.formatMessage(m.force)}
        description={forceDescription}
        isChecked={form.force}
        isDisabled={locked}
        onChange={(_e, on) => update({ force: on })}
      />
    </FormSection>
  );
}
