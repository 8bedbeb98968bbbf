// SPDX-License-Identifier: EUPL-1.2
// A form behind a Details summary, closed by the form once it is done. The disclosure's open state is
// the browser's own: Designsystemet's Details with a controlled `open` puts the element back to its
// old state on each toggle until React renders the new one, and a click in that moment fell on a
// closed form (seen in CI, on the message form and the roster's forms).
import { useCallback, useRef } from 'react';

export function useDisclosure(): { ref: React.RefObject<HTMLDetailsElement | null>; close(): void } {
  const ref = useRef<HTMLDetailsElement>(null);
  const close = useCallback(() => {
    if (ref.current) ref.current.open = false;
  }, []);
  return { ref, close };
}
