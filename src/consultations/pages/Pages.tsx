// SPDX-License-Identifier: EUPL-1.2
// The public consultation pages: the list (open and closed), one consultation with its documents,
// its published comments and a plain comment form (no JavaScript, no login), and the page the
// confirmation link lands on (a button: opening the link alone files nothing).
import type { ReactNode } from 'react';
import type { Language } from '../../common/languages.ts';
import { Layout, type PageFrame, type PublicMunicipality } from '../../site/service.ts';
import type { PublicConsultation, PublicSummary } from '../public-read.ts';
import type { ConsultationTextKey, ConsultationTranslate } from '../texts.ts';

export interface ConsultationFrame {
  frame: PageFrame;
  tc: ConsultationTranslate;
  municipality: PublicMunicipality;
}

export interface FormState {
  values: Record<'authorName' | 'organisation' | 'email' | 'text', string>;
  errors: { field: string; code: string }[];
}

const locales: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', sv: 'sv-SE', en: 'en-GB' };
const zoneOf = (country: 'NO' | 'SE') => (country === 'SE' ? 'Europe/Stockholm' : 'Europe/Oslo');
export const listPath = (m: PublicMunicipality) => `/${m.slug}/deltakelse/horinger`;

function when(iso: string, cf: ConsultationFrame): string {
  return new Intl.DateTimeFormat(locales[cf.frame.language], { dateStyle: 'long', timeStyle: 'short', timeZone: zoneOf(cf.municipality.country) }).format(new Date(iso));
}

/** The deadline while open; once ended, when: at the deadline, or earlier when its case was closed. */
function timing(c: PublicSummary, cf: ConsultationFrame): string {
  if (c.status === 'open') return cf.tc('c.deadline', { date: when(c.deadline, cf) });
  if (c.caseClosedAt && Date.parse(c.caseClosedAt) < Date.parse(c.deadline)) return cf.tc('c.endedWithCase', { date: when(c.caseClosedAt, cf) });
  return cf.tc('c.closedAt', { date: when(c.deadline, cf) });
}

function ConsultationLayout({ cf, title, children }: { cf: ConsultationFrame; title: string; children: ReactNode }) {
  const { tc, municipality } = cf;
  return (
    <Layout frame={cf.frame} title={title} municipality={municipality}>
      <nav aria-label={tc('c.participation')} className="stack">
        <p className="ds-paragraph">
          <a className="ds-link" href={`/${municipality.slug}`}>
            {municipality.name}
          </a>
          {' · '}
          <a className="ds-link" href={`/${municipality.slug}/deltakelse`}>
            {tc('c.participation')}
          </a>
          {' · '}
          <a className="ds-link" href={listPath(municipality)}>
            {tc('c.title')}
          </a>
        </p>
      </nav>
      <div className="stack">
        <h1 className="ds-heading" data-size="lg">
          {title}
        </h1>
        {children}
      </div>
    </Layout>
  );
}

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n{2,}/)
        .filter((p) => p.trim())
        .map((p, i) => (
          <p key={i} className="ds-paragraph" style={{ whiteSpace: 'pre-line' }}>
            {p}
          </p>
        ))}
    </>
  );
}

function Summary({ cf, c }: { cf: ConsultationFrame; c: PublicSummary }) {
  const { tc } = cf;
  return (
    <li className="ds-card journal-entry">
      <h3 className="ds-heading" data-size="xs">
        <a className="ds-link" href={`${listPath(cf.municipality)}/${c.id}`}>
          {c.title}
        </a>
      </h3>
      <p className="ds-paragraph">
        {timing(c, cf)}
        {c.caseNumber && ` · ${tc('c.case', { number: c.caseNumber })}`}
        {` · ${tc('c.comments', { count: String(c.commentCount) })}`}
      </p>
    </li>
  );
}

export function ListPage({ cf, open, closed }: { cf: ConsultationFrame; open: PublicSummary[]; closed: PublicSummary[] }) {
  const { tc } = cf;
  return (
    <ConsultationLayout cf={cf} title={tc('c.title')}>
      <p className="ds-paragraph">{tc('c.intro', { name: cf.municipality.name })}</p>
      <section className="stack" aria-labelledby="open-heading">
        <h2 className="ds-heading" data-size="md" id="open-heading">
          {tc('c.open')}
        </h2>
        {open.length ? <ul className="journal-list">{open.map((c) => <Summary key={c.id} cf={cf} c={c} />)}</ul> : <p className="ds-paragraph panel">{tc('c.noneOpen')}</p>}
      </section>
      <section className="stack" aria-labelledby="closed-heading">
        <h2 className="ds-heading" data-size="md" id="closed-heading">
          {tc('c.closed')}
        </h2>
        {closed.length ? <ul className="journal-list">{closed.map((c) => <Summary key={c.id} cf={cf} c={c} />)}</ul> : <p className="ds-paragraph panel">{tc('c.noneClosed')}</p>}
      </section>
    </ConsultationLayout>
  );
}

const errorText = (code: string): ConsultationTextKey => (code === 'required' || code === 'invalidEmail' || code === 'tooLong' ? `c.error.${code}` : 'c.error.other');

function Field({ cf, name, label, form, type, autoComplete, optional }: { cf: ConsultationFrame; name: keyof FormState['values']; label: string; form: FormState; type?: string; autoComplete?: string; optional?: boolean }) {
  const error = form.errors.find((e) => e.field === name);
  const id = `comment-${name}`;
  const common = { className: 'ds-input', id, name, defaultValue: form.values[name], required: !optional, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : undefined };
  return (
    <div className="ds-field">
      <label className="ds-label" htmlFor={id}>
        {label}
      </label>
      {error && (
        <p className="ds-validation-message" id={`${id}-error`}>
          {cf.tc(errorText(error.code))}
        </p>
      )}
      {name === 'text' ? <textarea {...common} rows={10} maxLength={50000} /> : <input {...common} type={type ?? 'text'} autoComplete={autoComplete} maxLength={name === 'email' ? 254 : 200} />}
    </div>
  );
}

function CommentForm({ cf, c, form }: { cf: ConsultationFrame; c: PublicConsultation; form: FormState }) {
  const { tc, frame } = cf;
  const labels: Record<string, string> = { authorName: tc('c.name'), organisation: tc('c.organisation'), email: tc('c.email'), text: tc('c.text') };
  return (
    <section className="stack panel" aria-labelledby="comment-heading">
      <h2 className="ds-heading" data-size="sm" id="comment-heading">
        {tc('c.formHeading')}
      </h2>
      <p className="ds-paragraph">{tc('c.formIntro')}</p>
      {form.errors.length > 0 && (
        <div role="alert" className="stack">
          <p className="ds-paragraph">{tc('c.errors')}</p>
          <ul>
            {form.errors.map((e) => (
              <li key={`${e.field}-${e.code}`}>
                <a className="ds-link" href={`#comment-${e.field}`}>
                  {`${labels[e.field] ?? e.field}: ${tc(errorText(e.code))}`}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form method="post" action={`${listPath(cf.municipality)}/${c.id}/uttalelse`} className="stack">
        <input type="hidden" name="language" value={frame.language} />
        <Field cf={cf} name="authorName" label={tc('c.name')} form={form} autoComplete="name" />
        <Field cf={cf} name="organisation" label={tc('c.organisation')} form={form} autoComplete="organization" optional />
        <Field cf={cf} name="email" label={tc('c.email')} form={form} type="email" autoComplete="email" />
        <Field cf={cf} name="text" label={tc('c.text')} form={form} />
        <button className="ds-button" type="submit">
          {tc('c.send')}
        </button>
      </form>
    </section>
  );
}

export function ConsultationPage({ cf, c, form, notice }: { cf: ConsultationFrame; c: PublicConsultation; form: FormState; notice?: 'sent' | 'confirmed' | 'tooLate' | 'caseClosed' | undefined }) {
  const { tc, municipality } = cf;
  return (
    <ConsultationLayout cf={cf} title={c.title}>
      {notice && (
        <p className="ds-paragraph panel" role={notice === 'tooLate' || notice === 'caseClosed' ? 'alert' : 'status'}>
          {tc(`c.${notice}`)}
        </p>
      )}
      <p className="ds-paragraph">
        <strong>{timing(c, cf)}</strong>
        {c.caseNumber && (
          <>
            {' · '}
            <a className="ds-link" href={`/${municipality.slug}/postliste/sak/${c.caseNumber.replace('/', '-')}`}>
              {`${tc('c.case', { number: c.caseNumber })} – ${tc('c.caseLink')}`}
            </a>
          </>
        )}
      </p>
      <Paragraphs text={c.description} />
      <section className="stack" aria-labelledby="documents-heading">
        <h2 className="ds-heading" data-size="sm" id="documents-heading">
          {tc('c.documents')}
        </h2>
        {c.documents.length ? (
          <ul>
            {c.documents.map((d) => (
              <li key={d.entryId}>
                <a className="ds-link" href={d.journalUrl}>
                  {d.title}
                </a>
                {d.files.length > 0 && ` (${d.files.map((f) => f.fileName ?? f.title).join(', ')})`}
              </li>
            ))}
          </ul>
        ) : (
          <p className="ds-paragraph">{tc('c.noDocuments')}</p>
        )}
      </section>
      {c.status === 'open' && <CommentForm cf={cf} c={c} form={form} />}
      <section className="stack" aria-labelledby="comments-heading">
        <h2 className="ds-heading" data-size="sm" id="comments-heading">
          {tc('c.publishedComments')}
        </h2>
        {!c.commentsPublishedAt ? (
          <p className="ds-paragraph">{tc('c.notPublished')}</p>
        ) : c.comments.length === 0 ? (
          <p className="ds-paragraph">{tc('c.noComments')}</p>
        ) : (
          <ol className="journal-list">
            {c.comments.map((comment) => (
              <li key={comment.id} className="ds-card journal-entry">
                <h3 className="ds-heading" data-size="xs">
                  {[comment.sender ?? tc('c.screened'), comment.organisation].filter(Boolean).join(', ')}
                </h3>
                <p className="ds-paragraph">
                  <time dateTime={comment.receivedAt}>{when(comment.receivedAt, cf)}</time>
                  {comment.registryEntryId && (
                    <>
                      {' · '}
                      <a className="ds-link" href={`/${municipality.slug}/postliste/${comment.registryEntryId}`}>
                        {tc('c.journalEntry')}
                      </a>
                    </>
                  )}
                </p>
                {comment.text ? <Paragraphs text={comment.text} /> : <p className="ds-paragraph">{tc('c.textNotPublic')}</p>}
              </li>
            ))}
          </ol>
        )}
      </section>
    </ConsultationLayout>
  );
}

export function ConfirmPage({ cf, token, message }: { cf: ConsultationFrame; token: string | undefined; message?: 'unknownLink' | 'tooLate' | 'caseClosed' | undefined }) {
  const { tc } = cf;
  return (
    <ConsultationLayout cf={cf} title={tc('c.confirmHeading')}>
      {message ? (
        <p className="ds-paragraph panel" role="alert">
          {tc(`c.${message}`)}
        </p>
      ) : (
        <form method="post" action={`${listPath(cf.municipality)}/bekreft`} className="stack">
          <p className="ds-paragraph">{tc('c.confirmIntro')}</p>
          <input type="hidden" name="token" value={token ?? ''} />
          <button className="ds-button" type="submit">
            {tc('c.confirmButton')}
          </button>
        </form>
      )}
    </ConsultationLayout>
  );
}
