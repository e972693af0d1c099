import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { useFieldArray } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { themeDraft, type Theme } from '../../../../shared/plan/contract';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { TextAreaInput, TextInput } from '../../ui/Field';
import { useNotices } from '../../ui/Notices';
import { Section, headingId } from './Section';
import { focusGroupsPath } from '../../app/paths';
import { InlineForm } from '../../ui/FormActions';
import { afterRemovingRow, useFocusLater } from '../../ui/focus';
import { useSavingForm } from '../../ui/useSavingForm';
import { useReportUnsaved } from '../../ui/unsaved-changes';
import { useConfirmDelete } from '../../ui/useEditAndDelete';
import { formatDate } from '../../../../shared/dates';
import { errorText } from '../../ui/errors';
import { plural } from '../../../../shared/words';
import { useAddTheme, useDeleteTheme, useMoveTheme, useUpdateTheme } from './api';

const SECTION = 'themes';
const MAX_ICE_BREAKERS = 30;

// The shared draft, with ice-breakers as rows ({ text }) so react-hook-form can add and remove them.
const themeFormSchema = z.object({
  title: themeDraft.shape.title,
  description: themeDraft.shape.description,
  iceBreakers: z.array(z.object({ text: themeDraft.shape.iceBreakers.unwrap().element })),
});
type ThemeFormIn = z.input<typeof themeFormSchema>;
type ThemeFormOut = z.output<typeof themeFormSchema>;
type ThemeValues = { title: string; description: string; iceBreakers: string[] };

function ThemeForm({ heading, initial, submitLabel, onSubmit, onCancel }: { heading: string; initial: ThemeValues; submitLabel: string; onSubmit: (values: ThemeValues) => Promise<unknown>; onCancel: () => void }) {
  const { register, control, setFocus, formState, submit, formError } = useSavingForm<ThemeFormIn, ThemeFormOut>(
    {
      defaultValues: { title: initial.title, description: initial.description, iceBreakers: initial.iceBreakers.map((text) => ({ text })) },
      resolver: zodResolver(themeFormSchema),
      // Checked on submit, then as you type: a question just added must not show an error before anyone typed in it.
      mode: 'onSubmit',
    },
    (values) => ({ 'theme.title': 'title', 'theme.description': 'description', ...Object.fromEntries(values.iceBreakers.map((_, i) => [`theme.iceBreakers.${i}`, `iceBreakers.${i}.text`])) }),
    (values) => onSubmit({ title: values.title, description: values.description, iceBreakers: values.iceBreakers.map((q) => q.text) }),
  );
  const questions = useFieldArray({ control, name: 'iceBreakers' });
  const { errors } = formState;
  useReportUnsaved('Themes', formState.isDirty);
  const focusLater = useFocusLater();
  const uid = useId();
  useEffect(() => setFocus('title'), [setFocus]);

  return (
    <InlineForm heading={heading} onSubmit={submit} formError={formError} submitLabel={submitLabel} busy={formState.isSubmitting} onCancel={onCancel}>
      <TextInput label="Theme" required autoComplete="off" error={errors.title?.message} {...register('title')} />
      <TextAreaInput label="Description" rows={3} description="What the pair talks about, and why it matters for the people taking part." error={errors.description?.message} {...register('description')} />
      <fieldset className="fieldset">
        <legend>Ice-breaker questions</legend>
        <p className="field-description">Questions a pair can open the meeting with.</p>
        {questions.fields.length === 0 ? <p className="hint">No questions yet.</p> : null}
        <ol className="row-list">
          {questions.fields.map((field, i) => (
            <li key={field.id} className="list-row">
              <TextInput label={`Question ${i + 1}`} autoComplete="off" error={errors.iceBreakers?.[i]?.text?.message} {...register(`iceBreakers.${i}.text` as const)} />
              <Button
                variant="quiet"
                aria-label={`Remove question ${i + 1}`}
                onPress={() => {
                  questions.remove(i);
                  focusLater(afterRemovingRow(`${uid}-remove-`, i, questions.fields.length, `${uid}-add`));
                }}
                data-focus-id={`${uid}-remove-${i}`}
              >
                Remove
              </Button>
            </li>
          ))}
        </ol>
        {questions.fields.length < MAX_ICE_BREAKERS ? (
          <Button id={`${uid}-add`} onPress={() => questions.append({ text: '' })}>
            Add a question
          </Button>
        ) : (
          <p className="hint">At most {MAX_ICE_BREAKERS} questions per theme.</p>
        )}
      </fieldset>
    </InlineForm>
  );
}

function ThemeCard({ theme, index, count, pilotId, onMove, onEdit, onDelete }: { theme: Theme; index: number; count: number; pilotId: number; onMove: (direction: 'up' | 'down') => void; onEdit: () => void; onDelete: () => void }) {
  return (
    <>
      <div className="theme-head">
        <span className="theme-number" aria-hidden="true">
          {index + 1}
        </span>
        <h3 className="theme-title">{theme.title}</h3>
        <span className="theme-actions">
          <Button variant="quiet" id={`theme-${theme.id}-up`} aria-label={`Move ${theme.title} up`} isDisabled={index === 0} onPress={() => onMove('up')}>
            <span aria-hidden="true">↑</span> Up
          </Button>
          <Button variant="quiet" id={`theme-${theme.id}-down`} aria-label={`Move ${theme.title} down`} isDisabled={index === count - 1} onPress={() => onMove('down')}>
            <span aria-hidden="true">↓</span> Down
          </Button>
          <Button variant="quiet" id={`theme-${theme.id}-edit`} aria-label={`Edit ${theme.title}`} onPress={onEdit}>
            Edit
          </Button>
          <Button variant="quiet" aria-label={`Delete ${theme.title}`} onPress={onDelete}>
            Delete
          </Button>
        </span>
      </div>
      {theme.description ? <p className="theme-description">{theme.description}</p> : <p className="hint">No description yet.</p>}
      <div className="theme-columns">
        <div>
          <h4>Ice-breaker questions</h4>
          {theme.iceBreakers.length > 0 ? (
            <ul className="ice-breakers" aria-label="Ice-breaker questions">
              {theme.iceBreakers.map((q, i) => (
                <li key={i}>{q}</li>
              ))}
            </ul>
          ) : (
            <p className="hint">None yet: edit the theme to add some.</p>
          )}
        </div>
        <div>
          <h4>Focus-group findings behind it</h4>
          {theme.findings.length > 0 ? (
            <ul className="theme-findings" aria-label="Focus-group findings behind it">
              {theme.findings.map((f) => (
                <li key={f.id}>
                  <span className="finding-text">{f.text}</span>{' '}
                  <span className="finding-source">
                    (<Link to={focusGroupsPath(pilotId, f.focusGroupId)}>focus group of {formatDate(f.heldOn)}</Link>)
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="hint">
              None linked yet. Record what people said under <Link to={focusGroupsPath(pilotId)}>Focus groups</Link> and tick this theme.
            </p>
          )}
        </div>
      </div>
    </>
  );
}

export function ThemesSection({ pilotId, themes }: { pilotId: number; themes: Theme[] }) {
  const { notify } = useNotices();
  const focusLater = useFocusLater();
  const [adding, setAdding] = useState(false);
  const [editingId, setEditingId] = useState<number>();
  const create = useAddTheme();
  const update = useUpdateTheme();
  const move = useMoveTheme();
  const remove = useDeleteTheme();
  const { deleting, setDeleting, confirmDelete } = useConfirmDelete(remove, (theme: Theme) => `Theme “${theme.title}” deleted.`, { focusAfter: headingId(SECTION) });

  const moveTheme = async (theme: Theme, direction: 'up' | 'down') => {
    if (move.isPending) return;
    try {
      const ordered = await move.mutateAsync({ id: theme.id, direction });
      const position = ordered.findIndex((t) => t.id === theme.id) + 1;
      // The pressed button moved with its theme (or is now disabled at the end): keep focus on it.
      focusLater(`theme-${theme.id}-${direction}`, `theme-${theme.id}-${direction === 'up' ? 'down' : 'up'}`);
      notify(`“${theme.title}” is now theme ${position} of ${ordered.length}.`);
    } catch (error) {
      notify(errorText(error), { tone: 'error' });
    }
  };

  return (
    <Section
      id={SECTION}
      title="Themes"
      intro="What the pairs talk about, in meeting order, each with ice-breaker questions and the focus-group findings that shaped it."
      actions={
        themes.length > 0 && !adding ? (
          <Button id="add-theme" onPress={() => setAdding(true)}>
            Add a theme
          </Button>
        ) : null
      }
    >
      {themes.length === 0 && !adding ? (
        <div className="section-empty">
          <p>No themes yet. Add the topics the pairs will discuss, such as identity, belonging or being heard, in the order of the meetings.</p>
          <Button variant="primary" id="add-theme" onPress={() => setAdding(true)}>
            Add a theme
          </Button>
        </div>
      ) : null}
      {themes.length > 0 ? (
        <ol className="theme-list" aria-label={`Themes in meeting order (${plural(themes.length, 'theme')})`}>
          {themes.map((theme, index) => (
            <li key={theme.id} className="theme-card">
              {editingId === theme.id ? (
                <ThemeForm
                  heading={`Edit “${theme.title}”`}
                  initial={theme}
                  submitLabel="Save theme"
                  onCancel={() => {
                    setEditingId(undefined);
                    focusLater(`theme-${theme.id}-edit`);
                  }}
                  onSubmit={async (values) => {
                    await update.mutateAsync({ id: theme.id, theme: values });
                    setEditingId(undefined);
                    focusLater(`theme-${theme.id}-edit`);
                    notify(`Theme “${values.title}” saved.`);
                  }}
                />
              ) : (
                <ThemeCard
                  theme={theme}
                  index={index}
                  count={themes.length}
                  pilotId={pilotId}
                  onMove={(direction) => void moveTheme(theme, direction)}
                  onEdit={() => setEditingId(theme.id)}
                  onDelete={() => setDeleting(theme)}
                />
              )}
            </li>
          ))}
        </ol>
      ) : null}
      {adding ? (
        <div className="panel">
          <ThemeForm
            heading="New theme"
            initial={{ title: '', description: '', iceBreakers: [] }}
            submitLabel="Add theme"
            onCancel={() => {
              setAdding(false);
              focusLater('add-theme', headingId(SECTION));
            }}
            onSubmit={async (values) => {
              const created = await create.mutateAsync({ pilotId, theme: values });
              setAdding(false);
              focusLater(`theme-${created.id}-edit`);
              notify(`Theme “${created.title}” added.`);
            }}
          />
        </div>
      ) : null}
      <ConfirmDialog
        isOpen={deleting !== undefined}
        title={`Delete the theme “${deleting?.title ?? ''}”?`}
        confirmLabel="Delete theme"
        isPending={remove.isPending}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setDeleting(undefined)}
      >
        <p>
          The theme and its ice-breaker questions are deleted. {deleting && deleting.findings.length > 0 ? `Its links to ${plural(deleting.findings.length, 'finding')} go too; the findings themselves stay with their focus groups.` : ''} This cannot be undone.
        </p>
      </ConfirmDialog>
    </Section>
  );
}
