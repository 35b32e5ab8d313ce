// What the Start dialog's sections share about a field: its ids, its aria wiring and its help
// line, which shows the field's problem once the user left the field or pressed OK/Check.
import { FormHelperText, HelperText, HelperTextItem } from '@patternfly/react-core';
import type { ReactNode } from 'react';
import { useIntl } from '../../intl/react';
import { asApiError } from '../queries';
import type { FieldName, Problem, StartForm } from './form';

export type FieldKey = FieldName | 'fingerprint' | 'useDefault' | 'force';

export interface FieldKit {
  /** useId() of the dialog: the base of every id in it. */
  ids: string;
  fieldId: (f: FieldKey) => string;
  helpId: (f: FieldName | 'fingerprint') => string;
  /** The field's problem to show now (after blur or a submit), in words. */
  error: (f: FieldName) => string | null;
  /** The props that tie a field to its help line and show it invalid. */
  aria: (f: FieldName) => {
    id: string;
    'aria-describedby': string;
    'aria-invalid': true | undefined;
    validated: 'error' | 'default';
    onBlur: () => void;
  };
  /** The help line: the problem if any, else the normal help; `extra` after it. */
  help: (f: FieldName, normal: ReactNode, extra?: ReactNode) => ReactNode;
}

/** What every section gets besides its own data. */
export interface SectionProps {
  kit: FieldKit;
  form: StartForm;
  /** The form with its derived choices (the one Up host). */
  effective: StartForm;
  /** The flow runs or a session exists: nothing is editable. */
  locked: boolean;
  update: (patch: Partial<StartForm>) => void;
}

export function useFieldKit(
  ids: string,
  fields: Partial<Record<FieldName, Problem>>,
  visible: (f: FieldName) => boolean,
  touch: (f: FieldName) => void,
): FieldKit {
  const intl = useIntl();
  const fieldId = (f: FieldKey) => `${ids}-${f}`;
  const helpId = (f: FieldName | 'fingerprint') => `${ids}-${f}-help`;
  const shown = (f: FieldName): Problem | undefined => (visible(f) ? fields[f] : undefined);
  const error = (f: FieldName): string | null => {
    const p = shown(f);
    return p ? intl.formatMessage(p.message, p.values) : null;
  };
  return {
    ids,
    fieldId,
    helpId,
    error,
    aria: (f) => ({
      id: fieldId(f),
      'aria-describedby': helpId(f),
      'aria-invalid': shown(f) ? true : undefined,
      validated: shown(f) ? 'error' : 'default',
      onBlur: () => touch(f),
    }),
    help: (f, normal, extra) => {
      const e = error(f);
      return (
        <FormHelperText>
          <HelperText id={helpId(f)}>
            {e ? (
              <HelperTextItem variant="error">{e}</HelperTextItem>
            ) : normal ? (
              <HelperTextItem>{normal}</HelperTextItem>
            ) : null}
            {extra}
          </HelperText>
        </FormHelperText>
      );
    },
  };
}

/** The words of a failed read (the service's detail when it gave one). */
export function reasonOf(error: unknown): string {
  const e = asApiError(error);
  return e.detail || e.reason;
}
