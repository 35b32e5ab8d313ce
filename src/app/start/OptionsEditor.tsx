// The options editor of the Start dialog (Use Default unticked): the ssh and gsyncd commands first,
// then every other option Gluster lets a user set, each with its description, default and allowed
// values. An empty field keeps the default; a value is checked with the catalogue's own rules.
import {
  Content,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  TextInput,
} from '@patternfly/react-core';
import { useId } from 'react';
import { useIntl } from 'react-intl';
import type { OptionSpec } from '../../georep/options';
import { EDITOR_OPTIONS, type Problem } from './form';
import { startMessages as m } from './messages';

export interface OptionsEditorProps {
  values: Record<string, string>;
  problems: Record<string, Problem>;
  disabled: boolean;
  onChange: (name: string, value: string) => void;
}

function choicesOf(o: OptionSpec): string[] | null {
  if (o.allowed_values && o.allowed_values.length > 0) return o.allowed_values;
  if (o.type === 'boolean') return ['true', 'false'];
  return null;
}

export function OptionsEditor({ values, problems, disabled, onChange }: OptionsEditorProps) {
  const intl = useIntl();
  const base = useId();
  const allowedText = (o: OptionSpec): string => {
    const choices = choicesOf(o);
    if (choices) return intl.formatMessage(m.optionAllowed, { values: choices.join(', ') });
    if (o.type === 'int' && o.min !== null && o.max !== null)
      return intl.formatMessage(m.optionRange, { min: o.min, max: o.max });
    if (o.type === 'command') return intl.formatMessage(m.optionCommand);
    if (o.type === 'path') return intl.formatMessage(m.optionPath);
    return intl.formatMessage(m.optionText);
  };
  return (
    <section aria-label={intl.formatMessage(m.optionsAria)} className="georep-start-options">
      <Content component="p">{intl.formatMessage(m.optionPortNote)}</Content>
      {EDITOR_OPTIONS.map((o, i) => {
        const id = `${base}-opt-${i}`;
        const helpId = `${id}-help`;
        const value = values[o.name] ?? '';
        const problem = problems[o.name];
        const choices = choicesOf(o);
        const defaultText =
          o.default === null || o.default === ''
            ? intl.formatMessage(m.optionNoDefault)
            : intl.formatMessage(m.optionDefault, { value: o.default });
        return (
          <FormGroup
            key={o.name}
            fieldId={id}
            label={<span className="georep-name">{o.name}</span>}
            data-option={o.name}
          >
            {choices ? (
              <FormSelect
                id={id}
                value={value}
                isDisabled={disabled}
                aria-describedby={helpId}
                onChange={(_e, v) => onChange(o.name, v)}
              >
                <FormSelectOption
                  value=""
                  label={intl.formatMessage(m.optionKeepDefault, { value: o.default ?? '' })}
                />
                {choices.map((c) => (
                  <FormSelectOption key={c} value={c} label={c} />
                ))}
              </FormSelect>
            ) : (
              <TextInput
                id={id}
                value={value}
                placeholder={o.default ?? ''}
                isDisabled={disabled}
                spellCheck={false}
                validated={problem ? 'error' : 'default'}
                aria-invalid={problem ? true : undefined}
                aria-describedby={helpId}
                onChange={(_e, v) => onChange(o.name, v)}
              />
            )}
            <FormHelperText>
              <HelperText id={helpId}>
                {problem ? (
                  <HelperTextItem variant="error">
                    {intl.formatMessage(problem.message, problem.values)}
                  </HelperTextItem>
                ) : null}
                <HelperTextItem>{o.description}</HelperTextItem>
                <HelperTextItem>
                  {defaultText}. {allowedText(o)}.
                </HelperTextItem>
              </HelperText>
            </FormHelperText>
          </FormGroup>
        );
      })}
    </section>
  );
}
