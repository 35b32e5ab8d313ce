// Small schema builders that keep the JSON the service has always published (a string enum stays
// {type: 'string', enum}, a nullable stays {type: [t, 'null']}), with the right static type.
import { Type, type SchemaOptions, type TUnsafe } from '@sinclair/typebox';

export function StringEnum<const T extends readonly string[]>(
  values: T,
  options: SchemaOptions = {},
): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

interface NullableOf {
  string: string;
  number: number;
  integer: number;
  boolean: boolean;
}

export function Nullable<K extends keyof NullableOf>(
  type: K,
  options: SchemaOptions = {},
): TUnsafe<NullableOf[K] | null> {
  return Type.Unsafe<NullableOf[K] | null>({ type: [type, 'null'], ...options });
}
