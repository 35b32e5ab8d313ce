// The words of anything thrown, for a log line or an error detail: one helper instead of the
// same conditional in every catch.

/** An Error's message; anything else thrown (a string, a number, an object) as a string. */
export function errorMessage(err: unknown): string {
  // eslint-disable-next-line no-restricted-syntax -- the one place this conditional lives
  return err instanceof Error ? err.message : String(err);
}

/**
 * Text that ends a sentence, for a message that goes on after it ("{detail} The sessions are read
 * again..."): a detail that already ends with . ! ? or … is kept as is, never doubled.
 */
export function asSentence(text: string): string {
  const t = text.trim();
  return t === '' || /[.!?…]$/.test(t) ? t : `${t}.`;
}
