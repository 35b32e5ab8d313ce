// The Start dialog's options section: Gluster's defaults, or the options editor (the options
// applied after create, before start).
import { Alert, Checkbox, FormSection } from '@patternfly/react-core';
import { useIntl } from '../../intl/react';
import type { SectionProps } from './fieldKit';
import type { FormProblems } from './form';
import { startMessages as m } from './messages';
import { OptionsEditor } from './OptionsEditor';

export interface OptionsSectionProps extends SectionProps {
  problems: FormProblems['config'];
}

export function OptionsSection({ kit, form, locked, update, problems }: OptionsSectionProps) {
  const intl = useIntl();
  const { fieldId } = kit;
  return (
    <FormSection title={intl.formatMessage(m.configSection)} titleElement="h2">
      <Checkbox
        id={fieldId('useDefault')}
        label={intl.formatMessage(m.useDefault)}
        description={intl.formatMessage(m.useDefaultHelp)}
        isChecked={form.useDefault}
        isDisabled={locked}
        onChange={(_e, on) => update({ useDefault: on })}
      />
      {!form.useDefault ? (
        <>
          <Alert
            component="h3"
            isInline
            isPlain
            variant="info"
            title={intl.formatMessage(m.customConfigNote)}
          />
          <OptionsEditor
            values={form.config}
            problems={problems}
            disabled={locked}
            onChange={(name, value) => update({ config: { ...form.config, [name]: value } })}
          />
        </>
      ) : null}
    </FormSection>
  );
}
