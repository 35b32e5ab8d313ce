// Checks an option value before it is sent, from the option's own metadata (type, allowed values,
// range), so the user sees the problem next to the field instead of a 400 from the service.
import type { MessageDescriptor } from '../intl/react';
import { GRAMMAR_OPTIONS } from '../georep/optionGrammar';
import { findOption, validateOptionValue } from '../georep/options';
import type { GeoRepConfigOption } from '../georep/types';
import { optionsMessages } from './optionsMessages';

export interface OptionProblem {
  message: MessageDescriptor;
  values?: Record<string, string | number>;
}

/**
 * The value's problem, or null: first the common cases from the option's own metadata (translated
 * messages), then the rules the service itself applies before running Gluster (the shared
 * catalogue's validateOptionValue: checkpoint labels, command paths…), in its English words.
 */
export function optionProblem(option: GeoRepConfigOption, raw: string): OptionProblem | null {
  const local = validateOption(option, raw);
  if (local) return local;
  if (!findOption(option.name)) return null; // an option the catalogue does not know: the service decides
  const shared = validateOptionValue(option.name, raw.trim());
  return shared ? { message: optionsMessages.sharedRule, values: { reason: shared } } : null;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

export function validateOption(option: GeoRepConfigOption, raw: string): OptionProblem | null {
  const value = raw.trim();
  if (value === '') return { message: optionsMessages.invalidEmpty };
  if (CONTROL.test(raw)) return { message: optionsMessages.invalidChars };
  if (
    option.allowed_values &&
    option.allowed_values.length > 0 &&
    !option.allowed_values.includes(value)
  ) {
    return {
      message: optionsMessages.invalidChoice,
      values: { values: option.allowed_values.join(', ') },
    };
  }
  switch (option.type) {
    case 'boolean':
      // Gluster stores "yes" and reads it as false: only true and false are sent.
      if (value !== 'true' && value !== 'false') {
        return { message: optionsMessages.invalidBoolean };
      }
      return null;
    case 'int': {
      if (!/^-?\d+$/.test(value)) return { message: optionsMessages.invalidInteger };
      const n = Number(value);
      if (option.min !== null && n < option.min)
        return { message: optionsMessages.invalidMin, values: { min: option.min } };
      if (option.max !== null && n > option.max)
        return { message: optionsMessages.invalidMax, values: { max: option.max } };
      return null;
    }
    case 'path':
      if (!value.startsWith('/')) return { message: optionsMessages.invalidPath };
      return null;
    default:
      return null;
  }
}

/** What values an option takes, for the "Allowed" column. */
export function allowedDescription(option: GeoRepConfigOption): OptionProblem {
  if (option.allowed_values && option.allowed_values.length > 0) {
    return { message: optionsMessages.oneOf, values: { values: option.allowed_values.join(', ') } };
  }
  if (option.type === 'boolean')
    return { message: optionsMessages.oneOf, values: { values: 'true, false' } };
  if (option.type === 'int') {
    if (option.min !== null && option.max !== null)
      return { message: optionsMessages.range, values: { min: option.min, max: option.max } };
    if (option.min !== null)
      return { message: optionsMessages.atLeast, values: { min: option.min } };
    if (option.max !== null)
      return { message: optionsMessages.atMost, values: { max: option.max } };
    return { message: optionsMessages.integer };
  }
  if (GRAMMAR_OPTIONS.includes(option.name))
    return {
      message:
        option.type === 'command'
          ? optionsMessages.systemCommand
          : option.type === 'path'
            ? optionsMessages.systemPath
            : optionsMessages.restrictedText,
    };
  if (option.type === 'path') return { message: optionsMessages.path };
  if (option.type === 'command') return { message: optionsMessages.command };
  return { message: optionsMessages.anyValue };
}
