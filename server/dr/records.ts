// The records disaster recovery keeps as Gluster volume options (src/georep/dr.ts), checked
// against the wire contract's schemas when read back: a value someone else wrote there, or one
// cut short, reads as unreadable (shown as such, never guessed) instead of reaching the answer
// half-filled (the answer's serializer would refuse it).
import {
  DrSetupSchema,
  DrSyncRecordSchema,
  type DrSetup,
  type DrSyncRecord,
} from '../../src/georep/contract';
import { validateSchedule } from '../../src/georep/dr';

interface Schema {
  type?: string | string[];
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  minimum?: number;
  maximum?: number;
  maxItems?: number;
}

function typeOk(t: string, v: unknown): boolean {
  switch (t) {
    case 'null':
      return v === null;
    case 'integer':
      return Number.isInteger(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'array':
      return Array.isArray(v);
    case 'object':
      return !!v && typeof v === 'object' && !Array.isArray(v);
    default:
      return typeof v === t;
  }
}

/**
 * Whether a value fits a contract schema, for the JSON Schema the contract uses (types, enums,
 * required properties, items, anyOf, bounds). Properties not named are let through: a later
 * version of the service may write more.
 */
export function conforms(contract: object, v: unknown): boolean {
  const schema = contract as Schema;
  if (schema.anyOf) return schema.anyOf.some((s) => conforms(s, v));
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => typeOk(t, v))) return false;
  }
  if (schema.enum && !schema.enum.includes(v)) return false;
  if (typeof v === 'number') {
    if (schema.minimum !== undefined && v < schema.minimum) return false;
    if (schema.maximum !== undefined && v > schema.maximum) return false;
  }
  if (Array.isArray(v)) {
    if (schema.maxItems !== undefined && v.length > schema.maxItems) return false;
    if (schema.items && !v.every((x) => conforms(schema.items!, x))) return false;
  }
  if (schema.properties && typeOk('object', v)) {
    const o = v as Record<string, unknown>;
    for (const k of schema.required ?? []) if (!(k in o)) return false;
    for (const [k, s] of Object.entries(schema.properties))
      if (k in o && !conforms(s, o[k])) return false;
  }
  return true;
}

export function isDrSetup(v: unknown): v is DrSetup {
  return conforms(DrSetupSchema, v) && validateSchedule((v as DrSetup).schedule) === null;
}

export function isDrSyncRecord(v: unknown): v is DrSyncRecord {
  return conforms(DrSyncRecordSchema, v);
}
