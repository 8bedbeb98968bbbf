// SPDX-License-Identifier: EUPL-1.2
// The follow form: an e-mail address and a button, what is followed in hidden fields. Works
// without JavaScript; the answer is a redirect to the calendar saying what happens next.
import type { FollowKind } from '../follows-repository.ts';
import { base, type CouncilFrame } from './common.tsx';

export function FollowForm({ cf, kind, target, id, label }: { cf: CouncilFrame; kind: FollowKind; target: string; id: string; label?: string }) {
  const { tc, municipality, frame } = cf;
  return (
    <form method="post" action={`${base(municipality)}/folg`} className="search-form" aria-label={label ?? tc('follow.heading')}>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="target" value={target} />
      <input type="hidden" name="language" value={frame.language} />
      <div className="ds-field">
        <label className="ds-label" htmlFor={`follow-${id}`}>
          {tc('follow.email')}
        </label>
        <input className="ds-input" id={`follow-${id}`} name="email" type="email" autoComplete="email" required />
      </div>
      <button className="ds-button" type="submit">
        {label ?? tc('follow.button')}
      </button>
    </form>
  );
}

export function FollowSection({ cf, kind, target }: { cf: CouncilFrame; kind: FollowKind; target: string }) {
  const { tc } = cf;
  return (
    <section className="stack" aria-labelledby="follow-heading">
      <h2 className="ds-heading" data-size="sm" id="follow-heading">
        {tc('follow.heading')}
      </h2>
      <p className="ds-paragraph">{tc('follow.intro')}</p>
      <FollowForm cf={cf} kind={kind} target={target} id="main" />
    </section>
  );
}
