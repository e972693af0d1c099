import { useState } from 'react';
import { Link, Navigate, Route, Routes, useParams } from 'react-router';
import type { Code } from '../../../../../shared/interviews/transcripts-contract';
import { usePilotId } from '../../../app/usePilotId';
import { pilotPath } from '../../../app/paths';
import { Button } from '../../../ui/Button';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { SelectInput, TextAreaInput, TextInput } from '../../../ui/Field';
import { FormDialog, FormError } from '../../../ui/FormDialog';
import { DialogFormActions } from '../../../ui/FormActions';
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../../ui/Page';
import { Pager } from '../../../ui/Pager';
import { SectionCard } from '../../../ui/SectionCard';
import { Table } from '../../../ui/Table';
import { errorText } from '../../../ui/errors';
import { useCodePage, useCodebook, useCreateCode, useMergeCodes, useRemoveCode, useStartFromThemes, useUpdateCode } from './api';
import './coding.css';

const codebookPath = (pilotId: number, rest = '') => pilotPath(pilotId, `interviews/codebook${rest ? `/${rest}` : ''}`);
const PAGE = 20;

/** The pilot's codebook (coordinator): codes from the plan's themes and new ones; a page per code with every excerpt. */
export function CodebookPage() {
  const pilotId = usePilotId();
  return (
    <Routes>
      <Route index element={<Codebook pilotId={pilotId} />} />
      <Route path=":codeId" element={<CodeExcerpts pilotId={pilotId} />} />
      <Route path="*" element={<Navigate to={codebookPath(pilotId)} replace />} />
    </Routes>
  );
}

type Editing = { kind: 'add' } | { kind: 'edit'; code: Code } | { kind: 'merge'; code: Code } | { kind: 'delete'; code: Code };

function Codebook({ pilotId }: { pilotId: number }) {
  const codes = useCodebook(pilotId);
  const start = useStartFromThemes();
  const [editing, setEditing] = useState<Editing>();
  const close = () => setEditing(undefined);
  return (
    <>
      <Link to={pilotPath(pilotId, 'interviews')}>← Closing interviews</Link>
      <PageHeader
        title="Codebook"
        description="Codes for the closing-interview transcripts; each code’s page lists its excerpts."
        actions={
          <>
            <Button busy={start.isPending} onPress={() => start.mutate({ pilotId })}>
              Add the plan’s themes
            </Button>
            <Button variant="primary" onPress={() => setEditing({ kind: 'add' })}>
              Add a code
            </Button>
          </>
        }
      />
      <FormError message={start.error ? errorText(start.error) : undefined} />
      {codes.isPending ? (
        <Loading label="Opening the codebook…" />
      ) : codes.error ? (
        <ErrorMessage error={codes.error} />
      ) : (
        <Table
          caption="Codes"
          rows={codes.data}
          rowKey={(code) => code.id}
          empty={
            <EmptyState title="No codes yet">
              Start from the plan’s themes (each becomes a code), or add codes of your own.
            </EmptyState>
          }
          columns={[
            {
              id: 'name',
              header: 'Code',
              rowHeader: true,
              cell: (code) => (
                <span className="code-chip">
                  <span className="code-swatch" style={{ backgroundColor: code.colour }} aria-hidden="true" />
                  <Link to={codebookPath(pilotId, String(code.id))}>{code.name}</Link>
                </span>
              ),
            },
            { id: 'description', header: 'Description', cell: (code) => code.description || '—' },
            { id: 'excerpts', header: 'Excerpts', cell: (code) => code.excerpts },
            {
              id: 'actions',
              header: 'Actions',
              hideHeader: true,
              cell: (code) => (
                <div className="excerpt-actions">
                  <Button onPress={() => setEditing({ kind: 'edit', code })} aria-label={`Edit ${code.name}`}>
                    Edit
                  </Button>
                  <Button onPress={() => setEditing({ kind: 'merge', code })} aria-label={`Merge ${code.name} into another code`} isDisabled={codes.data.length < 2}>
                    Merge…
                  </Button>
                  <Button onPress={() => setEditing({ kind: 'delete', code })} aria-label={`Delete ${code.name}`}>
                    Delete
                  </Button>
                </div>
              ),
            },
          ]}
        />
      )}
      {editing?.kind === 'add' || editing?.kind === 'edit' ? <CodeForm pilotId={pilotId} code={editing.kind === 'edit' ? editing.code : undefined} taken={codes.data?.length ?? 0} onClose={close} /> : null}
      {editing?.kind === 'merge' ? <MergeForm code={editing.code} codes={codes.data ?? []} onClose={close} /> : null}
      <DeleteCode code={editing?.kind === 'delete' ? editing.code : undefined} onClose={close} />
    </>
  );
}

const PALETTE = ['#f6c85f', '#9fd0f0', '#b5e3a1', '#f4a6a6', '#d2b7f0', '#ffd8a8', '#a8e6e0', '#e6c9a8'];

function CodeForm({ pilotId, code, taken, onClose }: { pilotId: number; code: Code | undefined; taken: number; onClose: () => void }) {
  const [name, setName] = useState(code?.name ?? '');
  const [colour, setColour] = useState(code?.colour ?? PALETTE[taken % PALETTE.length]!);
  const [description, setDescription] = useState(code?.description ?? '');
  const [memo, setMemo] = useState(code?.memo ?? '');
  const create = useCreateCode();
  const update = useUpdateCode();
  const error = create.error ?? update.error;
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (code) update.mutate({ codeId: code.id, name, colour, description, memo }, { onSuccess: onClose });
    else create.mutate({ pilotId, name, colour, description }, { onSuccess: onClose });
  };
  const fieldError = (field: string) => error?.issues?.find((issue) => issue.path[0] === field)?.message;
  return (
    <FormDialog title={code ? `Edit ${code.name}` : 'Add a code'} onClose={onClose} size="wide">
      <form onSubmit={submit} noValidate>
        <TextInput label="Name" required value={name} onChange={(event) => setName(event.target.value)} error={fieldError('name')} autoFocus />
        <TextInput label="Colour" type="color" value={colour} onChange={(event) => setColour(event.target.value)} description="Coded words are highlighted in this colour." className="colour-input" />
        <TextAreaInput label="Description" value={description} rows={2} onChange={(event) => setDescription(event.target.value)} description="What this code means, so coding stays consistent." />
        {code ? <TextAreaInput label="Memo" value={memo} rows={4} onChange={(event) => setMemo(event.target.value)} description="Your analytic notes on this code." /> : null}
        <DialogFormActions formError={error && !fieldError('name') ? errorText(error) : undefined} submitLabel={code ? 'Save' : 'Add code'} busy={create.isPending || update.isPending} onCancel={onClose} />
      </form>
    </FormDialog>
  );
}

function MergeForm({ code, codes, onClose }: { code: Code; codes: Code[]; onClose: () => void }) {
  const others = codes.filter((other) => other.id !== code.id);
  const [into, setInto] = useState(String(others[0]?.id ?? ''));
  const merge = useMergeCodes();
  return (
    <FormDialog title={`Merge ${code.name}`} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          merge.mutate({ codeId: code.id, intoCodeId: Number(into) }, { onSuccess: onClose });
        }}
        noValidate
      >
        <p>
          Its {code.excerpts === 1 ? 'excerpt takes' : `${code.excerpts} excerpts take`} the code you choose, and {code.name} is removed from the codebook.
        </p>
        <SelectInput label="Merge into" value={into} onChange={(event) => setInto(event.target.value)} options={others.map((other) => ({ value: String(other.id), label: other.name }))} />
        <DialogFormActions formError={merge.error ? errorText(merge.error) : undefined} submitLabel="Merge" busy={merge.isPending} onCancel={onClose} />
      </form>
    </FormDialog>
  );
}

function DeleteCode({ code, onClose }: { code: Code | undefined; onClose: () => void }) {
  const remove = useRemoveCode();
  return (
    <ConfirmDialog
      isOpen={code !== undefined}
      title={`Delete ${code?.name ?? 'this code'}?`}
      confirmLabel="Delete code"
      isPending={remove.isPending}
      onConfirm={() => code && remove.mutate({ codeId: code.id }, { onSuccess: onClose })}
      onCancel={onClose}
    >
      <p>
        {code?.excerpts
          ? `${code.excerpts === 1 ? '1 excerpt uses' : `${code.excerpts} excerpts use`} it. Excerpts with no other code are uncoded; the transcript text stays.`
          : 'No excerpt uses it.'}{' '}
        This cannot be undone.
      </p>
      <FormError message={remove.error ? errorText(remove.error) : undefined} />
    </ConfirmDialog>
  );
}

function CodeExcerpts({ pilotId }: { pilotId: number }) {
  const codeId = Number(useParams().codeId);
  const [offset, setOffset] = useState(0);
  const page = useCodePage({ codeId, offset, limit: PAGE });
  if (page.isPending) return <Loading label="Opening the code…" />;
  if (page.error) return <ErrorMessage error={page.error} />;
  const { code, rows, total } = page.data;
  return (
    <>
      <Link to={codebookPath(pilotId)}>← Codebook</Link>
      <PageHeader title={code.name} description={code.description || undefined} />
      <SectionCard headingId="code-excerpts" title={`Excerpts (${total})`} intro="Quote word for word only where the person consented to direct quotes; paraphrase the rest. Consent is read from the register as it is now. A person who withdrew stays here, as their consent form allows analysis of what was already collected.">
        {code.memo ? <p className="code-page-meta">Memo: {code.memo}</p> : null}
        <Table
          caption={`Excerpts coded ${code.name}`}
          rows={rows}
          rowKey={(row) => row.id}
          empty={<EmptyState title="No excerpts yet">Code words in an interview’s transcript with {code.name} and they appear here.</EmptyState>}
          columns={[
            { id: 'person', header: 'Person', rowHeader: true, cell: (row) => <Link to={pilotPath(pilotId, `interviews/${row.interviewId}`)}>{row.personName}</Link> },
            { id: 'role', header: 'Role', cell: (row) => (row.personRole === 'mentor' ? 'Mentor' : 'Mentee') },
            {
              id: 'excerpt',
              header: 'Excerpt',
              cell: (row) => (
                <>
                  <blockquote className="code-excerpt">{row.text}</blockquote>
                  {row.memo ? <p className="excerpt-memo">Memo: {row.memo}</p> : null}
                </>
              ),
            },
            {
              id: 'quotes',
              header: 'Direct quotes',
              cell: (row) =>
                row.directQuotes ? (
                  <span className="quote-ok">✓ May be quoted</span>
                ) : (
                  <span className="quote-no">✗ Do not quote{row.withdrawn ? ' (withdrawn)' : ''}</span>
                ),
            },
          ]}
        />
        <Pager total={total} offset={offset} pageSize={PAGE} what="excerpts" onPage={setOffset} />
      </SectionCard>
    </>
  );
}
