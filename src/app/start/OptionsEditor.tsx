// The options editor of the Start dialog (Use Default unticked): the ssh and gsyncd commands first,
// then every other option Gluster lets a user set, each with its description, default and allowed
// values. An empty field keeps the default; a value is checked with the catalogue's own rules.
import { GRAMMAR_OPTIONS } from '../../georep/optionGrammar';
import {
  Content,
  ExpandableSection,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  SearchInput,
  TextInput,
} from '@patternfly/react-core';
import { useId, useState } from 'react';
import { useIntl } from '../../intl/react';
import type { OptionSpec } from '../../georep/options';
import { EDITOR_OPTIONS, type Problem, SEED_OPTIONS } from './form';
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
    if (GRAMMAR_OPTIONS.includes(o.name) && o.type === 'string')
      return intl.formatMessage(m.optionRestricted);
    if (o.type === 'command') return intl.formatMessage(m.optionCommand);
    if (o.type === 'path') return intl.formatMessage(m.optionPath);
    return intl.formatMessage(m.optionText);
  };
  const [showAll, setShowAll] = useState(false);
  const [search, setSearch] = useState('');
  // The seed's two (the ssh command and the gsync command), and whatever the user already typed or
  // must correct, stay in view; the rest of the ~50 options is behind "All options", searchable.
  // (Fixed places: a field never moves while it is typed in.)
  const inView = (o: OptionSpec) => SEED_OPTIONS.includes(o.name);
  const needle = search.trim().toLowerCase();
  const rest = EDITOR_OPTIONS.filter(
    (o) =>
      !inView(o) &&
      (!needle ||
        o.name.toLowerCase().includes(needle) ||
        o.description.toLowerCase().includes(needle)),
  );
  const hidden = EDITOR_OPTIONS.filter((o) => !inView(o));
  const restSet = hidden.filter((o) => (values[o.name] ?? '') !== '').length;
  // A value to correct is never left folded away.
  const open = showAll || hidden.some((o) => problems[o.name]);
  const field = (o: OptionSpec) => {
    const i = EDITOR_OPTIONS.indexOf(o);
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
  };
  return (
    <section aria-label={intl.formatMessage(m.optionsAria)} className="georep-start-options">
      <Content component="p">{intl.formatMessage(m.optionPortNote)}</Content>
      {EDITOR_OPTIONS.filter(inView).map(field)}
      <ExpandableSection
        toggleText={intl.formatMessage(m.allOptions, { count: hidden.length, set: restSet })}
        isExpanded={open}
        onToggle={(_e, open) => setShowAll(open)}
      >
        <SearchInput
          aria-label={intl.formatMessage(m.optionsSearch)}
          placeholder={intl.formatMessage(m.optionsSearch)}
          value={search}
          onChange={(_e, v) => setSearch(v)}
          onClear={() => setSearch('')}
        />
        {rest.length === 0 ? (
          <Content component="p">{intl.formatMessage(m.optionsNoMatch)}</Content>
        ) : (
          rest.map(field)
        )}
      </ExpandableSection>
    </section>
  );
}
