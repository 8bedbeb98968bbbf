// SPDX-License-Identifier: EUPL-1.2
// A new screen moves focus to its heading, so screen readers announce it and keyboard users start
// from the top of the content, as after a full page load (which itself leaves focus alone).
import { useEffect, useRef } from 'react';
import { hasNavigated } from '../router/navigation.ts';

export function useFocusHeading<T extends HTMLElement = HTMLHeadingElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (hasNavigated()) ref.current?.focus({ preventScroll: true });
  }, []);
  return ref;
}
