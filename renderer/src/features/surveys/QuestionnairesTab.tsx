import { useState } from 'react';
import { Button } from '../../ui/Button';
import { Callout } from '../../ui/Callout';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState, ErrorMessage, Loading } from '../../ui/Page';
import { FormDialog } from '../../ui/FormDialog';
import { DialogFormActions } from '../../ui/FormActions';
import { SelectInput, TextInput } from '../../ui/Field';
import { Table, type Column } from '../../ui/Table';
import { useNotices } from '../../ui/Notices';
import { useFocusLater } from '../../ui/focus';
import { errorText } from '../../ui/errors';
import { usePilotId } from '../../app/usePilotId';
import { plural } from '../../../../shared/words';
import { audienceLabels, itemKindLabels, type Instrument, type SurveyItem, type Template } from '../../../../shared/surveys/contract';
import { useAddItem, useCreateInstrument, useDeleteInstrument, useInstrument, useMoveItem, useRemoveItem, useRenameInstrument, useSurveysOverview, useUpdateItem } from './api';
import { ItemDialog } from './ItemDialog';
import { useSurveysParams } from './params';

/** A new questionnaire: its title, and the scheme template or a blank page. */
function NewInstrumentDialog({ onCreated, onClose }: { onCreated: (id: number) => void; onClose: () => void }) {
  const pilotId = usePilotId();
  const create = useCreateInstrument();
  const [title, setTitle] = useState('Belonging and understanding');
  const [template, setTemplate] = useState<Template>('scheme');
  const [error, setError] = useState<string>();
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    try {
      const instrument = await create.mutateAsync({ pilotId, title, template });
      onCreated(instrument.id);
      onClose();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <FormDialog title="New questionnaire" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate className="form">
        <TextInput label="Title" required value={title} onChange={(e) => setTitle(e.target.value)} />
        <SelectInput
          label="Start from"
          value={template}
          onChange={(e) => setTemplate(e.target.value as Template)}
          options={[
            { value: 'scheme', label: 'The scheme template: statements for students and for staff' },
            { value: 'blank', label: 'A blank questionnaire' },
          ]}
          description="The template’s statements come from the schemes this app was made from (belonging, being valued, staff understanding); change them freely."
        />
        <DialogFormActions formError={error} submitLabel="Create questionnaire" busy={create.isPending} onCancel={onClose} />
      </form>
    </FormDialog>
  );
}

function RenameDialog({ instrument, onClose }: { instrument: Instrument; onClose: () => void }) {
  const rename = useRenameInstrument();
  const [title, setTitle] = useState(instrument.title);
  const [error, setError] = useState<string>();
  return (
    <FormDialog title="Rename the questionnaire" onClose={onClose}>
      <form
        noValidate
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          rename.mutateAsync({ instrumentId: instrument.id, title }).then(onClose, (err: unknown) => setError(errorText(err)));
        }}
      >
        <TextInput label="Title" required value={title} onChange={(e) => setTitle(e.target.value)} />
        <DialogFormActions formError={error} submitLabel="Rename" busy={rename.isPending} onCancel={onClose} />
      </form>
    </FormDialog>
  );
}

function ItemSummary({ item }: { item: SurveyItem }) {
  return (
    <>
      <span className="sv-item-text">{item.text}</span>
      <span className="sv-item-facts">
        <span className="pill pill-reason">{itemKindLabels[item.kind]}</span> <span className="pill pill-reason">{audienceLabels[item.audience]}</span>
        {item.reverseScored ? <span className="pill pill-flag">Reverse-scored</span> : null}
      </span>
      {item.earlierWordings.map((w) => (
        <span key={w.version} className="cell-note-wrap sv-earlier">
          Version {w.version} asked: “{w.text}”
        </span>
      ))}
    </>
  );
}

function InstrumentEditor({ instrument }: { instrument: Instrument }) {
  const { notify } = useNotices();
  const focusLater = useFocusLater();
  const add = useAddItem();
  const update = useUpdateItem();
  const move = useMoveItem();
  const remove = useRemoveItem();
  const deleteInstrument = useDeleteInstrument();
  const [editing, setEditing] = useState<SurveyItem | 'new'>();
  const [removing, setRemoving] = useState<SurveyItem>();
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const versionNote = instrument.nextChangeMakesVersion
    ? `Version ${instrument.version} has responses: the next change to its items makes version ${instrument.version + 1}, and answers already given keep their wording.`
    : `Version ${instrument.version}: no responses yet, so changes apply to it directly.`;

  const moveItem = async (item: SurveyItem, direction: 'up' | 'down') => {
    try {
      await move.mutateAsync({ instrumentId: instrument.id, itemId: item.id, direction });
      focusLater(`sv-move-${direction}-${item.id}`, `sv-edit-${item.id}`);
    } catch (error) {
      notify(errorText(error), { tone: 'error' });
    }
  };

  const columns: Column<SurveyItem & { index: number }>[] = [
    { id: 'number', header: 'No.', className: 'sv-num', cell: (item) => item.index + 1 },
    { id: 'question', header: 'Item', rowHeader: true, cell: (item) => <ItemSummary item={item} /> },
    {
      id: 'scale',
      header: 'Scale or choices',
      className: 'sv-scale',
      cell: (item) =>
        item.kind === 'likert' ? `${item.options.length} points: ${item.options[0]} … ${item.options.at(-1)}` : item.kind === 'choice' ? item.options.join(' · ') : <span className="muted">written answer</span>,
    },
    {
      id: 'actions',
      header: 'Actions',
      hideHeader: true,
      className: 'cell-actions',
      cell: (item) => (
        <>
          <Button variant="quiet" data-focus-id={`sv-edit-${item.id}`} aria-label={`Edit item ${item.index + 1}`} onPress={() => setEditing(item)}>
            Edit
          </Button>
          <Button variant="quiet" data-focus-id={`sv-move-up-${item.id}`} aria-label={`Move item ${item.index + 1} up`} isDisabled={item.index === 0} onPress={() => void moveItem(item, 'up')}>
            Up
          </Button>
          <Button
            variant="quiet"
            data-focus-id={`sv-move-down-${item.id}`}
            aria-label={`Move item ${item.index + 1} down`}
            isDisabled={item.index === instrument.items.length - 1}
            onPress={() => void moveItem(item, 'down')}
          >
            Down
          </Button>
          <Button variant="quiet" aria-label={`Remove item ${item.index + 1}`} onPress={() => setRemoving(item)}>
            Remove
          </Button>
        </>
      ),
    },
  ];

  return (
    <section className="section-card" aria-labelledby="sv-instrument-title">
      <div className="section-card-header">
        <h2 id="sv-instrument-title">{instrument.title}</h2>
        <div className="page-actions">
          <Button onPress={() => setRenaming(true)}>Rename</Button>
          {instrument.waves.length === 0 ? (
            <Button variant="danger" onPress={() => setDeleting(true)}>
              Delete
            </Button>
          ) : null}
        </div>
      </div>
      <p className="summary-line">
        {plural(instrument.items.length, 'item')} · {plural(instrument.responses, 'response')} · {instrument.waves.length > 0 ? `used by ${instrument.waves.map((w) => w.title).join(', ')}` : 'no wave uses it yet'}
      </p>
      {instrument.nextChangeMakesVersion ? <Callout tone="warning">{versionNote}</Callout> : <p className="section-intro">{versionNote}</p>}
      <Table
        caption={`Items of ${instrument.title}, in the order they are asked`}
        columns={columns}
        rows={instrument.items.map((item, index) => ({ ...item, index }))}
        rowKey={(item) => item.id}
        empty={<p className="section-empty">No items yet. Add the first one.</p>}
        className="sv-items table-gap-small"
      />
      <Button variant="primary" onPress={() => setEditing('new')}>
        Add an item
      </Button>
      {editing ? (
        <ItemDialog
          {...(editing === 'new' ? {} : { item: editing })}
          nextChangeMakesVersion={instrument.nextChangeMakesVersion}
          version={instrument.version}
          onClose={() => setEditing(undefined)}
          onSave={async (item) => {
            const saved = editing === 'new' ? await add.mutateAsync({ instrumentId: instrument.id, item }) : await update.mutateAsync({ instrumentId: instrument.id, itemId: editing.id, item });
            notify(saved.version > instrument.version ? `Saved as version ${saved.version}. Answers already given keep version ${instrument.version}’s wording.` : 'Item saved.');
          }}
        />
      ) : null}
      {renaming ? <RenameDialog instrument={instrument} onClose={() => setRenaming(false)} /> : null}
      <ConfirmDialog
        isOpen={removing !== undefined}
        title="Remove this item?"
        confirmLabel="Remove item"
        isPending={remove.isPending}
        onCancel={() => setRemoving(undefined)}
        onConfirm={() => {
          const item = removing!;
          remove.mutateAsync({ instrumentId: instrument.id, itemId: item.id }).then(
            (saved) => {
              setRemoving(undefined);
              notify(saved.version > instrument.version ? `Removed in version ${saved.version}; answers already given to it are kept.` : 'Item removed.');
            },
            (error: unknown) => {
              setRemoving(undefined);
              notify(errorText(error), { tone: 'error' });
            },
          );
        }}
      >
        <p>“{removing?.text}” will no longer be asked. {removing?.answered ? 'Answers already given to it are kept with the version they were given in.' : ''}</p>
      </ConfirmDialog>
      <ConfirmDialog
        isOpen={deleting}
        title="Delete this questionnaire?"
        confirmLabel="Delete questionnaire"
        isPending={deleteInstrument.isPending}
        onCancel={() => setDeleting(false)}
        onConfirm={() => {
          deleteInstrument.mutateAsync({ instrumentId: instrument.id }).then(
            () => notify(`${instrument.title} deleted.`),
            (error: unknown) => notify(errorText(error), { tone: 'error' }),
          );
          setDeleting(false);
        }}
      >
        <p>No wave uses it, so nothing else changes.</p>
      </ConfirmDialog>
    </section>
  );
}

/** The questionnaires of the pilot: one open at a time, with its items. */
export function QuestionnairesTab() {
  const pilotId = usePilotId();
  const overview = useSurveysOverview(pilotId);
  const { number, set } = useSurveysParams();
  const [creating, setCreating] = useState(false);
  const instruments = overview.data?.instruments ?? [];
  const chosen = instruments.find((i) => i.id === number('questionnaire'))?.id ?? instruments[0]?.id;
  const instrument = useInstrument(chosen);
  if (overview.isPending) return <Loading />;
  if (overview.error) return <ErrorMessage error={overview.error} />;
  const dialog = creating ? <NewInstrumentDialog onCreated={(id) => set({ questionnaire: String(id) })} onClose={() => setCreating(false)} /> : null;
  if (instruments.length === 0) {
    return (
      <>
        <EmptyState title="No questionnaire yet" action={<Button variant="primary" onPress={() => setCreating(true)}>New questionnaire</Button>}>
          A questionnaire holds the statements people rate before and after the scheme. Start from the scheme template (students: belonging, being valued, confidence with senior staff; staff:
          understanding students’ challenges) and change it as you need.
        </EmptyState>
        {dialog}
      </>
    );
  }
  return (
    <>
      <div className="toolbar">
        {instruments.length > 1 ? (
          <SelectInput label="Questionnaire" value={String(chosen)} onChange={(e) => set({ questionnaire: e.target.value })} options={instruments.map((i) => ({ value: String(i.id), label: `${i.title} (version ${i.version})` }))} />
        ) : null}
        <Button onPress={() => setCreating(true)}>New questionnaire</Button>
      </div>
      {instrument.data ? <InstrumentEditor instrument={instrument.data} /> : instrument.error ? <ErrorMessage error={instrument.error} /> : <Loading />}
      {dialog}
    </>
  );
}
