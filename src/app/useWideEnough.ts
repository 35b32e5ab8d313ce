// Whether the place's frame is at least `minWidth` px wide, following resizes. Where the browser
// has no matchMedia (jsdom), it answers "wide": the full layout.
import { useSyncExternalStore } from 'react';

/** PatternFly's xl breakpoint: below it (WebAdmin at 1024 px) the toolbar collapses its actions. */
export const TOOLBAR_WIDE_PX = 1200;

export function useWideEnough(minWidth: number): boolean {
  const query = `(min-width: ${minWidth}px)`;
  return useSyncExternalStore(
    (notify) => {
      if (typeof window.matchMedia !== 'function') return () => undefined;
      const mql = window.matchMedia(query);
      mql.addEventListener('change', notify);
      return () => mql.removeEventListener('change', notify);
    },
    () => (typeof window.matchMedia === 'function' ? window.matchMedia(query).matches : true),
  );
}
