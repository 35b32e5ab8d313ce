// An answer that appears below a long form (a dialog's result or error) is brought into view and
// given the focus, so the user sees it and a screen reader reads it from there: WebAdmin's dialogs
// scroll inside the modal body, and an answer under the fold looks like no answer.
import { type RefObject, useEffect, useRef } from 'react';

/**
 * A ref for the answer's container (give it tabIndex={-1}). Each time `key` changes to a value
 * other than null, the container is scrolled into view and focused.
 */
export function useRevealWhen<T extends HTMLElement>(key: string | null): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    const el = ref.current;
    if (key === null || !el) return;
    // jsdom (the component tests) has no scrollIntoView.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
    el.scrollIntoView?.({ block: 'nearest' });
    el.focus({ preventScroll: true });
  }, [key]);
  return ref;
}
