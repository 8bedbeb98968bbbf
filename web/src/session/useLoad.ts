// SPDX-License-Identifier: EUPL-1.2
// Loads data for a screen, cancelling the request when the screen changes before it answers. A
// reload keeps showing the old data until the new arrives; new inputs show the loading state at
// once (data loaded for other inputs is never shown, not even for one render).
import { useCallback, useEffect, useState } from 'react';

export type Load<T> = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: T };

type Keyed<T> = Load<T> & { key: string };

export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): [Load<T>, () => void] {
  const key = JSON.stringify(deps);
  const [state, setState] = useState<Keyed<T>>({ status: 'loading', key });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => !controller.signal.aborted && setState({ status: 'ready', data, key }),
      (error) => !controller.signal.aborted && setState({ status: 'error', error, key }),
    );
    return () => controller.abort();
    // `load` is a fresh closure each render; the inputs it reads are in `deps`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return [state.key === key ? state : { status: 'loading' }, reload];
}
