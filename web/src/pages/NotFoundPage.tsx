// SPDX-License-Identifier: EUPL-1.2
import { ApiError } from '../api/problem.ts';
import { ErrorState } from '../components/ErrorState.tsx';

export function NotFoundPage({ path }: { path: string }) {
  return <ErrorState error={new ApiError(404, 'notFound', path)} />;
}
