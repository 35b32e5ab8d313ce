// A value in the engine's search language, written the same way by the plugin and the service.
// The engine's own lists search with the name as it is: BackendGlusterVolumesResource.list builds
// `cluster = <name>` unquoted (ovirt-engine backend/manager/modules/restapi/jaxrs/.../gluster/
// BackendGlusterVolumesResource.java:61). Names the engine accepts for clusters, hosts and volumes
// are letters, digits, `.`, `_` and `-` (ValidationUtils.NO_SPECIAL_CHARACTERS_I18N,
// `^[\p{L}0-9._-]*$`), which its SyntaxChecker reads as one value. Anything else goes in double
// quotes, which the SyntaxChecker takes whole; it has no escape for a quote inside them, so a
// value holding `"` cannot be searched for at all.

const PLAIN = /^[\p{L}0-9._-]+$/u;

export class UnsearchableValueError extends Error {
  constructor(readonly value: string) {
    super(`The engine's search cannot express a value containing a double quote: ${value}`);
    this.name = 'UnsearchableValueError';
  }
}

/** `v` as a search value: as it is when the engine would write it so, else in double quotes. */
export function searchValue(v: string): string {
  if (PLAIN.test(v)) return v;
  if (v.includes('"')) throw new UnsearchableValueError(v);
  return `"${v}"`;
}

/** `field = value`, the way the engine's own lists write a condition. */
export function searchCondition(field: string, value: string): string {
  return `${field} = ${searchValue(value)}`;
}
